from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from eportal.core.richtext import ARTICLE_FEATURES
from eportal.media.alt_text import AccessibleImageBlock, AltTextStreamBlockMixin

TABLE_OPTIONS = {
    "contextMenu": ["row_above", "row_below", "---------", "col_left", "col_right", "---------",
                    "remove_row", "remove_col", "---------", "undo", "redo"],
    "startRows": 3,
    "startCols": 3,
}


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label="Tên bảng", required=False)
    table = TableBlock(label="Bảng", table_options=TABLE_OPTIONS)

    class Meta:
        icon = "table"
        label = "Bảng"
        template = "news/blocks/table.html"


class ArticleBodyBlock(AltTextStreamBlockMixin, blocks.StreamBlock):
    """An article's body; images need alt text to be published (eportal.media.alt_text)."""

    paragraph = blocks.RichTextBlock(features=ARTICLE_FEATURES, label="Đoạn văn", icon="pilcrow")
    image = AccessibleImageBlock(label="Ảnh", template="news/blocks/image.html")
    table = CaptionedTableBlock()
