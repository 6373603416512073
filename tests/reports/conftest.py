"""A portal with known content in Quý III/2025 (01/07/2025 – 30/09/2025), and just outside it.

The expected figures, worked out by hand, are in EXPECTED; the tests compare every one.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Site, WorkflowState

from eportal.core.models import SiteIdentity
from eportal.core.pages import publish_child
from eportal.demo.loader import ensure_home_page
from eportal.news.models import ArticlePage, HomePage
from eportal.questions.models import Question, Status

from ..consultations.conftest import CommentFactory, ConsultationFactory, ConsultationIndexFactory
from ..documents.conftest import DocumentIndexFactory, LegalDocumentFactory
from ..editorial.conftest import article_form, client_for, make_board, make_user
from ..factories import ArticleFactory, CategoryFactory

AGENCY = "UBND huyện Kế Sách"
COMMUNE_HOST = "xa-ba-trinh.example"


def at(year, month, day, hour=8, minute=0):
    """An aware datetime in the portal's time zone (Asia/Ho_Chi_Minh)."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


EXPECTED = {
    "articles": 5,
    "by_category": [("Tin tức - Sự kiện", 3), ("Kinh tế", 2)],
    "by_author": [("Nguyễn Thị Lan", 3), ("(Không ghi tác giả)", 1), ("Trần Văn Bình", 1)],
    "by_month": [("07/2025", 1), ("08/2025", 2), ("09/2025", 2)],
    "articles_through_workflow": 2,
    "average_publication_days": 1.5,
    "longest_publication_days": 2.0,
    "documents": 2,
    "questions_received": 7,
    "questions_answered": 3,
    "answered_on_time": 1,
    "answered_late": 2,
    "questions_overdue": 2,
    "average_answer_days": 20.7,  # (7 + 25 + 30) / 3
    "average_answer_working_days": 14.7,  # (5 + 17 + 22) / 3
    "consultations": 1,
    "comments": 3,
}


def submit_and_publish(board, category, *, title, slug, date, submitted_at, published_at):
    """An article sent through the two-step workflow by the admin, then given known timestamps."""
    response = client_for(board["contributor"]).post(
        f"/admin/pages/add/news/articlepage/{category.pk}/",
        article_form(title=title, slug=slug, date=date, author_name="Nguyễn Thị Lan", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug=slug)
    for user in (board["editor"], board["head"]):
        state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
        client_for(user).post(f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/", {})
    page.refresh_from_db()
    assert page.live
    WorkflowState.objects.filter(object_id=str(page.pk)).update(created_at=submitted_at)
    Page.objects.filter(pk=page.pk).update(first_published_at=published_at)
    return page


def question(received_at, **fields):
    values = {
        "asker_name": "Trần Văn Bình", "email": "binh.tran@example.com", "title": "Hỏi về thủ tục hành chính",
        "question": "Nội dung câu hỏi của người dân.", "received_at": received_at,
    }
    values.update(fields)
    return Question.objects.create(**values)


def answered(received_at, answered_at, **fields):
    return question(
        received_at, status=Status.ANSWERED, answer="<p>Trả lời.</p>", answered_by="Phòng Tư pháp huyện",
        answered_at=answered_at, **fields,
    )


def build_portal():
    """The default site with its board and the content of the quarter; returns its parts."""
    site = ensure_home_page()
    home = site.root_page.specific
    board = make_board(home)
    identity = SiteIdentity.for_site(site)
    identity.agency_name = AGENCY
    identity.save()
    news, economy = board["news"], board["economy"]

    # Articles: through the workflow (2.0 and 1.0 days from submission to publication)...
    submit_and_publish(board, news, title="Khai mạc hội chợ nông sản", slug="hoi-cho", date="2025-07-05 09:00",
                       submitted_at=at(2025, 7, 3, 9), published_at=at(2025, 7, 5, 9))
    submit_and_publish(board, news, title="Tập huấn chuyển đổi số", slug="tap-huan", date="2025-08-10 10:00",
                       submitted_at=at(2025, 8, 9, 10), published_at=at(2025, 8, 10, 10))
    # ...published directly (a workflow started after publication does not count)...
    later_edit = ArticleFactory(parent=economy, author_name="Trần Văn Bình", date=at(2025, 8, 20),
                                first_published_at=at(2025, 8, 20))
    later_edit.save_revision(user=board["contributor"])
    later_edit.get_workflow().start(later_edit, board["contributor"])
    WorkflowState.objects.filter(object_id=str(later_edit.pk)).update(created_at=at(2025, 8, 25))
    ArticleFactory(parent=news, author_name="Nguyễn  Thị Lan ", date=at(2025, 9, 2))  # the same author
    ArticleFactory(parent=economy, author_name=" ", date=at(2025, 9, 30, 23, 30))  # the last day: in
    # ...and outside the period or not live.
    ArticleFactory(parent=news, date=at(2025, 10, 1, 0, 0))
    ArticleFactory(parent=news, date=at(2025, 6, 30, 23, 59))
    ArticleFactory(parent=news, date=at(2025, 8, 1), live=False)

    documents = DocumentIndexFactory(parent=home)
    LegalDocumentFactory(parent=documents, first_published_at=at(2025, 7, 15))
    LegalDocumentFactory(parent=documents, first_published_at=at(2025, 9, 30, 23, 59))
    LegalDocumentFactory(parent=documents, first_published_at=at(2025, 10, 1, 0, 0))
    LegalDocumentFactory(parent=documents, first_published_at=at(2025, 8, 1), live=False)

    answered(at(2025, 7, 1), at(2025, 7, 8))  # on time: 7 days, 5 working days
    answered(at(2025, 7, 10), at(2025, 8, 4))  # due 31/07, late: 25 days, 17 working days
    question(at(2025, 8, 1))  # due 22/08, still open: overdue
    question(at(2025, 9, 25))  # due in October: not overdue at the end of the quarter
    answered(at(2025, 6, 2), at(2025, 7, 2))  # received in Q2, answered late in Q3: 30 days, 22 working days
    question(at(2025, 9, 30, 23))  # the last day: received in the period
    question(at(2025, 10, 1, 0, 30))  # the next day: out
    answered(at(2025, 8, 5), at(2025, 10, 10))  # due 26/08, unanswered on 30/09: overdue
    question(at(2025, 7, 15), status=Status.REJECTED)

    consultations = ConsultationIndexFactory(parent=home)
    opened = ConsultationFactory(parent=consultations, opens_at=at(2025, 8, 1), closes_at=at(2025, 8, 31))
    earlier = ConsultationFactory(parent=consultations, opens_at=at(2025, 6, 15), closes_at=at(2025, 7, 15))
    CommentFactory(page=opened, created_at=at(2025, 8, 2))
    CommentFactory(page=earlier, created_at=at(2025, 7, 2))
    CommentFactory(page=earlier, created_at=at(2025, 9, 30, 23, 59))
    CommentFactory(page=earlier, created_at=at(2025, 10, 1, 0, 0))
    return {"site": site, "board": board}


@pytest.fixture(scope="module")
def module_portal(django_db_setup, django_db_blocker):
    """The portal, built once per test module inside a transaction rolled back at its end.

    Each test's `db` savepoint nests inside it: what a test writes is rolled back and the
    next test sees the portal as built. Every database test of these modules uses it.
    """
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build_portal()
            transaction.set_rollback(True)


@pytest.fixture
def portal(module_portal, db):
    """The portal in this test's transaction, as fresh objects (a test may change its copies)."""
    return {
        "site": Site.objects.get(pk=module_portal["site"].pk),
        "board": {name: type(obj).objects.get(pk=obj.pk) for name, obj in module_portal["board"].items()},
    }


@pytest.fixture
def commune(portal, settings):
    """A commune site with its own board, and some content of its own in the same quarter."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, COMMUNE_HOST]
    home = publish_child(Page.get_first_root_node(), HomePage(title="Trang chủ Xã Ba Trinh", slug="xa-ba-trinh"))
    site = Site.objects.create(hostname=COMMUNE_HOST, port=80, root_page=home, site_name="Xã Ba Trinh")
    category = CategoryFactory(parent=home, title="Tin của xã", slug="tin-cua-xa")
    ArticleFactory(parent=category, author_name="Lê Thị Hoa", date=at(2025, 8, 8))
    question(at(2025, 8, 8), site=site)

    group = Group.objects.create(name="Ban biên tập Xã Ba Trinh")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_reports"]))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=home,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return {"site": site, "user": make_user("bbt_xa_ba_trinh", group)}
