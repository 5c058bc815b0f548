from dataclasses import dataclass


class ImportFileError(Exception):
    """The file as a whole cannot be read (missing, empty, binary, too large, not UTF-8, not Excel)."""


@dataclass(frozen=True)
class RecordError:
    line: int
    field: str
    message: str

    def __str__(self):
        from django.utils.translation import gettext as _

        if self.field:
            return _("line %(line)s, field “%(field)s”: %(message)s") % {
                "line": self.line,
                "field": self.field,
                "message": self.message,
            }
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}
