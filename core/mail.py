"""E-mails rendered from templates in the reader's language: one subject line, a plain-text body
and, where the message has one, an HTML alternative.

`<template>_subject.txt` is collapsed to one line (a line break in a subject could start a
header); `<template>.txt` is the body; `<template>.html`, when `html` is set, the alternative.
The subject and the body are plain text, rendered without HTML escaping (a practice called
"Registro & entrevistas" keeps its "&"; the templates need no `{% autoescape off %}`); the HTML
alternative is escaped as every HTML template is.
"""

from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation


def render_message(template: str, *, language: str, context: dict, to: list[str], html: bool = False, **options):
    """An unsent message; `options` go to EmailMultiAlternatives (from_email, reply_to, headers…)."""
    with translation.override(language):
        subject = " ".join(_plain_text(f"{template}_subject.txt", context).split())
        body = _plain_text(f"{template}.txt", context)
        alternative = render_to_string(f"{template}.html", context) if html else None
    message = EmailMultiAlternatives(subject, body, to=to, **options)
    if alternative is not None:
        message.attach_alternative(alternative, "text/html")
    return message


def _plain_text(name: str, context: dict) -> str:
    return get_template(name).template.render(Context(context, autoescape=False))
