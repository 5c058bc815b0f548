"""Form fields that apply the parameter rule (core/params.py) to what visitors type."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .params import CONTROL_CHARACTERS


def refuse_control_characters(value: str) -> None:
    """A name or an institution is one line: a CR/LF in it could start a fake line ("Bcc: …")
    in the e-mail that carries it, and no person types a control character there."""
    if CONTROL_CHARACTERS.search(value or ""):
        raise ValidationError(
            _("This field must be a single line, without line breaks or other control characters."),
            code="control_characters",
        )


class SingleLineField(forms.CharField):
    default_validators = [refuse_control_characters]
