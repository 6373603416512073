"""Uploads are judged by content through the real admin views, and documents are served safely.

Every file here is generated on the spot: real PNG/JPEG images from Pillow, DOCX/XLSX/ODT/ODS
archives holding the parts that define them, a minimal OLE2 compound file, PDF and video headers,
and the first bytes of a Windows program.
"""

import io
import struct
import unicodedata
import zipfile
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from eportal.media import validators
from eportal.media.validators import detect_document_type, sniff_video_type, validate_document_upload
from eportal.news.models import VideoPage

from ..factories import VideoFactory, VideoIndexFactory

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ENGLISH = ("This file", "Not a ", "not allowed", "Supported formats", "Maximum")


# --- Small real files --------------------------------------------------------------------------


def image_bytes(fmt="PNG", size=(40, 30), mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, size, 1 if mode == "1" else (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


def zip_bytes(entries, stored_first=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(entries):
            compress = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compress)
    return buffer.getvalue()


CONTENT_TYPES_XML = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def docx_bytes():
    return zip_bytes([
        ("[Content_Types].xml", CONTENT_TYPES_XML),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document><w:body><w:p>Báo cáo</w:p></w:body></w:document>"),
    ])


def xlsx_bytes():
    return zip_bytes([
        ("[Content_Types].xml", CONTENT_TYPES_XML),
        ("_rels/.rels", "<Relationships/>"),
        ("xl/workbook.xml", "<workbook/>"),
        ("xl/worksheets/sheet1.xml", "<worksheet/>"),
    ])


def opendocument_bytes(kind="text"):
    return zip_bytes(
        [
            ("mimetype", f"application/vnd.oasis.opendocument.{kind}"),
            ("content.xml", "<office:document-content/>"),
            ("META-INF/manifest.xml", "<manifest:manifest/>"),
        ],
        stored_first=True,
    )


ENDOFCHAIN, FATSECT, FREESECT = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def ole2_bytes(*streams):
    """A minimal OLE2 compound file: header, one FAT sector, one directory sector."""
    header = bytearray(512)
    header[:8] = validators.OLE2_MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)  # versions, byte order, sector shifts
    struct.pack_into("<II", header, 0x2C, 1, 1)  # one FAT sector; the directory starts at sector 1
    struct.pack_into("<IIIIII", header, 0x38, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0, 0)  # no mini FAT, no DIFAT
    struct.pack_into("<109I", header, 0x4C, 0, *[FREESECT] * 108)  # the FAT is sector 0
    fat = struct.pack("<128I", FATSECT, ENDOFCHAIN, *[FREESECT] * 126)
    directory = bytearray(512)
    for index, (name, kind) in enumerate([("Root Entry", 5)] + [(stream, 2) for stream in streams]):
        encoded = name.encode("utf-16-le") + b"\0\0"
        directory[index * 128:index * 128 + len(encoded)] = encoded
        struct.pack_into("<HB", directory, index * 128 + 64, len(encoded), kind)
    return bytes(header) + fat + bytes(directory)


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8" + b"\x00" * 64 + b"This program cannot be run"
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08free" * 4
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + b"\x00" * 32
HTML = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nXin chào bà con.\n".encode()
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'

VALID_DOCUMENTS = {
    "pdf": PDF,
    "doc": ole2_bytes("WordDocument", "1Table"),
    "docx": docx_bytes(),
    "xls": ole2_bytes("Workbook"),
    "xlsx": xlsx_bytes(),
    "odt": opendocument_bytes("text"),
    "ods": opendocument_bytes("spreadsheet"),
    "mp4": MP4,
    "webm": WEBM,
    "vtt": VTT,
}


# --- Helpers -----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def collection(db):
    return Collection.get_first_root_node()


def stored_files(root):
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def upload_document(client, name, content, collection, title="Tài liệu"):
    return client.post(
        "/admin/documents/add/",
        {"title": title, "file": SimpleUploadedFile(name, content), "collection": collection.pk},
    )


def upload_image(client, name, content, collection, title="Ảnh", description="Ảnh chụp hội nghị"):
    return client.post(
        "/admin/images/add/",
        {"title": title, "description": description, "file": SimpleUploadedFile(name, content),
         "collection": collection.pk},
    )


def file_errors(response):
    assert response.status_code == 200, "the form should be shown again"
    return list(response.context["form"].errors.get("file", []))


def assert_refused(response, fragment, media_root):
    errors = file_errors(response)
    assert len(errors) == 1, errors
    assert fragment in errors[0]
    assert not any(english in errors[0] for english in ENGLISH), errors[0]
    assert fragment in response.content.decode()
    assert stored_files(media_root) == []


def raw_multipart(fields, filename, content):
    """A multipart body sent as is: Django's test client would strip a path from `filename`."""
    boundary = "eportal-upload-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# --- Content detection -------------------------------------------------------------------------


@pytest.mark.parametrize("extension", list(VALID_DOCUMENTS))
def test_each_document_type_is_recognised_by_content(extension):
    fileobj = io.BytesIO(VALID_DOCUMENTS[extension])
    fileobj.seek(7)
    assert detect_document_type(fileobj) == validators.CONTENT_TYPES[extension]
    assert fileobj.tell() == 7, "the file position is left where it was"


@pytest.mark.parametrize(
    "content, expected",
    [
        (EXE, None),
        (HTML, None),
        (b"", None),
        (image_bytes(), None),
        (zip_bytes([("readme.txt", "xin chào")]), None),
        (zip_bytes([("[Content_Types].xml", CONTENT_TYPES_XML), ("ppt/presentation.xml", "<p/>")]), None),
        (opendocument_bytes("presentation"), None),
        # A mimetype entry that is not the archive's first local entry is not OpenDocument.
        (zip_bytes([("content.xml", "<x/>"), ("mimetype", "application/vnd.oasis.opendocument.text")]), None),
        (b"PK\x03\x04 broken archive", None),
        (ole2_bytes("PowerPoint Document"), validators.OLE2_OTHER),
        (ole2_bytes("EncryptionInfo", "EncryptedPackage"), validators.OFFICE_ENCRYPTED),
        (validators.OLE2_MAGIC + b"\x00" * 100, validators.OLE2_OTHER),
        (ole2_bytes("Book"), validators.XLS),
    ],
)
def test_other_content_is_not_taken_for_a_document(content, expected):
    assert detect_document_type(io.BytesIO(content)) == expected


def test_video_sniffing_lives_in_the_media_module():
    from eportal.news.models import video

    assert video.sniff_video_type is sniff_video_type
    assert sniff_video_type(io.BytesIO(MP4)) == "video/mp4"
    assert sniff_video_type(io.BytesIO(WEBM)) == "video/webm"
    assert sniff_video_type(io.BytesIO(EXE)) is None


def test_validator_names_the_problem_in_vietnamese(settings):
    with pytest.raises(ValidationError) as error:
        validate_document_upload(SimpleUploadedFile("bao-cao.docx", PDF))
    assert error.value.code == "extension_mismatch"
    assert error.value.messages == [
        "Tệp có đuôi .docx nhưng nội dung là tài liệu PDF, không phải văn bản Word. "
        "Hãy đổi đuôi tệp thành .pdf hoặc chọn tệp khác."
    ]
    assert validate_document_upload(SimpleUploadedFile("bao-cao.docx", docx_bytes())) == DOCX_TYPE


def test_served_content_types_match_the_checked_types(settings):
    assert settings.WAGTAILDOCS_CONTENT_TYPES == validators.CONTENT_TYPES
    assert validators.allowed_document_extensions() == settings.WAGTAILDOCS_EXTENSIONS


# --- Documents through the admin --------------------------------------------------------------


@pytest.mark.parametrize("extension", list(VALID_DOCUMENTS))
def test_real_documents_are_stored(admin_client, collection, media_root, extension):
    response = upload_document(admin_client, f"tai-lieu.{extension}", VALID_DOCUMENTS[extension], collection)
    assert response.status_code == 302, file_errors(response)
    document = Document.objects.get()
    assert document.file.name == f"documents/tai-lieu.{extension}"
    assert document.content_type == validators.CONTENT_TYPES[extension]
    assert stored_files(media_root) == [f"documents/tai-lieu.{extension}"]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("chuong-trinh.pdf", EXE, "Tệp có đuôi .pdf nhưng thực chất là một chương trình chạy được."),
        ("setup.exe", EXE, "Không nhận tệp .exe. Chỉ nhận tệp PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, MP4, WEBM, VTT."),
        ("khong-duoi", PDF, "Tên tệp không có đuôi"),
        ("trang.html", HTML, "Không nhận tệp .html."),
        ("ghi-chu.pdf", "Chỉ là văn bản thường".encode(), "nội dung không phải tài liệu PDF"),
        ("bao-cao.docx", PDF, "nội dung là tài liệu PDF, không phải văn bản Word. Hãy đổi đuôi tệp thành .pdf"),
        ("bang-tinh.xlsx", docx_bytes(), "nội dung là văn bản Word, không phải bảng tính Excel."),
        ("van-ban.docx", xlsx_bytes(), "nội dung là bảng tính Excel, không phải văn bản Word."),
        ("van-ban.doc", ole2_bytes("Workbook"), "nội dung là bảng tính Excel 97-2003"),
        ("bang-tinh.xls", docx_bytes(), "Hãy đổi đuôi tệp thành .docx"),
        ("van-ban.odt", opendocument_bytes("spreadsheet"), "nội dung là bảng tính OpenDocument"),
        ("trinh-chieu.doc", ole2_bytes("PowerPoint Document"), "một tệp Office không phải Word hay Excel"),
        ("mat-khau.docx", ole2_bytes("EncryptionInfo", "EncryptedPackage"), "đã được đặt mật khẩu"),
        ("nen.docx", zip_bytes([("readme.txt", "xin chào")]), "nội dung không phải văn bản Word"),
        ("video.mp4", HTML, "nội dung không phải video MP4"),
        ("video.webm", MP4, "nội dung là video MP4, không phải video WebM. Hãy đổi đuôi tệp thành .mp4"),
        ("rong.pdf", b"", "Tập tin được gửi là rỗng."),
        ("phu-de.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nXin chao\n", "nội dung không phải tệp phụ đề WebVTT"),
        ("phu-de.vtt", "WEBVTT\n\nXin chào".encode("utf-16"), "nội dung không phải tệp phụ đề WebVTT"),
        ("phu-de.vtt", b"WEBVTTX\n", "nội dung không phải tệp phụ đề WebVTT"),
        ("phu-de.vtt", b"WEBVTT\n\xff\xfe not utf-8", "nội dung không phải tệp phụ đề WebVTT"),
        ("phu-de.vtt", HTML, "nội dung không phải tệp phụ đề WebVTT"),
    ],
)
def test_documents_are_refused_by_content(admin_client, collection, media_root, name, content, message):
    response = upload_document(admin_client, name, content, collection)
    assert_refused(response, message, media_root)
    assert Document.objects.count() == 0


def test_an_unsafe_extension_is_not_echoed(admin_client, collection, media_root):
    response = upload_document(admin_client, "anh.p<b>df", PDF, collection)
    assert_refused(response, "Không nhận loại tệp này.", media_root)


def test_too_large_document_is_refused(admin_client, collection, media_root, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload_document(admin_client, "lon.pdf", PDF + b"0" * 2048, collection)
    assert_refused(response, "Tệp quá lớn (", media_root)
    assert "Dung lượng tối đa là 1,0" in file_errors(response)[0]
    assert Document.objects.count() == 0
    assert upload_document(admin_client, "nho.pdf", PDF, collection).status_code == 302


def test_document_upload_form_speaks_vietnamese(admin_client):
    page = admin_client.get("/admin/documents/add/").content.decode()
    assert "Nhận tệp PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, MP4, WEBM, VTT. Dung lượng tối đa: 200" in page
    assert "Maximum filesize" not in page


def test_large_uploads_on_disk_are_checked_too(admin_client, collection, media_root, settings):
    # Above FILE_UPLOAD_MAX_MEMORY_SIZE an upload is a temporary file rather than bytes in memory.
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    assert upload_document(admin_client, "bao-cao.docx", docx_bytes(), collection).status_code == 302
    response = upload_document(admin_client, "gia.xlsx", docx_bytes(), collection)
    assert "nội dung là văn bản Word" in file_errors(response)[0]
    assert stored_files(media_root) == ["documents/bao-cao.docx"]


def test_the_multiple_uploader_refuses_too(admin_client, collection, media_root):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("bao-cao.pdf", EXE), "collection": collection.pk},
    )
    data = response.json()
    assert data["success"] is False
    assert "thực chất là một chương trình chạy được" in data["error_message"]
    assert Document.objects.count() == 0
    assert stored_files(media_root) == []

    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("bao-cao.pdf", PDF), "collection": collection.pk},
    )
    assert response.json()["success"] is True
    assert Document.objects.count() == 1


def test_replacing_the_file_of_a_document_is_checked(admin_client, collection, media_root):
    upload_document(admin_client, "quyet-dinh.pdf", PDF, collection)
    document = Document.objects.get()
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Quyết định", "file": SimpleUploadedFile("quyet-dinh.pdf", EXE), "collection": collection.pk},
    )
    assert "chương trình chạy được" in file_errors(response)[0]
    document.refresh_from_db()
    assert document.file.name == "documents/quyet-dinh.pdf"
    # Editing the title alone does not ask for the file again.
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/", {"title": "Quyết định số 12", "collection": collection.pk}
    )
    assert response.status_code == 302
    assert stored_files(media_root) == ["documents/quyet-dinh.pdf"]


@pytest.mark.parametrize("filename", ["../../etc/passwd.pdf", "..\\..\\windows\\passwd.pdf", "/etc/passwd.pdf"])
def test_a_path_in_the_uploaded_name_is_dropped(admin_client, collection, media_root, filename):
    body, content_type = raw_multipart({"title": "Thử", "collection": collection.pk}, filename, PDF)
    response = admin_client.post("/admin/documents/add/", body, content_type=content_type)
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name == "documents/passwd.pdf"
    assert stored_files(media_root) == ["documents/passwd.pdf"]
    assert media_root in (media_root / document.file.name).resolve().parents


# --- Serving documents -------------------------------------------------------------------------


def test_a_docx_is_downloaded_with_its_type_and_vietnamese_name(admin_client, client, collection):
    # Sent decomposed (NFD), as browsers on macOS do; stored and served composed (NFC).
    name = unicodedata.normalize("NFD", "Báo cáo tổng kết năm 2024.docx")
    assert upload_document(admin_client, name, docx_bytes(), collection).status_code == 302
    document = Document.objects.get()
    assert document.filename == "Báo_cáo_tổng_kết_năm_2024.docx"

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == docx_bytes()
    assert response["Content-Type"] == DOCX_TYPE
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert 'filename="Bao_cao_tong_ket_nam_2024.docx"' in disposition
    encoded = disposition.split("filename*=UTF-8''", 1)[1]
    assert "%" in encoded and " " not in encoded
    assert unquote(encoded) == "Báo_cáo_tổng_kết_năm_2024.docx"


def test_a_pdf_may_open_in_the_browser(admin_client, client, collection):
    upload_document(admin_client, "cong-van.pdf", PDF, collection)
    response = client.get(Document.objects.get().url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"


# --- Images through the admin -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content",
    [("anh.png", image_bytes("PNG")), ("anh.jpg", image_bytes("JPEG")), ("anh.webp", image_bytes("WEBP")),
     ("anh.gif", image_bytes("GIF"))],
)
def test_real_images_are_stored(admin_client, collection, media_root, name, content):
    response = upload_image(admin_client, name, content, collection)
    assert response.status_code == 302, file_errors(response)
    assert Image.objects.count() == 1
    assert stored_files(media_root) == [f"original_images/{name}"]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("chuong-trinh.jpg", EXE, "Tệp này không phải là ảnh hoặc ảnh đã bị hỏng"),
        ("ghi-chu.jpg", b"Day la van ban thuong, khong phai anh.", "Tệp này không phải là ảnh"),
        # Willow takes any XML-ish text for SVG, which a .png name does not match.
        ("trang.png", HTML, "tên tệp là ảnh png nhưng nội dung là ảnh svg"),
        ("bieu-tuong.svg", SVG, "Không nhận định dạng ảnh này. Chỉ nhận ảnh JPG, JPEG, PNG, GIF, WEBP, AVIF."),
        ("bieu-tuong.png", SVG, "tên tệp là ảnh png nhưng nội dung là ảnh svg"),
        ("tai-lieu.pdf", PDF, "Tệp này không phải là ảnh"),
        ("anh.jpg", image_bytes("PNG"), "Đuôi tệp không khớp với nội dung: tên tệp là ảnh jpeg nhưng nội dung là ảnh png"),
        ("anh.bmp", image_bytes("BMP"), "Không nhận định dạng ảnh này."),
    ],
)
def test_images_are_refused_by_content(admin_client, collection, media_root, name, content, message):
    assert_refused(upload_image(admin_client, name, content, collection), message, media_root)
    assert Image.objects.count() == 0


def test_too_large_image_file_is_refused(admin_client, collection, media_root, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    response = upload_image(admin_client, "anh.png", image_bytes("PNG", (200, 200)), collection)
    assert_refused(response, "Tệp ảnh quá lớn (", media_root)


def test_too_many_pixels_are_refused(admin_client, collection, media_root, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    # A one-bit 8000 x 5001 PNG is small on disk but 40,008,000 pixels.
    huge = image_bytes("PNG", (8000, 5001), mode="1")
    assert len(huge) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload_image(admin_client, "ban-do.png", huge, collection)
    assert_refused(response, "Ảnh có kích thước quá lớn. Tối đa 40.000.000 điểm ảnh", media_root)
    assert upload_image(admin_client, "ban-do.png", image_bytes("PNG", (8000, 5000), mode="1"),
                        collection).status_code == 302


def test_the_multiple_image_uploader_refuses_too(admin_client, collection, media_root):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("anh.jpg", EXE), "collection": collection.pk},
    )
    data = response.json()
    assert data["success"] is False
    assert "không phải là ảnh" in data["error_message"]
    assert stored_files(media_root) == []


def test_image_upload_form_speaks_vietnamese(admin_client):
    page = admin_client.get("/admin/images/add/").content.decode()
    assert "Nhận ảnh JPG, JPEG, PNG, GIF, WEBP, AVIF. Dung lượng tối đa: 20" in page
    assert "SVG" not in page
    assert "Supported formats" not in page
    multiple = admin_client.get("/admin/images/multiple/add/").content.decode()
    assert "Không nhận định dạng ảnh này" in multiple  # the message the browser shows before uploading


def test_public_renditions_of_photos_are_webp(collection):
    photo = Image.objects.create(title="Ảnh chụp", file=ContentFile(image_bytes("JPEG", (640, 400)), "anh.jpg"))
    logo = Image.objects.create(title="Biểu trưng", file=ContentFile(image_bytes("PNG", (160, 80)), "logo.png"))
    assert photo.get_rendition("fill-320x200").url.endswith(".webp")
    assert logo.get_rendition("height-80").url.endswith(".png")


# --- Video pages -------------------------------------------------------------------------------


def video_document(content=MP4, name="clip.mp4"):
    document = Document(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def test_an_uploaded_video_needs_a_poster(home):
    library = VideoIndexFactory(parent=home)
    with pytest.raises(ValidationError) as error:
        VideoFactory(parent=library, embed_url="", video_file=video_document(), transcript="Lời thoại.")
    assert error.value.message_dict == {"poster": ["Video tải lên cần có ảnh bìa."]}

    poster = Image.objects.create(title="Ảnh bìa", file=ContentFile(image_bytes("JPEG"), "bia.jpg"))
    page = VideoFactory(parent=library, embed_url="", video_file=video_document(), poster=poster,
                        transcript="Lời người dẫn chương trình.")
    assert page.live


def test_a_linked_video_needs_no_poster():
    VideoPage(title="Phóng sự", slug="phong-su", embed_url="https://www.youtube.com/watch?v=abc").clean()


def test_a_fake_video_without_poster_or_captions_gets_every_message():
    page = VideoPage(title="Video giả", slug="video-gia", video_file=video_document(EXE))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict == {
        "video_file": ["Tệp này không phải video MP4 hoặc WebM."],
        "poster": ["Video tải lên cần có ảnh bìa."],
        "transcript": ["Video tải lên cần có phụ đề (tệp .vtt) hoặc lời thoại, cho người không nghe được âm thanh."],
    }
