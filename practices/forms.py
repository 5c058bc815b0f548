"""Editor forms for practices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from officials.page_forms import OnlyPermittedMediaPageForm

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
