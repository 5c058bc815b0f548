"""Editor forms for practices."""

from functools import partial

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.documents import get_document_model

from .choices import language_of_country
from .page_forms import OnlyPermittedMediaPageForm
from .taxonomy import Country, Keyword, Topic

# Checkbox fields whose vocabulary the search facets already keep cached, named in the active
# language and dropped when an entry is saved (search/facets.py, search/signals.py). Search hands
# them over through this hook, fn(field_name, locale) -> [(value, label)] or None: practices sits
# below search and never imports it (search/wagtail_hooks.py).
CACHED_CHOICES_HOOK = "practice_form_cached_choices"
CACHED_CHOICE_FIELDS = ("stages", "topics", "mechanisms", "partners")


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
        if kwargs.get("instance") is not None and not (args or kwargs.get("data")):
            load_tags_at_once(kwargs["instance"])
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self.use_cached_vocabularies()
        if "attachments" in self.formsets:
            preload_documents(self.formsets["attachments"])
        # A new practice is written in its institution's language: a Brazilian official writes
        # in Portuguese without having to change "original language" first.
        if self.instance.pk is None and "original_language" in self.fields:
            country_id = getattr(getattr(parent_page, "specific_deferred", None), "country_id", None)
            if country_id is not None:
                self.initial["original_language"] = language_of_country(Country.iso2_of(country_id))

    def use_cached_vocabularies(self) -> None:
        """Each checkbox list was read from the database twice per form (once for the page, once for
        the editor's JavaScript): 8 queries on every add and edit. The cached list costs none;
        submitted values are still checked against the database by the field's queryset."""
        for cached_choices in hooks.get_hooks(CACHED_CHOICES_HOOK):
            for name in CACHED_CHOICE_FIELDS:
                choices = cached_choices(name, self.instance.locale) if name in self.fields else None
                if choices is not None:
                    self.fields[name].choices = choices


def preload_documents(formset) -> None:
    """Each attachment row's chooser read its document with its own query; one query reads them all.
    The widget's lookup is replaced on these instances only (Wagtail builds its class at runtime)."""
    ids = {form.initial.get("document") for form in formset.forms} - {None}
    documents = get_document_model().objects.in_bulk(ids)
    for form in formset.forms:
        widget = form.fields["document"].widget
        widget.get_instance = partial(_known_or_queried, documents, widget.get_instance)


def _known_or_queried(known: dict, query, value):
    return known.get(value) or query(value)


def load_tags_at_once(page) -> None:
    """The tag fields read each tag of a page with its own query (modelcluster's taggit field);
    two queries per tag field read them all, whatever their number."""
    for relation, tag_model in (("tagged_topics", Topic), ("tagged_keywords", Keyword)):
        items = list(getattr(page, relation).all())
        tags = tag_model.objects.in_bulk({item.tag_id for item in items})
        for item in items:
            if item.tag_id in tags:
                item.tag = tags[item.tag_id]
        setattr(page, relation, items)  # kept in memory, where the form reads them
