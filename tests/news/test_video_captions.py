"""Uploaded videos come with captions (WebVTT) or a transcript; both reach the visitor."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from eportal.media.validators import is_webvtt
from eportal.news.models import VideoPage

from ..factories import VideoFactory, VideoIndexFactory

pytestmark = pytest.mark.django_db

Document = get_document_model()
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + b"\x00" * 32
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nXin chào bà con.\n".encode()
NEEDS = "Video tải lên cần có phụ đề (tệp .vtt) hoặc lời thoại, cho người không nghe được âm thanh."


def document(name, content):
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


@pytest.fixture
def poster():
    return get_image_model().objects.create(title="Ảnh bìa", description="Hội trường", file=get_test_image_file())


def uploaded(poster, **extra):
    return VideoPage(title="Hội nghị", slug="hoi-nghi", video_file=document("clip.webm", WEBM), poster=poster, **extra)


def test_an_uploaded_video_needs_captions_or_a_transcript(poster):
    with pytest.raises(ValidationError) as error:
        uploaded(poster).clean()
    assert error.value.message_dict == {"transcript": [NEEDS]}
    uploaded(poster, transcript="Người dẫn: Xin chào.").clean()
    uploaded(poster, captions=document("phu-de.vtt", VTT)).clean()


def test_a_linked_video_needs_no_transcript():
    VideoPage(title="Phóng sự", slug="phong-su", embed_url="https://www.youtube.com/watch?v=abc").clean()


@pytest.mark.parametrize("name, content, message", [
    ("phu-de.pdf", b"%PDF-1.7\n", "Phụ đề phải là tệp WebVTT (đuôi .vtt)."),
    ("phu-de.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nXin chao\n",
     "Tệp phụ đề không đúng định dạng WebVTT: dòng đầu tiên phải là WEBVTT."),
])
def test_captions_must_be_webvtt(poster, name, content, message):
    with pytest.raises(ValidationError) as error:
        uploaded(poster, captions=document(name, content)).clean()
    assert error.value.message_dict == {"captions": [message]}


@pytest.mark.parametrize("content, ok", [
    (b"WEBVTT\n", True), (b"\xef\xbb\xbfWEBVTT - Ph\xe1\xbb\xa5 \xc4\x91\xe1\xbb\x81\n\n", True), (b"WEBVTT", True),
    (b"WEBVTTX", False), (b"webvtt\n", False), (b"WEBVTT\n\x00", False), (b"WEBVTT\n\xc3(", False), (b"", False),
])
def test_webvtt_signature(content, ok):
    import io

    assert is_webvtt(io.BytesIO(content)) is ok


def test_player_has_the_captions_track_and_the_transcript(client, home, poster):
    library = VideoIndexFactory(parent=home)
    captions = document("phu-de.vtt", VTT)
    video = VideoFactory(parent=library, embed_url="", video_file=document("clip.webm", WEBM), poster=poster,
                         captions=captions, transcript="Người dẫn: Xin chào bà con.\nHội nghị bắt đầu.")
    html = client.get(video.url).content.decode()
    track = f'<track kind="captions" srclang="vi" label="Tiếng Việt" src="{captions.url}" default>'
    assert track in html
    assert "<summary>Xem lời thoại</summary>" in html
    assert "Người dẫn: Xin chào bà con.<br>Hội nghị bắt đầu." in html
    assert "css/video.css" in html
    # The library and the portlet (on every page) play it with the captions too.
    assert track in client.get(library.url).content.decode()
    assert f'src="{captions.url}" default>' in client.get("/").content.decode()

    response = client.get(captions.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt"
    assert b"".join(response.streaming_content).startswith(b"WEBVTT")


def test_a_video_without_captions_has_no_track(client, home, poster):
    library = VideoIndexFactory(parent=home)
    video = VideoFactory(parent=library, embed_url="", video_file=document("clip.webm", WEBM), poster=poster,
                         transcript="Lời thoại.")
    html = client.get(video.url).content.decode()
    assert "<track" not in html
    assert "<summary>Xem lời thoại</summary>" in html
