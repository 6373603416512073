"""The archive's read-only mode also covers the admin actions Wagtail has no hook for:
workflow decisions, reordering, privacy, unscheduling, site settings and scheduled jobs."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from eportal.core.models import MainMenu, SiteIdentity

from .conftest import archive, publish_article
from .test_admin import head, refused, superuser  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(site, category, head):  # noqa: F811
    """An article submitted to the two-step workflow, then the site archived."""
    page = publish_article(category, "Tin chờ duyệt", "tin-cho-duyet")
    page.title = "Tin chờ duyệt (sửa)"
    revision = page.save_revision()
    workflow = page.get_workflow()
    from django.contrib.auth import get_user_model

    workflow.start(page, get_user_model().objects.create_user("phongvien"))
    archive(site)
    return page, revision


def test_approving_a_workflow_task_in_an_archive_is_refused(superuser, pending):  # noqa: F811
    page, _ = pending
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    assert refused(superuser.post(url, {"comment": ""}))
    state.refresh_from_db()
    assert state.status == "in_progress"


def test_reordering_and_privacy_in_an_archive_are_refused(superuser, site, category):  # noqa: F811
    first = publish_article(category, "Tin một", "tin-mot")
    publish_article(category, "Tin hai", "tin-hai")
    archive(site)
    position = reverse("wagtailadmin_pages:set_page_position", args=[first.pk]) + "?position=1"
    assert refused(superuser.post(position))
    assert [p.slug for p in Page.objects.child_of(category)] == ["tin-mot", "tin-hai"]
    privacy = reverse("wagtailadmin_pages:set_privacy", args=[first.pk])
    assert refused(superuser.post(privacy, {"restriction_type": "login"}))
    assert not PageViewRestriction.objects.exists()


def test_site_settings_of_an_archive_are_refused_but_the_archive_switch_is_not(superuser, site):  # noqa: F811
    archive(site)
    menu = reverse("wagtailsettings:edit", args=["core", "mainmenu", site.pk])
    assert refused(superuser.post(menu, {"items-TOTAL_FORMS": "0", "items-INITIAL_FORMS": "0"}))
    identity = reverse("wagtailsettings:edit", args=["core", "siteidentity", site.pk])
    assert superuser.get(identity).status_code == 200
    assert MainMenu.for_site(site).pk  # still there, untouched


def test_scheduled_publication_and_expiry_in_an_archive_are_cancelled(site, category):
    page = publish_article(category, "Tin hẹn giờ", "tin-hen-gio")
    page.title = "Tin hẹn giờ (bản mới)"
    revision = page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    archive(site)
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    assert "cancelled 1 scheduled publication(s) and 1 scheduled expiry(ies)" in out.getvalue()
    page.refresh_from_db()
    assert page.live and page.title == "Tin hẹn giờ"
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    assert SiteIdentity.for_site(site).archived
