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

import logging
import posixpath
import re
import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage, default_storage
from wagtail.models import Page, ReferenceIndex

from .visibility import visible_media

ORIGINAL_IMAGES = "original_images"
# `secrets.token_urlsafe(16)`: 22 characters of the URL-safe alphabet, then "_" and the uploaded name.
TOKEN_PREFIX = re.compile(r"^[A-Za-z0-9_-]{22}_")

logger = logging.getLogger(__name__)


def tokened_name(base: str) -> str:
    return posixpath.join(ORIGINAL_IMAGES, f"{secrets.token_urlsafe(16)}_{base}")


def has_token(name: str) -> bool:
    return bool(TOKEN_PREFIX.match(posixpath.basename(name)))


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
            name = tokened_name(base)
        return name


def rename_image_originals(image_model, rendition_model, storage=default_storage) -> int:
    """Gives every original image still stored under its uploaded name (uploaded before the token)
    a tokened name, and returns how many it moved. Idempotent: tokened names are left alone.

    Its renditions are named after the original (`images/<original name>.<filter>.<ext>`), so they
    are guessable too: their files and rows are deleted and Wagtail renders them again, under the
    new name, the next time a page asks. The models are arguments so that the data migration can
    pass its historical models (`officials/migrations/0002_…`) and the command the real ones."""
    max_length = image_model._meta.get_field("file").max_length
    moved = 0
    for image in image_model.objects.only("pk", "file").order_by("pk").iterator():
        old = image.file.name
        if not old or has_token(old):
            continue
        if not storage.exists(old):
            logger.warning("Image %s: its original %s is missing; left as it is.", image.pk, old)
            continue
        with storage.open(old, "rb") as source:
            new = storage.save(tokened_name(posixpath.basename(old)), source, max_length=max_length)
        image_model.objects.filter(pk=image.pk).update(file=new)
        renditions = rendition_model.objects.filter(image_id=image.pk)
        for rendition_file in renditions.values_list("file", flat=True):
            storage.delete(rendition_file)
        renditions.delete()
        storage.delete(old)
        moved += 1
    return moved
