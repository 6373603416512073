from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from eportal.core.models import HitCounterSettings
from eportal.legacy.importer import import_article
from eportal.legacy.parser import parse_dump
from eportal.news.models import ArticlePage, NewsCategoryPage

from .conftest import BYLINE, CATEGORY, TITLE


def run(*args):
    """Runs the command; returns (output, error or None)."""
    out = StringIO()
    try:
        call_command("import_legacy", *map(str, args), stdout=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def snapshot():
    return Page.objects.count(), Revision.objects.count(), HitCounterSettings.objects.count()


@pytest.mark.django_db
def test_creates_category_and_article(legacy_site, seed_text, write_dump, client):
    path = write_dump("000.txt", seed_text)
    out, error = run(path)
    assert error is None
    assert f"[1/1] {path}: created" in out
    assert "Imported 1 file: 1 created, 0 updated, 0 unchanged, 0 failed." in out

    category = NewsCategoryPage.objects.get()
    assert category.title == CATEGORY and category.live
    assert category.get_parent().specific == legacy_site.root_page.specific
    assert category.slug == "hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh"
    article = ArticlePage.objects.get()
    assert article.get_parent().pk == category.pk
    assert article.live and article.live_revision is not None
    assert article.title == TITLE
    assert article.author_name == "Nguyễn Thị Hồng Lê HUV"
    assert article.author_position == "Phó Trưởng Ban Tuyên giáo Huyện uỷ Kế Sách"
    assert article.body_html.startswith("<p>Xác định việc thực hiện")
    assert article.body_html.count("<p>") == 13 and "<p>- Việc học tập" in article.body_html
    assert article.date.isoformat() == "2015-11-10T17:00:00+00:00"  # 00:00 in Asia/Ho_Chi_Minh

    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert TITLE in html and "11/11/2015" in html and BYLINE in html


@pytest.mark.django_db
def test_existing_category_is_reused(legacy_site, seed_text, write_dump):
    home = legacy_site.root_page
    existing = NewsCategoryPage(title=CATEGORY.upper(), slug="hoc-tap")
    home.add_child(instance=existing)
    run(write_dump("000.txt", seed_text))
    assert NewsCategoryPage.objects.count() == 1
    assert ArticlePage.objects.get().get_parent().pk == existing.pk


@pytest.mark.django_db
def test_second_run_changes_nothing(legacy_site, seed_text, write_dump):
    path = write_dump("000.txt", seed_text)
    run(path)
    before = snapshot()
    out, error = run(path)
    assert error is None
    assert f"[1/1] {path}: unchanged" in out
    assert "0 created, 0 updated, 1 unchanged, 0 failed." in out
    assert snapshot() == before


@pytest.mark.django_db
def test_changed_dump_updates_the_article(legacy_site, seed_text, write_dump):
    path = write_dump("000.txt", seed_text)
    run(path)
    write_dump("000.txt", seed_text.replace("Xác định việc", "Xác định rõ việc"))
    revisions = Revision.objects.count()
    out, _ = run(path)
    assert f"{path}: updated" in out
    assert ArticlePage.objects.count() == 1
    assert ArticlePage.objects.get().body_html.startswith("<p>Xác định rõ việc")
    assert Revision.objects.count() == revisions + 1


@pytest.mark.django_db
def test_dry_run_writes_nothing(legacy_site, seed_text, write_dump):
    path = write_dump("000.txt", seed_text)
    before = snapshot()
    out, error = run(path, "--dry-run", "--counter")
    assert error is None
    assert f"[1/1] {path}: would create" in out
    assert "Would set the hit counter start value to 528527" in out
    assert "nothing written" in out
    assert snapshot() == before


@pytest.mark.django_db
def test_counter_takes_the_largest_count(legacy_site, seed_text, write_dump, tmp_path):
    write_dump("a.txt", seed_text)
    smaller = seed_text.replace("0 0 5 2 8 5 2 7", "0 0 4 0 0 0 0 0").replace(TITLE, TITLE + " (2)")
    write_dump("b.txt", smaller)
    out, error = run(tmp_path, "--counter")
    assert error is None
    assert HitCounterSettings.for_site(legacy_site).start_value == 528527
    assert "Hit counter start value: 528527 (was 0)." in out


@pytest.mark.django_db
def test_counter_not_touched_without_the_option(legacy_site, seed_text, write_dump):
    run(write_dump("000.txt", seed_text))
    assert HitCounterSettings.for_site(legacy_site).start_value == 0


@pytest.mark.django_db
def test_directory_with_a_bad_file(legacy_site, seed_text, write_dump, tmp_path):
    good = write_dump("dumps/a_good.txt", seed_text)
    bad_text = seed_text.replace("(11/11/2015)", "(31/02/2015)").replace(CATEGORY, "Chuyên mục khác")
    bad = write_dump("dumps/sub/b_bad.txt", bad_text)
    write_dump("dumps/notes.md", "not a dump")
    out, error = run(tmp_path / "dumps")
    assert error is not None and "1 file could not be imported" in str(error)
    assert f"[1/2] {good}: created" in out
    assert f"[2/2] {bad}: FAILED: invalid date 31/02/2015" in out
    assert "Imported 2 files: 1 created, 0 updated, 0 unchanged, 1 failed." in out
    assert list(NewsCategoryPage.objects.values_list("title", flat=True)) == [CATEGORY]
    assert ArticlePage.objects.count() == 1


@pytest.mark.django_db
def test_unreadable_files_are_failures(legacy_site, seed_text, write_dump, tmp_path):
    latin1 = write_dump("latin1.txt", "Tiêu đề (11/11/2015)".encode("cp1258", errors="replace") + b"\xff")
    missing = tmp_path / "missing.txt"
    out, error = run(missing, latin1, write_dump("ok.txt", seed_text))
    assert error is not None
    assert f"{missing}: FAILED: file not found" in out
    assert f"{latin1}: FAILED: not UTF-8 text" in out
    assert "ok.txt: created" in out


@pytest.mark.django_db
def test_failure_inside_the_import_writes_nothing(legacy_site, seed_text, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise ValidationError("refused")

    monkeypatch.setattr(ArticlePage, "full_clean", refuse)
    before = snapshot()
    with pytest.raises(ValidationError):
        import_article(parse_dump(seed_text), legacy_site, dry_run=False)
    assert snapshot() == before
    assert not NewsCategoryPage.objects.exists()


@pytest.mark.django_db
def test_no_site(db, seed_text, write_dump):
    Site.objects.all().delete()
    _, error = run(write_dump("000.txt", seed_text))
    assert error is not None and "no default site" in str(error)


@pytest.mark.django_db
def test_site_without_home_page(db, seed_text, write_dump):
    _, error = run(write_dump("000.txt", seed_text))  # Wagtail's welcome page is not a HomePage
    assert error is not None and "not a home page" in str(error)


@pytest.mark.django_db
def test_unknown_site(legacy_site, seed_text, write_dump):
    _, error = run(write_dump("000.txt", seed_text), "--site", "example.invalid")
    assert error is not None and "no site with hostname 'example.invalid'" in str(error)


@pytest.mark.django_db
def test_site_by_hostname(legacy_site, seed_text, write_dump):
    out, error = run(write_dump("000.txt", seed_text), "--site", legacy_site.hostname)
    assert error is None and "created" in out


@pytest.mark.server
def test_console_script_on_the_demo_database(live_site, write_dump):
    """The installed `eportal` script, run as an operator would, against a real database."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).parent / "eportal"
    seed = Path(__file__).resolve().parents[2] / "demo" / "legacy" / "000_8f6f296afbfa7039.txt"
    again = subprocess.run([str(script), "import-legacy", str(seed)], env=live_site.env,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert f"[1/1] {seed}: unchanged" in again.stdout

    junk = write_dump("junk.txt", "Lorem ipsum.\n")
    failed = subprocess.run([str(script), "import-legacy", str(junk)], env=live_site.env,
                            capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1
    assert f"{junk}: FAILED: no date line" in failed.stdout
    assert "1 file could not be imported" in failed.stderr
