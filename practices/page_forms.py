"""The page form refuses documents and images the editor may not use.

Wagtail's choosers offer an official only her institution's media, but a crafted POST can name any
document or image by id (in an inline row, a StreamField block or a rich-text link) and Wagtail
saves it: another institution's unpublished file would then be previewed, published and printed
on the case sheet. Media already in the page's latest revision stay allowed (the secretariat may
have added them from its own collection)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from .media import visible_media

FOREIGN_MEDIA_MESSAGE = _(
    "A document or image you chose belongs to another institution's collection. "
    "Choose it again from your institution's documents and images."
)


# The names of the chooser fields and blocks that hold a document or image id.
CHOOSER_FIELDS = ("document", "image")


def media_models():
    return (get_document_model(), get_image_model())


def named_media(form) -> set[tuple[type, str]]:
    """(model, id) of every document and image the submitted form names, its inline rows included."""
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
                    if issubclass(model, media_models())
                )
    return found


def media_in_latest_revision(page) -> set[tuple[int, str]]:
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
        kept = media_in_latest_revision(self.instance)
        foreign = {
            pk
            for model, pk in named_media(self)
            if (ContentType.objects.get_for_model(model).pk, pk) not in kept
            and not visible_media(self.for_user, model.objects.filter(pk=pk)).exists()
        }
        if not foreign:
            return True
        self.add_error(None, FOREIGN_MEDIA_MESSAGE)
        self.forget_choices(foreign)
        return False

    def forget_choices(self, pks):
        """Empty the choosers that name a refused item: the form shown again would print its title.
        The data is shared with the inline rows' forms, so it is changed in place."""
        keys = [key for key in self.data if key.rsplit("-", 1)[-1] in CHOOSER_FIELDS and self.data.get(key) in pks]
        if not keys:
            return
        mutable = getattr(self.data, "_mutable", None)
        if mutable is not None:  # a QueryDict (request.POST) is immutable unless told
            self.data._mutable = True
        for key in keys:
            self.data[key] = ""
        if mutable is not None:
            self.data._mutable = mutable
