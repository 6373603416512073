"""The two-step approval: editor first, then the head of the board; rejections go back."""

import pytest
from django.core import mail
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from eportal.editorial import roles
from eportal.news.models import ArticlePage

from .conftest import article_form, client_for

pytestmark = pytest.mark.django_db


def submit_draft(board):
    client = client_for(board["contributor"])
    response = client.post(
        f"/admin/pages/add/news/articlepage/{board['news'].pk}/", article_form(**{"action-submit": "1"})
    )
    assert response.status_code == 302
    return ArticlePage.objects.get()


def current_task(page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    return state.current_task_state


def act(user, page, action, comment=None):
    task_state = current_task(page)
    data = {"comment": comment} if comment is not None else {}
    return client_for(user).post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/", data
    )


def test_a_draft_goes_through_editor_then_head_in_order(board):
    page = submit_draft(board)
    assert current_task(page).task.name == roles.EDITOR_TASK
    assert not Page.objects.get(pk=page.pk).live

    # The head of the board cannot skip the editor's step, nor the contributor approve.
    assert act(board["head"], page, "approve").status_code == 403
    assert act(board["contributor"], page, "approve").status_code == 403
    assert current_task(page).task.name == roles.EDITOR_TASK

    assert act(board["editor"], page, "approve").status_code in (200, 302)
    assert current_task(page).task.name == roles.HEAD_TASK
    assert not Page.objects.get(pk=page.pk).live
    # ...and the editor cannot take the head's step.
    assert act(board["editor"], page, "approve").status_code == 403

    assert act(board["head"], page, "approve").status_code in (200, 302)
    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert not WorkflowState.objects.filter(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_each_step_notifies_the_next_role(board):
    mail.outbox.clear()
    page = submit_draft(board)
    assert board["editor"].email in {address for message in mail.outbox for address in message.to}
    assert board["head"].email not in {address for message in mail.outbox for address in message.to}
    mail.outbox.clear()
    act(board["editor"], page, "approve")
    assert board["head"].email in {address for message in mail.outbox for address in message.to}


def test_rejection_returns_the_page_to_its_author_with_the_comment(board):
    page = submit_draft(board)
    mail.outbox.clear()
    comment = "Cần bổ sung số liệu về số hộ nghèo và nguồn tin."
    response = act(board["editor"], page, "reject", comment=comment)
    assert response.status_code in (200, 302)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_REJECTED).comment == comment
    assert not Page.objects.get(pk=page.pk).live
    to_author = [m for m in mail.outbox if board["contributor"].email in m.to]
    assert to_author and any(comment in (m.body + "".join(a[0] for a in m.alternatives)) for m in to_author)
    # The author sees the comment in the editor.
    html = client_for(board["contributor"]).get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert comment in html


def test_the_audit_log_records_who_did_what(board):
    page = submit_draft(board)
    act(board["editor"], page, "approve")
    act(board["head"], page, "approve")
    entries = list(PageLogEntry.objects.filter(page=page).order_by("timestamp").values_list("action", "user__username"))
    assert ("wagtail.create", "phongvien") in entries
    assert ("wagtail.workflow.start", "phongvien") in entries
    assert ("wagtail.workflow.approve", "bientapvien") in entries
    assert ("wagtail.workflow.approve", "truongban") in entries
    assert ("wagtail.publish", "truongban") in entries
    history = client_for(board["head"]).get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert "Hội nghị triển khai nhiệm vụ năm 2027" in history.content.decode()


def test_the_next_role_sees_the_page_waiting_on_its_dashboard(board):
    page = submit_draft(board)
    dashboard = client_for(board["editor"]).get("/admin/").content.decode()
    assert page.title in dashboard
    assert page.title not in client_for(board["head"]).get("/admin/").content.decode()
    act(board["editor"], page, "approve")
    assert page.title in client_for(board["head"]).get("/admin/").content.decode()
