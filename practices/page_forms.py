"""The page form refuses documents, images and linked pages the editor may not use.

Wagtail's choosers offer an official only her institution's media and the pages she may see, but a
crafted POST can name any document or image by id (in an inline row, a StreamField block or a
rich-text link) and any page in a rich-text link, and Wagtail saves it: another institution's
unpublished file would then be previewed, published and printed on the case sheet, and a link to
another institution's draft would carry its address (its slug, made from its title). References
already in the page's latest revision stay allowed (the secretariat may have added them).

A refused form is shown again from the submitted data, and Wagtail rebuilds each chooser and each
rich-text link from the database by id: a document's title, an image's rendition, a page's address.
So the refused references are also forgotten in that data before the form is shown again."""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from .media import visible_media
from .page_visibility import visible_pages

FOREIGN_MEDIA_MESSAGE = _(
    "A document or image you chose belongs to another institution's collection. "
    "Choose it again from your institution's documents and images."
)

FOREIGN_PAGE_MESSAGE = _(
    "A link you added points to a page you may not see (another institution's unpublished page) "
    "and was removed. Link a published page instead."
)


def chooser_fields():
    """The names of the chooser fields and blocks that hold a document or image id, and their model."""
    return {"document": get_document_model(), "image": get_image_model()}


def media_models():
    return (get_document_model(), get_image_model())


def entity_models():
    """The rich-text (Draftail contentstate) entities that name an object by id, and its model."""
    return {"LINK": Page, "DOCUMENT": get_document_model(), "IMAGE": get_image_model()}


def named_references(form) -> set[tuple[type, str]]:
    """(model, id) of every document, image and linked page the submitted form names, its inline
    rows included."""
    found = set()
    rows = [form] + [
        row
        for formset in form.formsets.values()
        for row in formset.forms
        if row.cleaned_data and not row.cleaned_data.get("DELETE")
    ]
    for row in rows:
        for name, value in row.cleaned_data.items():
            if isinstance(value, media_models()):
                found.add((type(value), str(value.pk)))
                continue
            try:
                field = row._meta.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if value is not None and hasattr(field, "extract_references"):  # StreamField, RichTextField
                found.update(
                    (model, str(pk))
                    for model, pk, _path, _content in field.extract_references(value)
                    if issubclass(model, (*media_models(), Page))
                )
    return found


def may_use(user, model, pk) -> bool:
    if issubclass(model, Page):
        return visible_pages(user, Page.objects.filter(pk=pk)).exists()
    return visible_media(user, model.objects.filter(pk=pk)).exists()


def references_in_latest_revision(page) -> set[tuple[int, str]]:
    if not page.pk or not page.latest_revision_id:
        return set()
    # The reference index's own scanner, run on the revision instead of the page's row.
    references = ReferenceIndex._extract_references_from_object(page.get_latest_revision_as_object())
    return {(content_type_id, str(pk)) for content_type_id, pk, _path, _content in references}


class OnlyPermittedMediaPageForm(WagtailAdminPageForm):
    def is_valid(self):
        # After the inline rows are validated too (ClusterForm validates them in is_valid).
        valid = super().is_valid()
        if not valid or self.for_user is None:
            return valid
        kept = references_in_latest_revision(self.instance)
        foreign = {
            (model, pk)
            for model, pk in named_references(self)
            if (ContentType.objects.get_for_model(model).pk, pk) not in kept and not may_use(self.for_user, model, pk)
        }
        if not foreign:
            return True
        if any(not issubclass(model, Page) for model, _pk in foreign):
            self.add_error(None, FOREIGN_MEDIA_MESSAGE)
        if any(issubclass(model, Page) for model, _pk in foreign):
            self.add_error(None, FOREIGN_PAGE_MESSAGE)
        self.forget_references(foreign)
        return False

    def forget_references(self, foreign):
        """Empty the choosers and drop the rich-text entities that name a refused item, in the
        submitted data the form is shown again from (shared with the inline rows' forms, so changed
        in place)."""
        changes = {}
        for key, value in self.data.items():
            model = chooser_fields().get(key.rsplit("-", 1)[-1])
            if model is not None and (model, value) in foreign:
                changes[key] = ""
            elif isinstance(value, str) and '"entityMap"' in value:
                cleaned = without_entities(value, foreign)
                if cleaned != value:
                    changes[key] = cleaned
        if not changes:
            return
        mutable = getattr(self.data, "_mutable", None)
        if mutable is not None:  # a QueryDict (request.POST) is immutable unless told
            self.data._mutable = True
        for key, value in changes.items():
            self.data[key] = value
        if mutable is not None:
            self.data._mutable = mutable


def without_entities(contentstate: str, foreign) -> str:
    """The Draftail contentstate with the entities naming a `foreign` (model, id) removed: a link
    keeps its text, an embedded image's block goes."""
    try:
        state = json.loads(contentstate)
        entities = state["entityMap"]
        blocks = state["blocks"]
    except (ValueError, TypeError, KeyError):
        return contentstate
    models = entity_models()
    refused = {
        key
        for key, entity in entities.items()
        if isinstance(entity, dict)
        and (models.get(entity.get("type")), str((entity.get("data") or {}).get("id"))) in foreign
    }
    if not refused:
        return contentstate
    kept_blocks = []
    for block in blocks:
        ranges = block.get("entityRanges", [])
        if block.get("type") == "atomic" and any(str(r.get("key")) in refused for r in ranges):
            continue
        block["entityRanges"] = [r for r in ranges if str(r.get("key")) not in refused]
        kept_blocks.append(block)
    state["blocks"] = kept_blocks
    state["entityMap"] = {key: entity for key, entity in entities.items() if key not in refused}
    return json.dumps(state)
