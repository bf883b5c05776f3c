"""StreamField blocks shared by stories and other content pages.

Each block maps to one typed GraphQL object (see museum_site.graphql.blocks), so a
frontend developer knows exactly which fields each block has.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from museum_site import content_limits

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    credit = blocks.CharBlock(
        required=False, label=_("Credit"), help_text=_("Leave empty to use the image's credit.")
    )
    alt_text = blocks.CharBlock(
        required=False,
        label=_("Alt text"),
        help_text=_("Leave empty to use the image's own alt text."),
    )

    class Meta:
        icon = "image"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))
    source = blocks.CharBlock(required=False, label=_("Source"))

    class Meta:
        icon = "openquote"
        label = _("Quote")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    images = blocks.ListBlock(
        ImageBlock(), min_num=1, max_num=content_limits.GALLERY_IMAGES, label=_("Images")
    )

    class Meta:
        icon = "grip"
        label = _("Gallery")


class VideoBlock(blocks.StructBlock):
    """A video hosted elsewhere (YouTube, Vimeo, PeerTube); the frontend embeds it.

    Stored as a URL rather than Wagtail's EmbedBlock: oEmbed lookups need the network at
    save time and would hand the API raw third-party HTML.
    """

    url = blocks.URLBlock(label=_("Video URL"))
    title = blocks.CharBlock(label=_("Title"))
    poster = ImageChooserBlock(required=False, label=_("Poster image"))
    transcript = blocks.TextBlock(required=False, label=_("Transcript"))

    class Meta:
        icon = "media"
        label = _("Video")


class AudioBlock(blocks.StructBlock):
    audio = DocumentChooserBlock(label=_("Audio file"), help_text=_("An MP3 or Ogg file."))
    title = blocks.CharBlock(label=_("Title"))
    transcript = blocks.TextBlock(
        label=_("Transcript"), help_text=_("Required: not every visitor can listen.")
    )

    class Meta:
        icon = "media"
        label = _("Audio")


class CollectionObjectBlock(blocks.StructBlock):
    collection_object = SnippetChooserBlock(
        "museum_site.CollectionObject", label=_("Collection object")
    )
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "placeholder"
        label = _("Collection object")


class StoryBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    image = ImageBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    audio = AudioBlock()
    collection_object = CollectionObjectBlock()


class LegalBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
