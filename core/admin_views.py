"""Two admin views served in place of Wagtail's (their URLs come before the admin's in config/urls.py).

`preview`: the admin's image preview (the URL generator's `/admin/images/<id>/preview/<filter>/`), cached.

Wagtail renders the preview from the original on every request, without keeping a rendition:
a 40-megapixel original cost 1–2 s of CPU per view. Originals are now capped on upload
(`WAGTAILIMAGES_MAX_IMAGE_PIXELS`), and a preview once rendered is served from the cache,
keyed by the file's hash so that a replaced file is rendered again. Wagtail's own view still
checks the filter and renders; the permission is checked here first, so a cached preview is
only ever served to someone who may change the image, as Wagtail requires."""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms.choosers import ExternalLinkChooserForm, URLOrAbsolutePathField
from wagtail.admin.views.chooser import ExternalLinkView
from wagtail.images import get_image_model
from wagtail.images.views.images import preview as wagtail_preview
from wagtail.permissions import policy_registry

CACHE_SECONDS = 24 * 60 * 60
MAX_CACHED_BYTES = 2 * 1024 * 1024


@require_admin_access
def preview(request, image_id: int, filter_spec: str):
    model = get_image_model()
    image = get_object_or_404(model, id=image_id)
    if not policy_registry.get_by_type(model).user_has_permission_for_instance(request.user, "change", image):
        raise PermissionDenied
    key = f"image-preview:{image.pk}:{image.get_file_hash()}:{filter_spec[:200]}"
    cached = cache.get(key)
    if cached is not None:
        content_type, body = cached
        return HttpResponse(body, content_type=content_type)
    response = wagtail_preview(request, image_id, filter_spec)
    if response.status_code != 200:
        return response
    body = b"".join(response.streaming_content)
    if len(body) <= MAX_CACHED_BYTES:
        cache.set(key, (response["Content-Type"], body), CACHE_SECONDS)
    return HttpResponse(body, content_type=response["Content-Type"])


class _UrlField(URLOrAbsolutePathField):
    """A POST without the field (`None`) is an empty URL, which `required` then refuses with the
    form's message; Wagtail's field called `None.startswith` and answered 500."""

    def to_python(self, value):
        return super().to_python(value or "")


class _ExternalLinkForm(ExternalLinkChooserForm):
    url = _UrlField(required=True, label=ExternalLinkChooserForm.base_fields["url"].label)


class SafeExternalLinkView(ExternalLinkView):
    form_class = _ExternalLinkForm


external_link = require_admin_access(SafeExternalLinkView.as_view())
