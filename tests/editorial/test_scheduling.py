"""Scheduled publishing and expiry happen at their time, through the periodic jobs."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from ..factories import ArticleFactory
from .conftest import article_form, client_for

pytestmark = pytest.mark.django_db


def run_jobs_at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)
    call_command("run_timers", "--once")
    monkeypatch.undo()


def test_scheduled_page_goes_live_at_its_time_and_expires_at_its_time(board, monkeypatch, client):
    draft = ArticleFactory(parent=board["news"], live=False, title="Thông báo lịch tiếp công dân")
    go_live = timezone.now() + datetime.timedelta(hours=2)
    expire = go_live + datetime.timedelta(days=1)
    fmt = "%Y-%m-%d %H:%M"
    response = client_for(board["head"]).post(
        f"/admin/pages/{draft.pk}/edit/",
        article_form(title=draft.title, slug=draft.slug, go_live_at=timezone.localtime(go_live).strftime(fmt),
                     expire_at=timezone.localtime(expire).strftime(fmt), **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    assert not Page.objects.get(pk=draft.pk).live  # scheduled, not yet live

    run_jobs_at(monkeypatch, go_live - datetime.timedelta(minutes=1))
    assert not Page.objects.get(pk=draft.pk).live
    assert client.get(draft.url).status_code == 404

    run_jobs_at(monkeypatch, go_live + datetime.timedelta(minutes=1))
    assert Page.objects.get(pk=draft.pk).live
    assert client.get(draft.url).status_code == 200

    run_jobs_at(monkeypatch, expire + datetime.timedelta(minutes=1))
    page = Page.objects.get(pk=draft.pk)
    assert not page.live and page.expired
    assert client.get(draft.url).status_code == 404


def test_contributor_cannot_schedule_publication(board):
    client = client_for(board["contributor"])
    later = (timezone.localtime() + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(
        f"/admin/pages/add/news/articlepage/{board['news'].pk}/",
        article_form(go_live_at=later, **{"action-publish": "1"}),
    )
    assert response.status_code == 403
    assert not Page.objects.filter(title="Hội nghị triển khai nhiệm vụ năm 2027").exists()


def test_timer_command_rejects_a_bad_interval():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="at least 1 second"):
        call_command("run_timers", "--interval", "0")
