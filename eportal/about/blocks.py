from wagtail import blocks
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from eportal.core.richtext import ARTICLE_FEATURES


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


class SectionBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=ARTICLE_FEATURES, label="Đoạn văn", icon="pilcrow")
    image = ImageBlock(label="Ảnh", template="about/blocks/image.html")
    map = MapBlock()
