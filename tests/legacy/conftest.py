"""Fixtures for the legacy importer: the seed dump, variants of it, and a site with a home page."""

from pathlib import Path

import pytest
from wagtail.models import Page, Site

from eportal.news.models import HomePage

SEED = Path(__file__).resolve().parents[2] / "demo" / "legacy" / "000_8f6f296afbfa7039.txt"
TITLE = "Hiệu quả thiết thực sau 04 năm học tập và làm theo Bác ở Đảng bộ huyện Kế Sách"
CATEGORY = "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh"
BYLINE = "Nguyễn Thị Hồng Lê HUV, Phó Trưởng Ban Tuyên giáo Huyện uỷ Kế Sách"


@pytest.fixture(scope="session")
def seed_text():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def write_dump(tmp_path):
    """Writes a dump (text, or raw bytes) under tmp_path and returns its path."""

    def write(name, content, directory=tmp_path):
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return write


@pytest.fixture
def legacy_site(db):
    """The default site, rooted at a published HomePage (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    home = HomePage(title="Trang chủ", slug="trang-chu-legacy")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    for page in root.get_children().exclude(pk=home.pk):
        page.delete()
    return site
