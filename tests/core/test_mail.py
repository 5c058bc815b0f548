"""core/mail.py: the one way e-mails are rendered (exchange, alerts and officials' notices use it)."""

import pytest
from django.test import override_settings

from core.mail import render_message

TEMPLATES = {
    "note_subject.txt": '{% load i18n %}\n  {% translate "Yes" %}: {{ title }}\n\nBcc: someone@example.org\n',
    "note.txt": '{% load i18n %}{% translate "No" %} — {{ title }}',
    "note.html": "<p>{{ title }}</p>",
}


@pytest.fixture(autouse=True)
def mail_templates():
    engine = {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)]},
    }
    with override_settings(TEMPLATES=[engine]):
        yield


def test_plain_text_keeps_what_was_typed():
    message = render_message("note", language="en", context={"title": 'Registro & "entrevistas" d\'O'}, to=["a@x.org"])
    assert message.subject == 'Yes: Registro & "entrevistas" d\'O Bcc: someone@example.org'
    assert message.body == 'No — Registro & "entrevistas" d\'O'


def test_the_subject_is_one_line_whatever_the_template_or_the_value_hold():
    message = render_message("note", language="en", context={"title": "A\r\nTo: x@example.org"}, to=["a@example.org"])
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.subject == "Yes: A To: x@example.org Bcc: someone@example.org"


@pytest.mark.parametrize(("language", "yes", "no"), [("es", "Sí", "No"), ("pt", "Sim", "Não"), ("en", "Yes", "No")])
def test_subject_and_body_are_in_the_reader_s_language(language, yes, no):
    message = render_message("note", language=language, context={"title": "T"}, to=["a@example.org"])
    assert message.subject == f"{yes}: T Bcc: someone@example.org"
    assert message.body == f"{no} — T"


def test_the_html_alternative_only_when_asked_and_escaped():
    plain = render_message("note", language="es", context={"title": "<b>x</b>"}, to=["a@example.org"])
    assert plain.alternatives == []
    assert plain.body.endswith("<b>x</b>")  # plain text: nothing to escape
    rich = render_message("note", language="es", context={"title": "<b>x</b>"}, to=["a@example.org"], html=True)
    ((content, mimetype),) = rich.alternatives
    assert (content, mimetype) == ("<p>&lt;b&gt;x&lt;/b&gt;</p>", "text/html")


def test_options_reach_the_message():
    message = render_message(
        "note",
        language="es",
        context={"title": "T"},
        to=["a@example.org"],
        reply_to=["r@example.org"],
        headers={"X-A": "1"},
    )
    assert (message.to, message.reply_to, message.extra_headers) == (["a@example.org"], ["r@example.org"], {"X-A": "1"})
