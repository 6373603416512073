from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from eportal.core.richtext import ARTICLE_FEATURES
from eportal.media.alt_text import AccessibleImageBlock, AltTextStreamBlockMixin


class MapBlock(blocks.StructBlock):
    """An uploaded image of the administrative map: no third-party map tiles."""

    image = ImageChooserBlock(label="Ảnh bản đồ")
    caption = blocks.CharBlock(label="Chú thích", max_length=255)
    description = blocks.TextBlock(
        label="Mô tả bằng lời", required=False,
        help_text="Cho người không xem được ảnh: các đơn vị hành chính, vị trí, ranh giới.",
    )

    class Meta:
        icon = "site"
        label = "Bản đồ"
        template = "about/blocks/map.html"


class SectionBodyBlock(AltTextStreamBlockMixin, blocks.StreamBlock):
    """An about page's body; images need alt text to be published (eportal.media.alt_text).

    The map's alt text is its (required) caption, described in words beside it.
    """

    paragraph = blocks.RichTextBlock(features=ARTICLE_FEATURES, label="Đoạn văn", icon="pilcrow")
    image = AccessibleImageBlock(label="Ảnh", template="about/blocks/image.html")
    map = MapBlock()
