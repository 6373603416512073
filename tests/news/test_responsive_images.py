"""Public images are responsive: several widths in srcset, sizes matching the layout,
width and height against layout shifts, lazy below the fold, alt on every image."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from eportal.about.blocks import SectionBodyBlock

from ..factories import ArticleFactory

pytestmark = pytest.mark.django_db

Image = get_image_model()
IMG = re.compile(r"<img\b[^>]*>")


def photo(title="Hội nghị", description="Đại biểu dự hội nghị tổng kết", size=(1600, 1000)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (90, 140, 200)).save(buffer, "JPEG")
    return Image.objects.create(title=title, description=description, file=ContentFile(buffer.getvalue(), "anh.jpg"))


def attrs(tag):
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def srcset_widths(tag):
    return sorted(int(w) for w in re.findall(r"\s(\d+)w(?:,|$)", attrs(tag).get("srcset", "")))


def images(html, marker=None):
    if marker:
        html = html.split(marker, 1)[1]
    return IMG.findall(html)


def test_article_images_are_responsive(client, category):
    image = photo()
    body = [
        {"type": "paragraph", "value": "<p>Mở đầu.</p>"},
        {"type": "image", "value": {"image": image.pk, "decorative": False, "alt_text": "Toàn cảnh hội trường"}},
    ]
    article = ArticleFactory(parent=category, featured_image=image, body=body)
    html = client.get(article.url).content.decode()

    featured = next(tag for tag in IMG.findall(html) if "article__image" in tag)
    a = attrs(featured)
    assert srcset_widths(featured) == [400, 800, 1200]
    assert a["sizes"] == "(max-width: 800px) 100vw, 800px"
    assert (a["width"], a["height"]) == ("800", "500")
    assert "loading" not in a, "the featured image is at the top: loaded at once"
    assert a["fetchpriority"] == "high"
    assert a["alt"] == "Đại biểu dự hội nghị tổng kết"

    [figure] = images(html, 'class="article__figure"')[:1]
    b = attrs(figure)
    assert srcset_widths(figure) == [400, 800, 1200]
    assert b["sizes"] == "(max-width: 800px) 100vw, 800px"
    assert b["loading"] == "lazy"
    assert (b["width"], b["height"]) == ("800", "500")
    assert b["alt"] == "Toàn cảnh hội trường"
    assert all(".webp" in url for url in b["srcset"].split(", "))


def test_listing_thumbnails_are_lazy_after_the_first_three(client, category):
    image = photo()
    for _ in range(5):
        ArticleFactory(parent=category, featured_image=image)
    html = client.get(category.url).content.decode()
    thumbs = [tag for tag in IMG.findall(html) if "news-item__image" in tag]
    assert len(thumbs) == 5
    assert [attrs(t).get("loading") for t in thumbs] == [None, None, None, "lazy", "lazy"]
    for tag in thumbs:
        a = attrs(tag)
        assert srcset_widths(tag) == [160, 320]
        assert a["sizes"] == "(max-width: 800px) 110px, 160px"
        assert a["alt"] == "", "decorative beside the linked title"
        assert (a["width"], a["height"]) == ("320", "200")


def test_home_category_thumbnails_are_lazy(client, home, category):
    image = photo()
    for _ in range(2):
        ArticleFactory(parent=category, featured_image=image)
    html = client.get("/").content.decode()
    thumbs = [tag for tag in IMG.findall(html) if "news-item__image" in tag]
    assert thumbs and all(attrs(t).get("loading") == "lazy" for t in thumbs)


def test_about_image_block_is_responsive_and_lazy():
    image = photo()
    block = SectionBodyBlock().child_blocks["image"]
    value = block.to_python({"image": image.pk, "decorative": True, "alt_text": ""})
    [tag] = IMG.findall(block.render(value))
    a = attrs(tag)
    assert srcset_widths(tag) == [400, 800, 1200]
    assert a["loading"] == "lazy" and a["alt"] == ""


def test_every_public_image_has_an_alt_attribute(client, home, category):
    image = photo()
    ArticleFactory(parent=category, featured_image=image, body=[
        {"type": "image", "value": {"image": image.pk, "decorative": True, "alt_text": ""}},
        {"type": "paragraph", "value": f'<p>x</p><embed embedtype="image" id="{image.pk}" format="left" alt="Sơ đồ"/>'},
    ])
    for url in ["/", category.url, category.get_children().first().url]:
        html = client.get(url).content.decode()
        tags = IMG.findall(html)
        assert tags
        missing = [tag for tag in tags if not re.search(r'\salt="', tag)]
        assert not missing, (url, missing)
