"""Article bodies keep their formatting and lose anything that could run in a browser."""

import pytest

from eportal.core.richtext import clean_rich_text
from eportal.news.models import ArticlePage

from ..factories import ArticleFactory

DANGEROUS = (
    '<p onclick="steal()">Nội dung <b>đậm</b><script>alert("xss")</script></p>'
    '<p><a href="javascript:alert(1)">bấm vào</a> <a href=" JaVa&#09;Script:alert(1)">nữa</a> '
    '<a href="//evil.example/">ngoài</a> <a href="https://chinhphu.vn/" target="_blank" style="x">Chính phủ</a></p>'
    '<div style="color:red">Dán từ Word</div><iframe src="https://evil.example/"></iframe>'
    '<embed embedtype="media" url="https://evil.example/clip"/><img src=x onerror="alert(1)">'
    '<embed embedtype="media" url="https://www.youtube.com/watch?v=abc"/>'
)


def test_cleaning_keeps_allowed_formatting_and_drops_the_rest():
    cleaned = clean_rich_text(DANGEROUS)
    assert "<b>đậm</b>" in cleaned and '<a href="https://chinhphu.vn/">Chính phủ</a>' in cleaned
    assert "<p>Dán từ Word</p>" in cleaned
    assert 'url="https://www.youtube.com/watch?v=abc"' in cleaned
    for bad in ["script", "onclick", "onerror", "javascript", "JaVa", "evil.example", "style=", "target=", "<img", "<iframe"]:
        assert bad not in cleaned, bad
    assert "bấm vào" in cleaned  # the text of a refused link stays


@pytest.mark.django_db
def test_dangerous_html_never_reaches_the_public_page(client, category):
    article = ArticleFactory(parent=category, body=ArticlePage.body_from_html(DANGEROUS))
    assert "onclick" not in article.body_html and "script" not in article.body_html
    html = client.get(article.url).content.decode()
    body = html.split('class="article__body rich-text">')[1].split("</div>")[0]
    assert "Nội dung" in body and "Chính phủ" in body
    for bad in ["<script", "onclick", "onerror", "javascript:", "evil.example"]:
        assert bad not in body


@pytest.mark.django_db
def test_tables_render_with_their_caption(client, category):
    table = {"data": [["Xã", "Số hộ"], ["Ba Trinh", "3.210"]], "first_row_is_table_header": True,
             "first_col_is_header": False}
    article = ArticleFactory(parent=category, body=[
        {"type": "paragraph", "value": "<p>Số liệu:</p>"},
        {"type": "table", "value": {"caption": "Hộ dân theo xã", "table": table}},
    ])
    html = client.get(article.url).content.decode()
    assert "Hộ dân theo xã" in html and "<th" in html and "Ba Trinh" in html and "3.210" in html


@pytest.mark.django_db
def test_empty_paragraphs_are_dropped(category):
    article = ArticleFactory(parent=category, body=[
        {"type": "paragraph", "value": "<p></p>"},
        {"type": "paragraph", "value": "<p>Có nội dung</p><p> </p>"},
        {"type": "paragraph", "value": "<p><script>x()</script></p>"},
    ])
    assert [block.block_type for block in article.body] == ["paragraph"]
    assert "Có nội dung" in article.body_html
