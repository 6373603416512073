"""An image without alt text cannot be published: refused with a Vietnamese message naming it.

Through the real admin views (Django's test client, logged in): drafts are still saved,
publishing and submitting for moderation are refused, decorative images and images with
real alt text go out.
"""

import io
import json
from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text, streamfield

from eportal.media.alt_text import looks_like_file_name, page_problems
from eportal.media.wagtail_hooks import refuse_publishing_images_without_alt_text
from eportal.news.models import ArticlePage

from ..editorial.conftest import article_form, board, client_for  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

Image = get_image_model()


def png(size=(64, 40)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (30, 120, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(title="IMG_1234", description="", name="IMG_1234.png"):
    return Image.objects.create(title=title, description=description, file=ContentFile(png(), name))


def add_url(category):
    return f"/admin/pages/add/news/articlepage/{category.pk}/"


def image_body(image, alt="", decorative=False):
    return streamfield([("image", {"image": image.pk, "decorative": decorative, "alt_text": alt})])


def html(response):
    return response.content.decode()


def _messages(error):
    """Every message of a (nested StreamField) validation error."""
    found = []
    for attr in ("block_errors", "non_block_errors"):
        inner = getattr(error, attr, None)
        if isinstance(inner, dict):
            for child in inner.values():
                found += _messages(child)
        elif inner:
            for child in inner.as_data() if hasattr(inner, "as_data") else inner:
                found += _messages(child)
    if not found and not hasattr(error, "block_errors"):
        found = list(getattr(error, "messages", [str(error)]))
    return found


def form_errors(response):
    """The page form's error messages, StreamField blocks included."""
    form = response.context["form"]
    found = []
    for errors in form.errors.as_data().values():
        for error in errors:
            found += _messages(error)
    return found


def shown(response, message):
    """Whether the editor sees `message`: in the HTML, or in the StreamField's JSON error data."""
    page = unescape(html(response))
    return message in page or json.dumps(message)[1:-1] in page


@pytest.fixture
def head(board):  # noqa: F811
    return client_for(board["head"])


def test_publishing_an_image_without_alt_text_is_refused_with_its_name(board, head):  # noqa: F811
    image = make_image(title="Hội nghị tổng kết", name="hoi-nghi.png")
    response = head.post(add_url(board["news"]), article_form(body=image_body(image), **{"action-publish": "1"}))
    assert response.status_code == 200, "the form is shown again"
    assert not ArticlePage.objects.exists()
    [message] = form_errors(response)
    assert message.startswith("Ảnh “Hội nghị tổng kết” chưa có văn bản thay thế")
    assert "đánh dấu là ảnh trang trí" in message
    assert shown(response, message)
    assert "Please add some alt text" not in html(response)


def test_a_draft_with_an_image_without_alt_text_is_saved(board, head):  # noqa: F811
    image = make_image()
    response = head.post(add_url(board["news"]), article_form(body=image_body(image)))
    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert not page.live
    # Publishing the draft as it is: refused, still a draft.
    response = head.post(f"/admin/pages/{page.pk}/edit/",
                         article_form(slug=page.slug, body=image_body(image), **{"action-publish": "1"}))
    assert response.status_code == 200
    page.refresh_from_db()
    assert not page.live


def test_with_alt_text_the_article_is_published_and_shows_it(board, head, client):  # noqa: F811
    image = make_image()
    alt = "Chủ tịch UBND huyện trao giấy khen cho các tập thể"
    response = head.post(add_url(board["news"]),
                         article_form(body=image_body(image, alt=alt), **{"action-publish": "1"}))
    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert page.live
    assert f'alt="{alt}"' in html(client.get(page.url))


def test_a_decorative_image_is_published_with_empty_alt(board, head, client):  # noqa: F811
    image = make_image()
    response = head.post(add_url(board["news"]),
                         article_form(body=image_body(image, decorative=True), **{"action-publish": "1"}))
    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert page.live
    body = html(client.get(page.url)).split('class="article__body', 1)[1]
    assert 'alt=""' in body.split("</figure>")[0]


@pytest.mark.parametrize("alt", ["IMG_1234.jpg", "IMG_1234", "DSC01234", "anh hoi nghi.JPG", "20240101_101010"])
def test_a_file_name_is_not_alt_text(board, head, alt):  # noqa: F811
    image = make_image()
    response = head.post(add_url(board["news"]),
                         article_form(body=image_body(image, alt=alt), **{"action-publish": "1"}))
    assert response.status_code == 200
    assert not ArticlePage.objects.exists()
    [message] = form_errors(response)
    assert f"là tên tệp (“{alt}”)" in message
    assert shown(response, message)


def test_a_rich_text_image_without_alt_is_refused(board, head):  # noqa: F811
    image = make_image(title="Cầu Kế Sách", name="cau.png")
    paragraph = f'<p>Cây cầu mới.</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt=""/>'
    body = streamfield([("paragraph", rich_text(paragraph))])
    response = head.post(add_url(board["news"]), article_form(body=body, **{"action-publish": "1"}))
    assert response.status_code == 200
    [message] = form_errors(response)
    assert message.startswith("Ảnh chèn trong đoạn văn “Cầu Kế Sách” chưa có văn bản thay thế")
    assert shown(response, message)

    paragraph = paragraph.replace('alt=""', 'alt="Cầu Kế Sách bắc qua sông Cái Côn"')
    response = head.post(add_url(board["news"]),
                         article_form(body=streamfield([("paragraph", rich_text(paragraph))]), **{"action-publish": "1"}))
    assert response.status_code == 302
    assert ArticlePage.objects.get().live


def test_the_featured_image_needs_a_description_to_publish(board, head, client):  # noqa: F811
    image = make_image(title="IMG_0001", description="", name="IMG_0001.png")
    response = head.post(add_url(board["news"]),
                         article_form(featured_image=image.pk, **{"action-publish": "1"}))
    assert response.status_code == 200
    [message] = form_errors(response)
    assert message.startswith("Ảnh đại diện “IMG_0001” chưa có văn bản thay thế")
    assert shown(response, message)
    # A draft may keep it.
    assert head.post(add_url(board["news"]), article_form(featured_image=image.pk)).status_code == 302

    image.description = "Lãnh đạo huyện thăm mô hình trồng bưởi"
    image.save()
    response = head.post(add_url(board["news"]), article_form(
        slug="bai-co-anh", featured_image=image.pk, **{"action-publish": "1"}))
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="bai-co-anh")
    assert 'alt="Lãnh đạo huyện thăm mô hình trồng bưởi"' in html(client.get(page.url))


def test_submitting_for_moderation_is_refused_too(board):  # noqa: F811
    contributor = client_for(board["contributor"])
    image = make_image()
    response = contributor.post(add_url(board["news"]), article_form(body=image_body(image), **{"action-submit": "1"}))
    assert response.status_code == 200
    assert "chưa có văn bản thay thế" in form_errors(response)[0]
    assert not ArticlePage.objects.exists()
    response = contributor.post(add_url(board["news"]), article_form(
        body=image_body(image, alt="Nông dân thu hoạch lúa"), **{"action-submit": "1"}))
    assert response.status_code == 302
    assert ArticlePage.objects.get().current_workflow_state is not None


def test_the_publish_hook_covers_other_page_types(board):  # noqa: F811
    """The hook Wagtail runs before publishing any page type, called as Wagtail calls it."""
    image = make_image(title="Sơ đồ", name="so-do.png")
    page = ArticlePage(title="Tin", slug="tin", body=[
        {"type": "paragraph", "value": f'<p>x</p><embed embedtype="image" id="{image.pk}" format="left" alt="so-do.png"/>'}
    ])
    problems = page_problems(page)
    assert len(problems) == 1 and "“Sơ đồ”" in problems[0] and "là tên tệp" in problems[0]

    board["news"].add_child(instance=page)
    request = RequestFactory().post("/admin/pages/1/edit/")
    request.session = {}
    request._messages = FallbackStorage(request)
    response = refuse_publishing_images_without_alt_text(request, Page.objects.get(pk=page.pk))
    assert response.status_code == 302 and response.url == f"/admin/pages/{page.pk}/edit/"
    texts = [str(m) for m in get_messages(request)]
    assert texts[0].startswith("Chưa xuất bản: có ảnh thiếu văn bản thay thế")
    page.body = [{"type": "paragraph", "value": f'<p>x</p><embed embedtype="image" id="{image.pk}" format="left" alt="Sơ đồ tổ chức"/>'}]
    assert page_problems(page) == []
    assert refuse_publishing_images_without_alt_text(request, page) is None


@pytest.mark.parametrize("text,expected", [
    ("IMG_1234.jpg", True), ("DSC_0001", True), ("Screenshot 2024-01-01 101010", True), ("12345", True),
    ("anh.webp", True), ("Hội nghị tổng kết năm 2024", False), ("Cầu Kế Sách", False), ("", False),
])
def test_what_counts_as_a_file_name(text, expected):
    assert looks_like_file_name(text) is expected


# --- The image library -------------------------------------------------------------------------


@pytest.fixture
def collection(db):
    from wagtail.models import Collection

    return Collection.get_first_root_node()


def test_an_image_needs_a_description_in_vietnamese(admin_client, collection):
    page = html(admin_client.get("/admin/images/add/"))
    assert "Văn bản thay thế (mô tả ảnh)" in page
    data = {"title": "Hội nghị", "collection": collection.pk}
    response = admin_client.post("/admin/images/add/", {**data, "file": SimpleUploadedFile("a.png", png())})
    assert response.status_code == 200
    assert response.context["form"].errors["description"] == [
        "Hãy nhập văn bản thay thế: ảnh thể hiện điều gì, cho người không xem được ảnh."
    ]
    response = admin_client.post("/admin/images/add/", {
        **data, "description": "IMG_2024.png", "file": SimpleUploadedFile("IMG_2024.png", png())})
    assert response.status_code == 200
    assert "là tên tệp" in response.context["form"].errors["description"][0]
    assert not Image.objects.exists()
    response = admin_client.post("/admin/images/add/", {
        **data, "description": "Đại biểu dự hội nghị", "file": SimpleUploadedFile("a.png", png())})
    assert response.status_code == 302
    assert Image.objects.get().description == "Đại biểu dự hội nghị"


def test_the_multiple_uploader_creates_the_image_only_with_a_description(admin_client, collection):
    from wagtail.models import UploadedFile

    response = admin_client.post("/admin/images/multiple/add/", {
        "files[]": SimpleUploadedFile("IMG_5555.png", png()), "collection": collection.pk})
    data = response.json()
    assert data["success"] is True
    assert not Image.objects.exists(), "no image without a description"
    upload = UploadedFile.objects.get()
    assert "Văn bản thay thế (mô tả ảnh)" in data["form"]
    prefix = f"uploaded-image-{upload.pk}"
    url = f"/admin/images/multiple/create_from_uploaded_image/{upload.pk}/"
    response = admin_client.post(url, {f"{prefix}-title": "IMG_5555", f"{prefix}-collection": collection.pk,
                                       f"{prefix}-tags": "", f"{prefix}-description": ""})
    assert response.json()["success"] is False
    assert not Image.objects.exists()
    response = admin_client.post(url, {f"{prefix}-title": "Lễ khánh thành", f"{prefix}-collection": collection.pk,
                                       f"{prefix}-tags": "", f"{prefix}-description": "Cắt băng khánh thành cầu"})
    assert response.json()["success"] is True
    assert Image.objects.get().description == "Cắt băng khánh thành cầu"


def test_the_image_block_asks_for_alt_text_in_vietnamese(board, head):  # noqa: F811
    page = unescape(html(head.get(add_url(board["news"]))))
    for label in ["Văn bản thay thế (mô tả ảnh)", "Ảnh trang trí (không mang thông tin"]:
        assert label in page or json.dumps(label)[1:-1] in page, label


def test_bulk_publishing_checks_the_drafts(board, head):  # noqa: F811
    image = make_image(title="Hội nghị tổng kết", name="hoi-nghi.png")
    assert head.post(add_url(board["news"]), article_form(body=image_body(image))).status_code == 302
    page = ArticlePage.objects.get()
    url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/pages/{board['news'].pk}/"
    response = head.post(url, {"include_descendants": ""})
    assert response.status_code == 302
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Chưa xuất bản trang nào: có ảnh thiếu văn bản thay thế." in texts
    assert any("Ảnh “Hội nghị tổng kết” chưa có văn bản thay thế" in text for text in texts), texts
    page.refresh_from_db()
    assert not page.live

    head.post(f"/admin/pages/{page.pk}/edit/", article_form(slug=page.slug, body=image_body(image, alt="Đại biểu")))
    assert head.post(url, {"include_descendants": ""}).status_code == 302
    page.refresh_from_db()
    assert page.live
