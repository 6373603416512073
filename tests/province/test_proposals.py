"""A commune article proposed to the province portal's news: proposed by the commune, approved
by the province board, shown in a province category with the commune as source and a
canonical link to the original, and kept in step with the original."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Site

from eportal.core.models import SiteIdentity
from eportal.core.pages import publish_child
from eportal.demo.loader import ensure_home_page
from eportal.news.models import ArticlePage, HomePage, NewsCategoryPage
from eportal.province.models import ProvinceProposal, SharedArticlePage
from eportal.search.models import SearchEntry

from ..editorial.conftest import client_for
from ..editorial.conftest import make_user as editorial_user

pytestmark = pytest.mark.django_db

COMMUNE_HOST = "xa-ke-an.example"
COMMUNE_TITLE = "Cổng thông tin điện tử UBND xã Kế An"
TITLE = "Xã Kế An ra quân làm đường giao thông nông thôn"
ORIGINAL_URL = f"http://{COMMUNE_HOST}/tin-xa/ra-quan-lam-duong/"


def make_user(username, *pages, permissions=("add_page", "change_page", "publish_page")):
    """A user whose own group holds these page permissions on these pages only."""
    group = Group.objects.create(name=f"Nhóm {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for page in pages:
        for codename in permissions:
            GroupPagePermission.objects.create(group=group, page=page, permission=Permission.objects.get(codename=codename))
    return editorial_user(username, group)


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The province's news category, the commune site with its article, and a board member
    of each, built once for the module (every database test uses some of them) inside a
    transaction rolled back at its end; each test's savepoint nests inside it. Returns
    their primary keys."""
    with django_db_blocker.unblock(), transaction.atomic():
        site = ensure_home_page()
        province_news = publish_child(site.root_page, NewsCategoryPage(title="Tin các xã, phường", slug="tin-cac-xa"))
        home = publish_child(Page.get_first_root_node(), HomePage(title="Trang chủ xã Kế An", slug="xa-ke-an"))
        commune = Site.objects.create(hostname=COMMUNE_HOST, port=80, root_page=home, site_name="Xã Kế An")
        identity = SiteIdentity.for_site(commune)
        identity.portal_title = COMMUNE_TITLE
        identity.save()
        news = publish_child(commune.root_page, NewsCategoryPage(title="Tin xã", slug="tin-xa"))
        original = publish_child(news, ArticlePage(
            title=TITLE, slug="ra-quan-lam-duong", lead="Người dân góp công làm đường ở ấp An Định.",
            date=datetime.datetime(2026, 10, 5, 8, 0, tzinfo=datetime.timezone.utc),
            body=ArticlePage.body_from_html("<p>Sáng nay, hơn 200 người dân ấp An Định góp công làm 1,2 km đường.</p>"),
            author_name="Lê Thị Hoa",
        ))
        yield {
            "province_news": province_news.pk, "commune": commune.pk, "original": original.pk,
            "commune_editor": make_user("bientap_xa", commune.root_page).pk,
            "province_head": make_user("truongban_tinh", site.root_page).pk,
        }
        transaction.set_rollback(True)


@pytest.fixture
def province_news(built, db):
    """The default site is the province portal; its news category."""
    return NewsCategoryPage.objects.get(pk=built["province_news"])


@pytest.fixture
def commune(built, db, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, COMMUNE_HOST]
    return Site.objects.get(pk=built["commune"])


@pytest.fixture
def original(built, commune):
    return ArticlePage.objects.get(pk=built["original"])


@pytest.fixture
def commune_editor(built, commune):
    return get_user_model().objects.get(pk=built["commune_editor"])


@pytest.fixture
def province_head(built, db):
    return get_user_model().objects.get(pk=built["province_head"])


def propose(client, article, category, note=""):
    return client.post(reverse("province_propose", args=[article.pk]), {"category": category.pk, "note": note})


def approve(client, proposal):
    return client.post(reverse("province_proposal", args=[proposal.pk]), {"action": "approve"})


@pytest.fixture
def proposal(commune_editor, original, province_news):
    response = propose(client_for(commune_editor), original, province_news, note="Mô hình hay, đề nghị đăng.")
    assert response.status_code == 303
    return ProvinceProposal.objects.get(article=original)


@pytest.fixture
def shared(proposal, province_head):
    assert approve(client_for(province_head), proposal).status_code == 303
    return SharedArticlePage.objects.get(original=proposal.article)


def test_proposing_records_a_pending_proposal_the_province_board_sees(proposal, province_head, commune_editor):
    assert proposal.status == ProvinceProposal.Status.PENDING
    assert proposal.proposed_by == commune_editor and proposal.note == "Mô hình hay, đề nghị đăng."
    listing = client_for(province_head).get(reverse("province_proposals"))
    assert listing.status_code == 200
    assert TITLE in listing.content.decode()
    assert not SharedArticlePage.objects.exists()  # nothing on the province site before approval


def test_the_propose_action_is_offered_on_commune_articles_only(client, commune_editor, province_head, original, province_news):
    editor = client_for(commune_editor)
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[original.pk]))
    assert reverse("province_propose", args=[original.pk]) in edit.content.decode()
    listing = editor.get(reverse("wagtailadmin_explore", args=[original.get_parent().pk]))
    assert reverse("province_propose", args=[original.pk]) in listing.content.decode()
    province_article = publish_child(province_news, ArticlePage(title="Tin của tỉnh", slug="tin-cua-tinh"))
    edit = client_for(province_head).get(reverse("wagtailadmin_pages:edit", args=[province_article.pk]))
    assert reverse("province_propose", args=[province_article.pk]) not in edit.content.decode()


def test_approved_article_is_listed_by_the_province_with_source_and_canonical_link(client, shared, province_news):
    listing = client.get(province_news.url)
    assert TITLE in listing.content.decode()

    page = client.get(shared.url)
    html = page.content.decode()
    assert page.status_code == 200
    assert f'<link rel="canonical" href="{ORIGINAL_URL}">' in html
    assert f'Nguồn: <a href="{ORIGINAL_URL}">{COMMUNE_TITLE}</a>' in html
    assert "hơn 200 người dân ấp An Định" in html
    assert shared.get_parent().pk == province_news.pk and shared.live


def test_the_decision_is_recorded(shared, proposal, province_head):
    proposal.refresh_from_db()
    assert proposal.status == ProvinceProposal.Status.APPROVED
    assert proposal.decided_by == province_head and proposal.shared_page_id == shared.pk


def test_republishing_the_original_updates_the_shared_copy(client, shared, original, province_news):
    original.title = "Xã Kế An hoàn thành 1,2 km đường giao thông nông thôn"
    original.lead = "Con đường mới nối ấp An Định với trung tâm xã."
    original.save_revision().publish()

    shared.refresh_from_db()
    assert shared.title == "Xã Kế An hoàn thành 1,2 km đường giao thông nông thôn"
    html = client.get(shared.url).content.decode()
    assert "Con đường mới nối ấp An Định" in html
    assert "Xã Kế An hoàn thành 1,2 km đường" in client.get(province_news.url).content.decode()


def test_an_unsaved_draft_of_the_original_does_not_reach_the_province(shared, original):
    original.title = "Bản nháp chưa duyệt"
    original.save_revision()
    shared.refresh_from_db()
    assert shared.title == TITLE


def test_unpublishing_the_original_unpublishes_the_shared_copy(client, shared, original, province_news):
    url = shared.url
    assert client.get(url).status_code == 200
    original.unpublish()
    shared.refresh_from_db()
    assert not shared.live
    assert client.get(url).status_code == 404
    assert TITLE not in client.get(province_news.url).content.decode()

    original.save_revision().publish()  # published again: the copy comes back, up to date
    shared.refresh_from_db()
    assert shared.live


def test_deleting_the_original_unpublishes_the_shared_copy(shared, original):
    Page.objects.get(pk=original.pk).delete()
    shared.refresh_from_db()
    assert not shared.live and shared.original_id is None
    assert not ProvinceProposal.objects.exists()


def test_a_commune_editor_cannot_approve_their_own_proposal(proposal, commune_editor):
    client = client_for(commune_editor)
    assert approve(client, proposal).status_code == 403
    assert client.get(reverse("province_proposal", args=[proposal.pk])).status_code == 403
    assert client.get(reverse("province_proposals")).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProvinceProposal.Status.PENDING
    assert not SharedArticlePage.objects.exists()


def test_a_second_open_proposal_is_refused(proposal, commune_editor, original, province_news):
    response = propose(client_for(commune_editor), original, province_news)
    assert response.status_code == 400
    assert "đã được đề xuất lên cổng tỉnh và đang chờ duyệt" in response.content.decode()
    assert ProvinceProposal.objects.count() == 1


def test_an_article_already_on_the_province_is_not_proposed_again(shared, commune_editor, original, province_news):
    response = propose(client_for(commune_editor), original, province_news)
    assert response.status_code == 400
    assert "đã được đưa lên cổng tỉnh" in response.content.decode()


def test_proposing_a_province_article_is_refused(province_head, province_news):
    article = publish_child(province_news, ArticlePage(title="Tỉnh họp bàn chuyển đổi số", slug="hop-ban"))
    response = propose(client_for(province_head), article, province_news)
    assert response.status_code == 400
    assert "đã thuộc cổng tỉnh" in response.content.decode()
    assert not ProvinceProposal.objects.exists()


def test_proposing_an_unpublished_article_is_refused(commune_editor, original, province_news):
    original.unpublish()
    response = propose(client_for(commune_editor), original, province_news)
    assert response.status_code == 400
    assert "chưa được xuất bản" in response.content.decode()


def test_proposing_from_an_archived_site_is_refused(commune, commune_editor, original, province_news):
    identity = SiteIdentity.for_site(commune)
    identity.archived, identity.archived_until = True, datetime.date(2025, 6, 30)
    identity.save()
    response = propose(client_for(commune_editor), original, province_news)
    assert response.status_code == 400
    assert "là trang lưu trữ" in response.content.decode()


def test_only_a_province_category_can_be_chosen(commune_editor, original, commune):
    commune_news = NewsCategoryPage.objects.child_of(commune.root_page).get()
    response = propose(client_for(commune_editor), original, commune_news)
    assert response.status_code == 400
    assert "Hãy chọn một chuyên mục tin của cổng tỉnh" in response.content.decode()
    assert not ProvinceProposal.objects.exists()


def test_someone_who_cannot_edit_the_article_cannot_propose_it(province_head, original, province_news):
    assert propose(client_for(province_head), original, province_news).status_code == 403
    assert not ProvinceProposal.objects.exists()


def test_refusing_needs_a_reason_and_records_it(proposal, province_head):
    client = client_for(province_head)
    url = reverse("province_proposal", args=[proposal.pk])
    response = client.post(url, {"action": "refuse", "reason": "  "})
    assert response.status_code == 400 and "Hãy ghi lý do từ chối" in response.content.decode()
    assert client.post(url, {"action": "refuse", "reason": "Tin đã cũ."}).status_code == 303
    proposal.refresh_from_db()
    assert proposal.status == ProvinceProposal.Status.REFUSED and proposal.reason == "Tin đã cũ."
    assert approve(client, proposal).status_code == 400  # decided once
    assert not SharedArticlePage.objects.exists()


def test_the_shared_copy_is_not_in_the_sitemap_nor_in_the_search_index(client, shared, original):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert shared.slug not in sitemap
    assert not SearchEntry.objects.filter(page_id=shared.pk).exists()
    assert SearchEntry.objects.filter(page_id=original.pk).exists()


def test_the_shared_copy_cannot_be_edited_at_the_province(shared, province_head):
    response = client_for(province_head).post(
        reverse("wagtailadmin_pages:edit", args=[shared.pk]), {"title": "Sửa tại tỉnh"}
    )
    assert response.status_code == 403
    assert "Hãy sửa bài gốc" in response.content.decode()
    shared.refresh_from_db()
    assert shared.title == TITLE


def queries_of(client, url):
    client.get(url)  # warm the caches a visitor's first request fills
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_shared_copy_costs_no_more_queries_than_an_article(client, shared, province_news):
    article = publish_child(province_news, ArticlePage(
        title="Tỉnh họp bàn chuyển đổi số", slug="hop-ban", lead="Tóm tắt.",
        date=datetime.datetime(2026, 10, 4, 8, 0, tzinfo=datetime.timezone.utc),
    ))
    assert queries_of(client, shared.url) <= queries_of(client, article.url)
