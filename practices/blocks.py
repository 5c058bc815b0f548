"""StreamField blocks for the "approach" of a practice: text, numbered steps, quote, image, document."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class StepsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(
            blocks.TextBlock(label=_("Step")),
            label=_("Numbered steps"),
            icon="list-ol",
            template="practices/blocks/steps.html",
            **kwargs,
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "practices/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "practices/blocks/figure.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=255, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "practices/blocks/document_link.html"


class ApproachBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES)
    steps = StepsBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    document = DocumentLinkBlock()


class LessonsBlock(blocks.StreamBlock):
    lesson = blocks.TextBlock(label=_("Lesson learned"))
