"""Moves original images still stored under their uploaded name to a tokened name (see
`officials.private_media.rename_image_originals`). Migration 0002 runs it once; run it again after
restoring media copied from an older site. Safe to repeat."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from officials.private_media import rename_image_originals


class Command(BaseCommand):
    help = "Give original images uploaded before the random token an unguessable file name."

    def handle(self, *args, **options):
        image_model = get_image_model()
        moved = rename_image_originals(image_model, image_model.get_rendition_model())
        self.stdout.write(f"{moved} original image(s) renamed.")
