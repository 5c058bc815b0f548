"""Form fields that apply the parameter rule (core/params.py) to what visitors type, and the one
parser of GET parameters (`ParameterForm`)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import params
from .params import CONTROL_CHARACTERS


def refuse_control_characters(value: str) -> None:
    """A name or an institution is one line: a CR/LF in it could start a fake line ("Bcc: …")
    in the e-mail that carries it, and no person types a control character there."""
    if CONTROL_CHARACTERS.search(value or ""):
        raise ValidationError(
            gettext_lazy("This field must be a single line, without line breaks or other control characters."),
            code="control_characters",
        )


class SingleLineField(forms.CharField):
    default_validators = [refuse_control_characters]


# GET parameters ------------------------------------------------------------------------------
# One parser for the public GET parameters, as Django forms: each field applies the parameter rule
# (core/params.py) and the form decides what a bad value does. Strict (the API, the exports): every
# problem is listed and the request answers 400 (`InvalidParameters`). Lenient (the pages): the bad
# value is dropped, `messages` says so, and the rest of the request goes on.


class InvalidParameters(ValueError):
    """Bad parameters: each message says what was wrong; the API (opendata/api.py, handle_exception) and
    the exports answer them with a 400. Not Wagtail's BadRequestError: importing wagtail.api.v2 loads a
    model, and core is imported while the models load."""

    def __init__(self, errors: list[str]):
        super().__init__(" ".join(errors))
        self.errors = errors


class ParameterWidget(forms.Widget):
    """Every value the parameter was given, as a list: the field decides whether several are allowed."""

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            return data.getlist(name)
        return [data[name]] if name in data else []

    def value_omitted_from_data(self, data, files, name):
        return name not in data


class ParameterField(forms.Field):
    """One value read by a core.params function, `parse(raw, name=…, **options)`; absent or blank: None."""

    widget = ParameterWidget

    def __init__(self, parse, **options):
        super().__init__(required=False)
        self.parse, self.parse_options = parse, options
        self.name = ""  # the parameter's name, set by the form: messages name it
        self.strict = False
        self.notes: list[str] = []  # lenient messages about values dropped while the rest was kept

    def clean(self, values):
        try:
            raw = params.single(values or [], name=self.name)
            if raw is None or not raw.strip():
                return None
            return self.parse(raw, name=self.name, **self.parse_options)
        except params.BadParameter as error:
            raise ValidationError(error.message, code="bad_parameter") from error


class CodeField(ParameterField):
    """Codes out of a vocabulary (objects with `code` and `label`), compared without case; `multiple`
    takes repeated parameters and comma-separated values. Strict: an unknown code is an error listing
    the accepted ones. Lenient: each unknown code is dropped with a message, the known ones are kept."""

    MAX_VALUES = 30  # repeated parameters read, so that a huge URL costs nothing
    MAX_LISTED = 30  # accepted codes an error message lists

    def __init__(self, options, *, label, multiple: bool = False, lenient_message=None):
        super().__init__(parse=None)
        self.vocabulary = options  # a list, or a callable giving it (read once per form)
        self.label = label
        self.multiple = multiple
        self.lenient_message = lenient_message  # a message with %(value)s, instead of the usual one

    def options(self) -> list:
        if callable(self.vocabulary):
            self.vocabulary = self.vocabulary()
        return self.vocabulary

    def clean(self, values):
        values = values or []
        if not self.multiple:
            try:
                raw = params.single(values, name=self.name)
            except params.BadParameter as error:
                raise ValidationError(error.message, code="bad_parameter") from error
            values = [raw] if raw is not None else []
        codes = [part.strip() for raw in values[: self.MAX_VALUES] for part in raw.split(",") if part.strip()]
        if not codes:
            return []
        by_code = {option.code.casefold(): option for option in self.options()}
        chosen, unknown = [], []
        for code in codes:
            option = by_code.get(code.casefold())
            if option is None:
                unknown.append(code)
            elif option not in chosen:
                chosen.append(option)
        if unknown and self.strict:
            accepted = sorted(option.code for option in self.options())
            listed = ", ".join(accepted[: self.MAX_LISTED]) + (" …" if len(accepted) > self.MAX_LISTED else "")
            raise ValidationError(
                _("Unknown value “%(value)s” for “%(parameter)s”. Accepted values: %(accepted)s.")
                % {"value": params.shown(unknown[0]), "parameter": self.name, "accepted": listed},
                code="unknown_value",
            )
        for code in unknown:
            if self.lenient_message:
                self.notes.append(self.lenient_message % {"value": params.shown(code)})
            else:
                self.notes.append(
                    _("Unknown value “%(value)s” for “%(filter)s” was ignored.")
                    % {"value": params.shown(code), "filter": self.label}
                )
        return chosen


class ParameterForm(forms.Form):
    """GET parameters read by the one rule, strict or lenient (see above). Fields are
    `ParameterField`s; a `clean_<name>` method may add a lenient note with `note(name, message)`."""

    def __init__(self, data, *, strict: bool = False, **kwargs):
        super().__init__(data, **kwargs)
        self.strict = strict
        for name, field in self.fields.items():
            field.name, field.strict, field.notes = name, strict, []

    def note(self, name: str, message: str) -> None:
        self.fields[name].notes.append(message)

    @property
    def values(self) -> dict:
        """Every field's value: what was given and valid; None (or []) where it was absent or dropped."""
        self.is_valid()
        empty = {
            name: [] if isinstance(field, CodeField) and field.multiple else None for name, field in self.fields.items()
        }
        return {**empty, **{name: value for name, value in self.cleaned_data.items() if name in self.fields}}

    def problems(self) -> list[str]:
        """Strict: what was wrong, field by field, in the form's order."""
        self.is_valid()
        return [str(message) for name in self.fields for message in self.errors.get(name, [])] + [
            str(message) for message in self.non_field_errors()
        ]

    @property
    def messages(self) -> list[str]:
        """Lenient: what was dropped or changed, field by field, in the form's order."""
        self.is_valid()
        found = []
        for name, field in self.fields.items():
            found += field.notes
            found += [params.ignored(params.BadParameter(str(message))) for message in self.errors.get(name, [])]
        return found + [str(message) for message in self.non_field_errors()]

    def raise_problems(self) -> None:
        if self.strict and self.problems():
            raise InvalidParameters(self.problems())
