import io
import json
import re
import sqlite3

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from eportal.core.hitcounter import current_total, record_visit
from eportal.operations import backups
from eportal.questions.storage import private_root

from ..factories import ArticleFactory
from .installation import Installation
from .portal_state import STATE_CODE, portal_state

# Committed data: pg_dump and the restored installation run in other processes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Mật-khẩu-đủ-dài-2026"
ARTICLE_TITLE = "Hội nghị tổng kết công tác chuyển đổi số năm 2026"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def portal(settings, site, category):
    """Articles, a document and an image with their files, a private attachment, an
    editor with a password, and counted visits (some still only in Redis when used)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    for index, title in enumerate([ARTICLE_TITLE, "Tiếp công dân định kỳ tháng 11", "Xã Đại Hải về đích nông thôn mới"]):
        article = ArticleFactory(parent=category, title=title, slug=f"bai-{index}")
        article.save_revision().publish()
    get_document_model().objects.create(
        title="Báo cáo kinh tế - xã hội", file=ContentFile(b"%PDF-1.4\n% b\xe1o c\xe1o\n%%EOF\n", name="bao-cao.pdf")
    )
    get_image_model().objects.create(title="Ảnh hội nghị", file=ContentFile(png_bytes(), name="hoi-nghi.png"))
    attachment = private_root() / "questions" / "dinh-kem-h4.pdf"
    attachment.parent.mkdir(parents=True, exist_ok=True)
    attachment.write_bytes(b"%PDF-1.4 giay to cua cong dan")
    get_user_model().objects.create_user("bien-tap-vien", "btv@example.gov.vn", PASSWORD)
    for visitor in ("khach-1", "khach-2", "khach-3"):
        record_visit(site, visitor)
    assert current_total(site) >= 3
    return site


@pytest.fixture
def target(tmp_path):
    installation = Installation(tmp_path / "target")
    yield installation
    installation.drop()


def backup(folder):
    call_command("backup", str(folder), stdout=io.StringIO())
    return json.loads((folder / "manifest.json").read_text())


def is_empty(installation):
    return installation.python(
        "import json; from django.db import connection\n"
        "print(json.dumps(connection.introspection.table_names()))"
    ) == [] and not any(p.is_file() for p in installation.media.rglob("*"))


def test_a_restored_portal_is_the_same_portal(portal, target, tmp_path):
    manifest = backup(tmp_path / "sao-luu")
    expected = portal_state(PASSWORD)
    assert {table: count for table, count in manifest["tables"].items() if table in expected["counts"]} == expected["counts"]
    stale = target.pagecache / "testserver" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("trang cũ")

    result = target.eportal("restore", str(tmp_path / "sao-luu"))
    assert result.returncode == 0, result.stderr

    restored = target.python(STATE_CODE + f"\nprint(json.dumps(state({PASSWORD!r})))")
    assert restored["counts"] == expected["counts"]
    assert restored["articles"] == expected["articles"] and len(expected["articles"]) == 3
    assert restored["documents"] == expected["documents"] and len(expected["documents"]) == 1
    assert restored["images"] == expected["images"] and len(expected["images"]) == 1
    assert "questions/dinh-kem-h4.pdf" in restored["private"] and restored["private"] == expected["private"]
    assert restored["authenticates"] and restored["wrong_password_fails"]
    assert restored["counter"] == expected["counter"] >= 3
    assert not stale.exists()  # the page cache of whatever ran before is gone
    # The search index came with the database: the restored portal finds the article.
    found = target.python(
        "import json; from django.test import Client\n"
        "response = Client().get('/tim-kiem/', {'q': 'chuyển đổi số'})\n"
        "print(json.dumps([response.status_code, response.content.decode()]))",
        settings_module="eportal.settings.test",  # its database, without collected static files
    )
    assert found[0] == 200 and "chuyển đổi số" in found[1] and "Hội nghị tổng kết" in found[1]


def test_a_damaged_backup_is_refused_and_nothing_changes(portal, target, tmp_path):
    folder = tmp_path / "sao-luu"
    manifest = backup(folder)
    damaged = folder / manifest["database"]["file"]
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))

    result = target.eportal("restore", str(folder))
    assert result.returncode != 0
    assert "damaged or incomplete" in result.stderr and manifest["database"]["file"] in result.stderr
    assert "Traceback" not in result.stderr
    assert is_empty(target)


def test_a_backup_without_its_manifest_is_refused(site, tmp_path):
    folder = tmp_path / "sao-luu"
    backup(folder)
    (folder / "manifest.json").unlink()
    with pytest.raises(CommandError, match="not a complete eportal backup"):
        call_command("restore", str(folder))


def test_restore_refuses_a_database_that_is_not_empty(site, tmp_path):
    folder = tmp_path / "sao-luu"
    backup(folder)
    with pytest.raises(CommandError, match="already has .* tables; restore needs an empty database"):
        call_command("restore", str(folder))


def test_backup_refuses_a_folder_that_is_not_empty(site, tmp_path):
    (tmp_path / "cu.txt").write_text("x")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path))


def test_an_interrupted_backup_leaves_nothing_that_looks_complete(site, tmp_path, monkeypatch):
    def disk_full(root, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups.archives, "archive", disk_full)
    with pytest.raises(CommandError, match="No space left on device"):
        call_command("backup", str(tmp_path / "sao-luu"))
    assert list(tmp_path.iterdir()) == []


def test_the_sqlite_backup_is_a_complete_database(site, tmp_path, settings):
    manifest = backup(tmp_path / "sao-luu")
    if manifest["database"]["engine"] != "sqlite":
        pytest.skip("the tests run on PostgreSQL; the dump is checked by the round trip")
    database = sqlite3.connect(tmp_path / "sao-luu" / "database.sqlite3")
    assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", manifest["created"])
