"""Editors and the head of the board moderate comments; approved ones appear without contact data."""

import pytest
from wagtail.test.utils.form_data import nested_form_data

from eportal.consultations.models import ConsultationComment

from ..editorial.conftest import client_for
from .conftest import CommentFactory

pytestmark = pytest.mark.django_db

Status = ConsultationComment.Status
LIST_URL = "/admin/snippets/consultations/consultationcomment/"


def edit_url(comment):
    return f"{LIST_URL}edit/{comment.pk}/"


def bulk_url(action, *comments):
    ids = "&".join(f"id={c.pk}" for c in comments)
    return f"/admin/bulk/consultations/consultationcomment/{action}/?{ids}&next={LIST_URL}"


def test_editor_lists_comments_by_consultation_and_status(board, open_consultation, closed_consultation):
    mine = CommentFactory(page=open_consultation, name="Trần Thị Bình")
    other = CommentFactory(page=closed_consultation, name="Lê Văn Cường", status=Status.APPROVED)
    client = client_for(board["editor"])
    html = client.get(LIST_URL).content.decode()
    assert "Trần Thị Bình" in html and "Lê Văn Cường" in html
    assert "Chờ duyệt" in html

    html = client.get(LIST_URL, {"page": open_consultation.pk}).content.decode()
    assert "Trần Thị Bình" in html and "Lê Văn Cường" not in html
    html = client.get(LIST_URL, {"status": Status.APPROVED}).content.decode()
    assert "Lê Văn Cường" in html and "Trần Thị Bình" not in html
    html = client.get(LIST_URL, {"q": "Bình"}).content.decode()
    assert "Trần Thị Bình" in html and "Lê Văn Cường" not in html
    assert mine.pk != other.pk
    assert client.get("/admin/bulk/consultations/consultationcomment/approve/?id=abc").status_code == 404


def test_editor_approves_one_comment_and_it_appears_without_contact_data(board, client, open_consultation):
    comment = CommentFactory(
        page=open_consultation, name="Phạm Văn Dũng", organisation="Hội Cựu chiến binh xã Ba Trinh",
        email="dung.pham@example.invalid", phone="0901 234 567", article_ref="Điều 4",
        text="Đề nghị nhân rộng mô hình hùn xi măng cất nhà.",
    )
    editor = client_for(board["editor"])
    assert editor.get(edit_url(comment)).status_code == 200
    response = editor.post(edit_url(comment), nested_form_data({"status": Status.APPROVED}))
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    assert comment.moderated_by == board["editor"] and comment.moderated_at is not None
    # The other fields are read-only in the form: posting them changes nothing.
    assert comment.text == "Đề nghị nhân rộng mô hình hùn xi măng cất nhà."

    html = client.get(open_consultation.url).content.decode()
    assert "Phạm Văn Dũng" in html and "Hội Cựu chiến binh xã Ba Trinh" in html
    assert "Đề nghị nhân rộng mô hình hùn xi măng cất nhà." in html and "Điều 4" in html
    assert "dung.pham@example.invalid" not in html and "0901 234 567" not in html
    assert "Ý kiến góp ý (1)" in html


def test_head_of_board_approves_and_hides_in_bulk(board, client, open_consultation):
    first, second, third = (CommentFactory(page=open_consultation, name=f"Người góp ý số {n}") for n in (1, 2, 3))
    head = client_for(board["head"])
    confirm = head.get(bulk_url("approve", first, second))
    assert confirm.status_code == 200
    assert "Duyệt công khai" in confirm.content.decode()
    assert head.post(bulk_url("approve", first, second)).status_code == 302
    assert set(ConsultationComment.objects.filter(status=Status.APPROVED).values_list("pk", flat=True)) == {
        first.pk, second.pk,
    }
    assert ConsultationComment.objects.get(pk=first.pk).moderated_by == board["head"]

    assert head.post(bulk_url("hide", second, third)).status_code == 302
    assert ConsultationComment.objects.get(pk=second.pk).status == Status.HIDDEN
    assert ConsultationComment.objects.get(pk=third.pk).status == Status.HIDDEN

    html = client.get(open_consultation.url).content.decode()
    assert "Người góp ý số 1" in html
    assert "Người góp ý số 2" not in html and "Người góp ý số 3" not in html


def test_contributor_is_refused_moderation(board, open_consultation):
    comment = CommentFactory(page=open_consultation)
    client = client_for(board["contributor"])
    assert client.get(LIST_URL).status_code == 403
    assert client.get(edit_url(comment)).status_code == 403
    assert client.post(edit_url(comment), nested_form_data({"status": Status.APPROVED})).status_code == 403
    assert client.get(bulk_url("approve", comment)).status_code == 403
    assert client.post(bulk_url("approve", comment)).status_code == 403
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    # The system administrator manages users and settings, not comments.
    assert client_for(board["administrator"]).get(LIST_URL).status_code == 403


def test_nobody_writes_comments_in_the_admin(admin_client, board):
    assert admin_client.get(f"{LIST_URL}add/").status_code == 403
    assert client_for(board["editor"]).get(f"{LIST_URL}add/").status_code == 403
    assert client_for(board["editor"]).get(f"{LIST_URL}delete/1/").status_code in (403, 404)


def test_approved_comments_are_paginated(client, open_consultation, monkeypatch):
    monkeypatch.setattr(type(open_consultation), "COMMENTS_PER_PAGE", 2)
    for n in range(5):
        CommentFactory(page=open_consultation, name=f"Người góp ý {n}", status=Status.APPROVED)
    html = client.get(open_consultation.url).content.decode()
    assert "Ý kiến góp ý (5)" in html and "Trang 1 / 3" in html
    html = client.get(open_consultation.url, {"trang": "3"}).content.decode()
    assert "Trang 3 / 3" in html
    assert client.get(open_consultation.url, {"trang": "abc"}).status_code == 200
    assert client.get(open_consultation.url, {"trang": "99999999999999999999"}).status_code == 200
