"""A portal that publishes everything the law requires (the demo, with its gaps filled),
and helpers to take one item away."""

import datetime
import io

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from eportal.compliance.report import report_for
from eportal.core.models import SiteIdentity
from eportal.demo.loader import load_demo
from eportal.documents.models import LegalDocumentPage
from eportal.news.models import NewsCategoryPage
from eportal.questions.models import Question
from eportal.questions.models.question import OPEN_STATUSES

from ..editorial.conftest import board, client_for, make_user  # noqa: F401  (fixtures and helpers)
from ..factories import ArticleFactory

REQUIRED_CATEGORIES = ["Chỉ đạo điều hành", "Quy hoạch - Kế hoạch", "Đầu tư công - Đấu thầu", "Thống kê", "Phổ biến pháp luật"]


def complete_portal():
    """The demo portal, made complete and up to date: every rule should be green."""
    site = load_demo(stdout=io.StringIO())
    identity = SiteIdentity.for_site(site)
    identity.phone = "0299 3866 123"
    identity.email = "ubnd@kesach.example"
    identity.save()
    now = timezone.now()
    # The demo imports old documents today; here they were published on their issue day.
    LegalDocumentPage.objects.update(issued_on=timezone.localdate())
    Question.objects.filter(status__in=OPEN_STATUSES).update(received_at=now)
    for title in REQUIRED_CATEGORIES:
        category = NewsCategoryPage.objects.get(title=title)
        ArticleFactory(parent=category, date=now - datetime.timedelta(days=1))
    return site


@pytest.fixture
def portal(db):
    """The complete portal, built for this test alone."""
    return complete_portal()


@pytest.fixture(scope="module")
def module_portal(django_db_setup, django_db_blocker):
    """The complete portal, built once per test module inside a transaction rolled back at
    its end. Each test's `db` savepoint nests inside it, so every test sees it as built.
    Use it (through a module's own `portal` fixture) only where every database test of the
    module wants the portal: other tests of the module would see it too."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield complete_portal()
            transaction.set_rollback(True)


class _Rollback(Exception):
    pass


def item_of(site, code, today=None):
    return next(item for item in report_for(site, today).items if item.rule.code == code)


def result_after(site, change, code):
    """The result of rule `code` after `change()`, which is then undone."""
    try:
        with transaction.atomic():
            change()
            raise _Rollback(item_of(site, code).result)
    except _Rollback as rollback:
        return rollback.args[0]


def unpublish(model):
    def change():
        assert model.objects.live().exists(), f"the fixture has no live {model.__name__}"
        Page.objects.filter(pk__in=model.objects.values("pk")).update(live=False)

    return change
