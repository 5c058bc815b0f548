"""Editor forms for practices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from officials.page_forms import OnlyPermittedMediaPageForm

from .choices import language_of_country
from .taxonomy import Topic


class PracticePageForm(OnlyPermittedMediaPageForm):
    # Checkboxes, not a free-text tag field: the vocabulary is closed and small, and some topic
    # names contain commas that a comma-separated tag field would split.
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("topics"),
        help_text=_("Choose from the secretariat's vocabulary."),
    )

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        # A new practice is written in its institution's language: a Brazilian official writes
        # in Portuguese without having to change "original language" first.
        if self.instance.pk is None and "original_language" in self.fields:
            country = getattr(getattr(parent_page, "specific_deferred", None), "country", None)
            if country is not None:
                self.initial["original_language"] = language_of_country(country.iso2)
