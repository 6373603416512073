"""A commune's editorial board works on its own site only, enforced by the server."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from eportal.core.pages import publish_child
from eportal.demo.loader import ensure_home_page
from eportal.editorial import roles
from eportal.news.models import ArticlePage, NewsCategoryPage
from eportal.province.site_template import create_site

from ..editorial.conftest import client_for, make_user
from ..factories import CategoryFactory

pytestmark = pytest.mark.django_db


def article(parent, title, slug):
    return publish_child(parent, ArticlePage(
        title=title, slug=slug, date=datetime.datetime(2026, 10, 1, tzinfo=datetime.timezone.utc),
        body=ArticlePage.body_from_html("<p>Nội dung.</p>"),
    ))


@pytest.fixture(scope="module")
def built_communes(django_db_setup, django_db_blocker):
    """The province with its news category and two communes made from it, built once for the
    module (every database test uses them) inside a transaction rolled back at its end; each
    test's savepoint nests inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = ensure_home_page().root_page
        category = CategoryFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc-su-kien")
        made = {}
        for name, prefix in [("Xã An Lạc Thôn", "xa-an-lac-thon"), ("Xã Phong Nẫm", "xa-phong-nam")]:
            new = create_site(f"Cổng thông tin điện tử {name} (dữ liệu mẫu)", prefix=prefix)
            news = NewsCategoryPage.objects.child_of(new.site.root_page).get(slug="tin-tuc-su-kien")
            made[prefix] = {
                "site": new.site,
                "article": article(news, f"Tin của {name}", f"tin-{prefix}"),
                "collection": new.collection,
                "editor_group": next(g for g in new.groups if g.name.endswith(roles.EDITOR)),
                "head_group": next(g for g in new.groups if g.name.endswith(roles.HEAD)),
            }
        made["province_article"] = article(category, "Tin của tỉnh", "tin-cua-tinh")
        yield made
        transaction.set_rollback(True)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


@pytest.fixture
def two_communes(built_communes, db):
    """The communes in this test's transaction, as fresh objects (a test may change its copies)."""
    made = {key: {name: fresh(obj) for name, obj in parts.items()}
            for key, parts in built_communes.items() if key != "province_article"}
    made["province_article"] = fresh(built_communes["province_article"])
    return made


@pytest.fixture
def an_lac_editor(two_communes):
    return client_for(make_user("bientap_anlac", two_communes["xa-an-lac-thon"]["editor_group"]))


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_a_commune_editor_edits_their_own_site(an_lac_editor, two_communes):
    response = an_lac_editor.get(edit_url(two_communes["xa-an-lac-thon"]["article"]))
    assert response.status_code == 200


@pytest.mark.parametrize("target", ["xa-phong-nam", "province"])
def test_a_commune_editor_cannot_open_or_change_another_sites_page(an_lac_editor, two_communes, target):
    page = two_communes["province_article"] if target == "province" else two_communes[target]["article"]
    assert an_lac_editor.get(edit_url(page)).status_code in (302, 403)
    response = an_lac_editor.post(edit_url(page), {"title": "Bị sửa", "slug": page.slug})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.title != "Bị sửa"
    assert page.get_latest_revision().content["title"] != "Bị sửa"
    parent = page.get_parent()
    add = an_lac_editor.get(f"/admin/pages/add/news/articlepage/{parent.pk}/")
    assert add.status_code in (302, 403)


def test_the_page_explorer_shows_only_their_site(an_lac_editor, two_communes):
    own_home = two_communes["xa-an-lac-thon"]["site"].root_page
    listing = an_lac_editor.get(f"/admin/pages/{own_home.pk}/")
    assert listing.status_code == 200
    other_home = two_communes["xa-phong-nam"]["site"].root_page
    assert an_lac_editor.get(f"/admin/pages/{other_home.pk}/").status_code in (302, 403)
    search = an_lac_editor.get("/admin/pages/search/", {"q": "Tin của"}).content.decode()
    assert "Tin của Xã An Lạc Thôn" in search
    assert "Tin của Xã Phong Nẫm" not in search and "Tin của tỉnh" not in search


def test_images_of_another_site_are_neither_listed_nor_editable(an_lac_editor, two_communes):
    Image = get_image_model()
    own = Image.objects.create(title="Ảnh An Lạc Thôn", file=get_test_image_file(),
                               collection=two_communes["xa-an-lac-thon"]["collection"])
    other = Image.objects.create(title="Ảnh Phong Nẫm", file=get_test_image_file(),
                                 collection=two_communes["xa-phong-nam"]["collection"])
    province = Image.objects.create(title="Ảnh của tỉnh", file=get_test_image_file(),
                                    collection=Collection.get_first_root_node())
    listing = an_lac_editor.get("/admin/images/").content.decode()
    assert "Ảnh An Lạc Thôn" in listing
    assert "Ảnh Phong Nẫm" not in listing and "Ảnh của tỉnh" not in listing
    assert an_lac_editor.get(f"/admin/images/{own.pk}/").status_code == 200
    for image in (other, province):
        assert an_lac_editor.get(f"/admin/images/{image.pk}/").status_code in (302, 403)
        an_lac_editor.post(f"/admin/images/{image.pk}/delete/")
        assert Image.objects.filter(pk=image.pk).exists()


def test_a_commune_board_cannot_change_any_sites_settings(an_lac_editor, two_communes):
    for site in (two_communes["xa-an-lac-thon"]["site"], two_communes["xa-phong-nam"]["site"]):
        response = an_lac_editor.get(f"/admin/settings/core/siteidentity/{site.pk}/")
        assert response.status_code in (302, 403)


def test_each_site_has_its_own_approval_workflow(two_communes):
    own = two_communes["xa-an-lac-thon"]
    workflow = own["article"].get_workflow()
    groups = {group for task in workflow.tasks.specific() for group in task.groups.all()}
    assert groups == {own["editor_group"], own["head_group"]}
    # The province board's global groups do not approve a commune's articles.
    assert not groups & set(Group.objects.filter(name__in=roles.ROLES))


def test_a_commune_board_reads_its_own_reports_only(an_lac_editor, two_communes):
    own, other = two_communes["xa-an-lac-thon"]["site"], two_communes["xa-phong-nam"]["site"]
    for address in ["/admin/thong-ke-truy-cap/", "/admin/thong-ke-bien-tap/"]:
        html = an_lac_editor.get(f"{address}?site={own.pk}&ky=2026-Q1").content.decode()
        assert "An Lạc Thôn" in html and "Tất cả các trang thông tin" not in html
        assert an_lac_editor.get(f"{address}?site={other.pk}&ky=2026-Q1").status_code == 404
