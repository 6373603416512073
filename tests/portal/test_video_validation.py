import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from eportal.news.models import VideoPage
from eportal.news.models.video import validate_embed_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["https://www.youtube.com/watch?v=abc", "https://youtu.be/abc", "https://vimeo.com/1"])
def test_allowed_embed_hosts(url):
    validate_embed_url(url)


@pytest.mark.parametrize(
    "url", ["http://www.youtube.com/watch?v=abc", "https://evil.example/video", "https://youtube.com.evil.example/"]
)
def test_other_embed_hosts_are_refused(url):
    with pytest.raises(ValidationError, match="Chỉ nhận địa chỉ https"):
        validate_embed_url(url)


def document(name, content):
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def test_video_file_is_checked_by_content_not_name():
    fake = document("clip.mp4", b"MZ\x90\x00 this is a renamed program")
    page = VideoPage(title="Video giả", slug="video-gia", video_file=fake)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "không phải video MP4 hoặc WebM" in str(error.value)


def test_real_mp4_and_webm_headers_are_accepted():
    mp4 = document("clip.mp4", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
    webm = document("clip.webm", b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01")
    poster = get_image_model().objects.create(title="Ảnh bìa", file=get_test_image_file())
    for doc in (mp4, webm):
        VideoPage(title="Video", slug="video", video_file=doc, poster=poster, transcript="Lời thoại.").clean()


def test_a_video_needs_exactly_one_source():
    with pytest.raises(ValidationError, match="chỉ một trong hai"):
        VideoPage(title="Trống", slug="trong").clean()
