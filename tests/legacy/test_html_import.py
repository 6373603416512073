"""`import-legacy` on saved HTML pages and RSS feeds: media, legacy URLs, journal, report, --site."""

import csv
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from eportal.legacy import importer
from eportal.legacy.management.commands import import_legacy as command
from eportal.legacy.models import ImportedFile, LegacyURL
from eportal.news.models import ArticlePage, HomePage, NewsCategoryPage

from .conftest import SEED

FIXTURES = Path(__file__).parent / "fixtures"
MEETING = "Hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024"
NOTICE = "Thông báo lịch tiếp công dân định kỳ tháng 3 năm 2024"
OLD_PATH = (
    "/web/ubnd-ke-sach/tin-tuc/-/asset_publisher/Xk7dQ2pLmN9a/content/"
    "hoi-nghi-tong-ket-cong-tac-nam-2023-va-trien-khai-nhiem-vu-nam-2024"
)


class TTY(StringIO):
    def isatty(self):
        return True


def run(*args, stderr=None, stdout=None):
    out = stdout or StringIO()
    try:
        call_command("import_legacy", *map(str, args), stdout=out, stderr=stderr or StringIO())
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


@pytest.fixture
def portal(tmp_path):
    """A copy of the fixtures: the Liferay pages (with their files) and the feed."""
    target = tmp_path / "old-portal"
    shutil.copytree(FIXTURES, target)
    return target


def article(title):
    return ArticlePage.objects.get(title=title)


@pytest.mark.django_db
def test_html_page_with_media(legacy_site, portal, client):
    page_file = portal / "liferay" / "hoi-nghi-tong-ket.html"
    out, error = run(page_file)
    assert error is None, out
    assert f"[1/1] {page_file}: created" in out
    # Missing media are reported, not fatal; the image without alt text is described.
    assert "warning: missing attachment: https://kesach.soctrang.gov.vn/documents/10180/0/bao-cao-tong-ket.docx" in out
    assert "warning: missing image: https://kesach.soctrang.gov.vn/image/journal/article?img_id=98765" in out
    assert "IMG_0423.png has no alt text in the old page: described as 'Ảnh minh họa: " + MEETING in out

    page = article(MEETING)
    assert page.get_parent().title == "Kinh tế - Xã hội"
    assert page.author_name == "Trần Văn Bình"
    assert page.date.isoformat() == "2024-01-05T07:30:00+00:00"  # 14:30 in Vietnam
    images = {image.description: image for image in get_image_model().objects.all()}
    assert set(images) == {"Quang cảnh hội nghị tổng kết năm 2023", f"Ảnh minh họa: {MEETING}"}
    document = get_document_model().objects.get()
    assert document.title == "Kế hoạch số 125/KH-UBND" and document.file.name.endswith(".pdf")

    types = [block.block_type for block in page.body]
    assert types == ["paragraph", "table", "paragraph"]
    stored = "".join(block["value"] for block in page.body.raw_data if block["type"] == "paragraph")
    photo = images["Quang cảnh hội nghị tổng kết năm 2023"]
    assert f'<embed alt="Quang cảnh hội nghị tổng kết năm 2023" embedtype="image" format="fullwidth" id="{photo.pk}"/>' in stored
    assert f'<a id="{document.pk}" linktype="document">Kế hoạch số 125/KH-UBND</a>' in stored
    assert "style=" not in stored and "onclick" not in stored and "<img" not in stored
    assert '<a href="https://soctrang.gov.vn/">Cổng thông tin tỉnh</a>' in stored

    html = client.get(page.url).content.decode()
    assert "Quang cảnh hội nghị tổng kết năm 2023" in html and photo.file.name not in ("",)
    assert f'<a href="{document.url}">Kế hoạch số 125/KH-UBND</a>' in html
    assert "2.731" in html and "<p></p>" not in html


@pytest.mark.django_db
def test_media_are_not_duplicated(legacy_site, portal):
    run(portal / "liferay")
    images, documents = get_image_model().objects.count(), get_document_model().objects.count()
    assert (images, documents) == (2, 1)
    # The same photo under another name, beside another page: the library keeps one copy.
    other = portal / "other"
    other.mkdir()
    shutil.copy(portal / "liferay" / "hoi-nghi-tong-ket_files" / "hoi-nghi-tong-ket-2023.jpg", other / "anh.jpg")
    (other / "tin.html").write_text(
        "<html><head><title>Tin khác</title></head><body><div class='journal-content-article'>"
        "<p>(06/01/2024)</p><p>Một bài khác dùng lại ảnh hội nghị của huyện.</p>"
        "<p><img src='anh.jpg' alt='Ảnh hội nghị'></p></div></body></html>", encoding="utf-8")
    out, error = run(portal, "--force")
    assert error is None, out
    assert "tin.html: created" in out and "hoi-nghi-tong-ket.html: unchanged" in out
    assert (get_image_model().objects.count(), get_document_model().objects.count()) == (images, documents)


@pytest.mark.django_db
def test_rss_feed(legacy_site, portal):
    feed = portal / "tin-tuc.rss"
    out, error = run(feed)
    assert error is None, out
    assert f"[1/1] {feed}: 2 articles: 2 created" in out
    youth = article("Kế Sách ra quân chiến dịch Thanh niên tình nguyện hè 2024")
    assert youth.get_parent().title == "Đoàn thể" and youth.author_name == "Lê Hoàng Nam"
    assert youth.lead.startswith("Sáng 15/6") and "alert" not in str(youth.body.raw_data)
    assert article("Thông báo tuyển dụng viên chức năm 2024").get_parent().title == "Tin tức"
    out, _ = run(feed, "--force")
    assert "2 articles: 2 unchanged" in out


@pytest.mark.django_db
def test_legacy_urls_redirect(legacy_site, portal, client):
    run(portal)
    meeting, notice = article(MEETING), article(NOTICE)
    feed_item = article("Thông báo tuyển dụng viên chức năm 2024")

    response = client.get(OLD_PATH)
    assert response.status_code == 301 and response["Location"] == meeting.url
    assert client.get(OLD_PATH + "/", follow=True).redirect_chain[-1] == (meeting.url, 301)
    # The same asset shown by another page and portlet instance of the group.
    other_page = OLD_PATH.replace("/tin-tuc/-/asset_publisher/Xk7dQ2pLmN9a/", "/trang-chu/-/asset_publisher/ZZ9/")
    assert client.get(other_page)["Location"] == meeting.url
    assert client.get(OLD_PATH, follow=True).status_code == 200

    # articleId in another portlet namespace, parameters in another order, extra parameters.
    liferay = ("/web/guest/thong-bao?_101_INSTANCE_other_articleId=48213&p_p_lifecycle=0"
               "&p_p_id=101_INSTANCE_other&utm_source=zalo")
    response = client.get(liferay)
    assert response.status_code == 301 and response["Location"] == notice.url
    assert client.get("/c/journal/view_article_content?articleId=48213&groupId=10180")["Location"] == notice.url
    assert client.get("/web/guest/thong-bao?p_p_id=56_INSTANCE_abc&_56_INSTANCE_abc_articleId=51044")[
        "Location"] == feed_item.url

    # Unknown addresses end in a 404 (after Django's usual redirect to the path with a slash).
    def final_status(url):
        return client.get(url, follow=True).status_code

    assert final_status("/web/guest/thong-bao?_101_INSTANCE_q9Wz_articleId=99999") == 404
    assert final_status("/web/ubnd-ke-sach/tin-tuc/-/asset_publisher/Xk7dQ2pLmN9a/content/khong-co") == 404
    assert final_status("/web/guest/thong-bao") == 404  # the listing page is not an article
    # Cheap: one query on a 404, none on a page that exists.
    with CaptureQueriesContext(connection) as queries:
        client.get("/web/guest/thong-bao/?_101_INSTANCE_q9Wz_articleId=48213")
        client.get(meeting.url)
    assert len([q for q in queries if "legacy_legacyurl" in q["sql"]]) == 1
    # An unpublished page is not a redirect target.
    meeting.unpublish()
    assert final_status(OLD_PATH) == 404


@pytest.mark.django_db
def test_interrupted_run_resumes(legacy_site, portal, monkeypatch):
    calls = []
    real = importer.import_page

    def interrupt_on_second_file(*args, **kwargs):
        calls.append(args[0].title)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(command, "import_page", interrupt_on_second_file)
    report = portal.parent / "report.csv"
    out, error = run(portal / "liferay", "--report", report)
    assert error is not None and "Interrupted after 1 file of 2" in str(error) and "run the same command again" in str(error).lower()
    assert ArticlePage.objects.count() == 1 and ImportedFile.objects.count() == 1
    assert report.exists()  # the report of what was done before the interruption

    monkeypatch.undo()
    parsed = []
    original_parse = command.parse_file
    monkeypatch.setattr(command, "parse_file", lambda path, data: parsed.append(path.name) or original_parse(path, data))
    out, error = run(portal / "liferay")
    assert error is None, out
    assert "hoi-nghi-tong-ket.html: unchanged (skipped: content already imported" in out
    assert "thong-bao-lich-tiep-dan.htm: created" in out
    assert parsed == ["thong-bao-lich-tiep-dan.htm"]  # the done file is not parsed again
    assert ArticlePage.objects.count() == 2


@pytest.mark.django_db
def test_changed_file_is_parsed_again(legacy_site, portal):
    page_file = portal / "liferay" / "thong-bao-lich-tiep-dan.htm"
    run(page_file)
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện"),
                         encoding="utf-8")
    revisions = Revision.objects.count()
    out, _ = run(page_file)
    assert f"{page_file}: updated" in out
    assert Revision.objects.count() == revisions + 1
    assert "Phó Chủ tịch UBND huyện" in str(article(NOTICE).body.raw_data)


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_report(legacy_site, portal, suffix):
    bad = portal / "liferay" / "hong.html"
    bad.write_text("<html><body><h1>Trang lỗi</h1><p>Không có ngày đăng trong trang này.</p></body></html>",
                   encoding="utf-8")
    report = portal.parent / f"report{suffix}"
    run(portal, "--report", report)
    out, error = run(portal, "--report", report)
    assert error is not None and "1 file could not be imported" in str(error)
    if suffix == ".csv":
        with report.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    else:
        rows = json.loads(report.read_text(encoding="utf-8"))
    by_file = {(Path(row["file"]).name, str(row["item"])): row for row in rows}
    assert by_file[("hong.html", "")]["status"] == "failed"
    assert "no publication date" in by_file[("hong.html", "")]["message"]
    assert by_file[("hoi-nghi-tong-ket.html", "")]["status"] == "skipped"
    assert by_file[("thong-bao-lich-tiep-dan.htm", "")]["status"] == "skipped"
    assert by_file[("tin-tuc.rss", "")]["status"] == "skipped"
    assert len(rows) == 4

    ImportedFile.objects.all().delete()
    run(portal, "--report", report)
    rows = list(csv.DictReader(report.open(encoding="utf-8"))) if suffix == ".csv" else json.loads(report.read_text())
    statuses = {(Path(row["file"]).name, str(row["item"])): row["status"] for row in rows}
    assert statuses == {
        ("hong.html", ""): "failed",
        ("hoi-nghi-tong-ket.html", ""): "unchanged",
        ("thong-bao-lich-tiep-dan.htm", ""): "unchanged",
        ("tin-tuc.rss", "1"): "unchanged",
        ("tin-tuc.rss", "2"): "unchanged",
    }
    meeting = next(row for row in rows if row["title"] == MEETING)
    assert meeting["url"] == article(MEETING).url and "missing image" in meeting["message"]


@pytest.mark.django_db
def test_bad_file_writes_nothing(legacy_site, portal):
    feed = portal / "tin-tuc.rss"
    # The second item has no date: the first one is not imported either.
    feed.write_text(feed.read_text(encoding="utf-8").replace("<pubDate>Mon, 01 Jul 2024 08:00:00 +0700</pubDate>", ""),
                    encoding="utf-8")
    before = Page.objects.count(), get_image_model().objects.count()
    out, error = run(feed)
    assert f"{feed}: FAILED: item 2: no <pubDate>" in out
    assert error is not None and "1 file could not be imported" in str(error)
    assert (Page.objects.count(), get_image_model().objects.count()) == before
    assert not ImportedFile.objects.exists() and not LegacyURL.objects.exists()


@pytest.mark.django_db
def test_import_into_another_site(legacy_site, portal, client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "anlacthon.example"]
    root = Page.get_first_root_node()
    commune = HomePage(title="Xã An Lạc Thôn", slug="xa-an-lac-thon")
    root.add_child(instance=commune)
    commune.save_revision().publish()
    other = Site.objects.create(hostname="anlacthon.example", port=80, root_page=commune)

    out, error = run(portal / "liferay" / "hoi-nghi-tong-ket.html", "--site", "anlacthon.example")
    assert error is None, out
    page = article(MEETING)
    assert page.get_ancestors().filter(pk=commune.pk).exists()
    assert not NewsCategoryPage.objects.descendant_of(legacy_site.root_page).exists()
    assert LegacyURL.objects.filter(site=other).exists()
    assert client.get(OLD_PATH, HTTP_HOST="anlacthon.example").status_code == 301
    assert client.get(OLD_PATH, follow=True).status_code == 404  # not a legacy URL of the default site

    # The journal is per site: the default site still gets its own copy.
    out, _ = run(portal / "liferay" / "hoi-nghi-tong-ket.html")
    assert ": created" in out and ArticlePage.objects.count() == 2


@pytest.mark.django_db
def test_progress_line_on_a_terminal(legacy_site, portal):
    tty, plain = TTY(), StringIO()
    out, _ = run(portal / "liferay", "--dry-run", stderr=tty)
    assert "2/2 files" in tty.getvalue() and "articles/s" in tty.getvalue() and "ETA" in tty.getvalue()
    run(portal / "liferay", "--dry-run", stderr=plain)
    assert plain.getvalue() == ""
    assert "Dry run, nothing written. Checked 2 files: 2 would create" in out
    assert "2 articles in" in out and "articles/s)" in out
    assert not ArticlePage.objects.exists() and not get_image_model().objects.exists()


@pytest.mark.django_db
def test_terminal_shows_progress_and_only_problem_lines(legacy_site, portal):
    (portal / "liferay" / "hong.html").write_text("<html><body><p>Trang hỏng, không có gì.</p></body></html>",
                                                  encoding="utf-8")
    out, error = run(portal, stderr=TTY(), stdout=TTY())
    assert error is not None
    assert "tin-tuc.rss" not in out  # went well: shown by the progress line only
    assert "hoi-nghi-tong-ket.html: created" in out  # it has warnings (missing media)
    assert "hong.html: FAILED" in out
    assert "Imported 4 files: 4 created, 0 updated, 0 unchanged, 1 failed." in out


@pytest.mark.django_db
def test_text_dumps_and_html_together(legacy_site, portal):
    shutil.copy(SEED, portal / "000.txt")
    out, error = run(portal)
    assert error is None, out
    assert "000.txt: created" in out
    assert "Imported 4 files: 5 created, 0 updated, 0 unchanged, 0 failed." in out
    assert ArticlePage.objects.count() == 5
