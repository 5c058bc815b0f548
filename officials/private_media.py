"""Uploaded files of unpublished work stay private (see docs/permissions.md, *Private files*).

- **Documents** are served only by Django's serve view (`/documents/<id>/<file name>`), which
  answers a document to anyone once a published, public page shows it, and otherwise only to
  those who may use its collection in the admin (its institution's officials, the secretariat);
  to everyone else it does not exist (404). The proxy never serves `/media/documents/` itself:
  the location is `internal` in `docker/nginx.conf`, reached only through the `X-Accel-Redirect`
  this app answers with in production (`sendfile_accel.py`), after the check.
- **Original images** are stored under a random token (`UnguessableMediaStorage`), which their
  renditions' names inherit: the file of a draft's image cannot be fetched by its uploaded name,
  and the proxy does not serve `/media/original_images/` at all (the site shows renditions only).

"Published" is read from Wagtail's reference index, whose rows for a page are written from the
page's own row: for a live page that is its published version (drafts live in revisions).
"""

import posixpath
import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage
from wagtail.models import Page, ReferenceIndex

from .visibility import visible_media

ORIGINAL_IMAGES = "original_images"


def is_published(document) -> bool:
    """A live page that anyone may read shows this document (or did when it was published)."""
    pages = ReferenceIndex.get_references_to(document).filter(base_content_type=ContentType.objects.get_for_model(Page))
    page_ids = [int(pk) for pk in pages.values_list("object_id", flat=True)]
    return Page.objects.live().public().filter(pk__in=page_ids).exists()


def may_download(user, document) -> bool:
    return is_published(document) or visible_media(user, type(document).objects.filter(pk=document.pk)).exists()


class UnguessableMediaStorage(FileSystemStorage):
    """Original images get a random token in front of their name (renditions keep the prefix)."""

    def generate_filename(self, filename):
        name = super().generate_filename(filename)
        folder, base = posixpath.split(name)
        if folder == ORIGINAL_IMAGES:
            # Django's name truncation shortens the end of a long name, so the token stays whole.
            name = posixpath.join(folder, f"{secrets.token_urlsafe(16)}_{base}")
        return name
