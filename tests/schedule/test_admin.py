"""The schedule in the admin: editors and the head keep it, with Vietnamese validation; others get 403."""

import datetime

import pytest
from wagtail.models import ModelLogEntry

from eportal.schedule.models import ScheduleEntry

from .conftest import add_entry, client_for

pytestmark = pytest.mark.django_db

INDEX = "/admin/lich-cong-tac/"
ADD = INDEX + "new/"


def edit_url(entry):
    return f"{INDEX}edit/{entry.pk}/"


def entry_form(schedule_page, **extra):
    data = {
        "page": schedule_page.pk,
        "date": "2026-11-23",
        "start_time": "07:30",
        "end_time": "11:00",
        "content": "Họp Ban Thường vụ Huyện ủy",
        "presiding": "Thường trực Huyện ủy",
        "participants": "Các đồng chí Ủy viên Ban Thường vụ",
        "place": "Phòng họp Ban Thường vụ",
        "notes": "",
    }
    data.update(extra)
    return data


def form_errors(response):
    return response.context["form"].errors


@pytest.mark.parametrize("role", ["editor", "head"])
def test_editor_and_head_create_and_edit_entries(board, schedule, role):
    client = client_for(board[role])
    assert client.get(INDEX).status_code == 200
    assert client.get(ADD).status_code == 200
    response = client.post(ADD, entry_form(schedule))
    assert response.status_code == 302, form_errors(response)
    entry = ScheduleEntry.objects.get()
    assert (entry.date, entry.start_time, entry.end_time) == (
        datetime.date(2026, 11, 23), datetime.time(7, 30), datetime.time(11, 0))
    assert entry.presiding == "Thường trực Huyện ủy"

    response = client.post(edit_url(entry), entry_form(schedule, place="Hội trường UBND huyện", end_time=""))
    assert response.status_code == 302, form_errors(response)
    entry.refresh_from_db()
    assert entry.place == "Hội trường UBND huyện" and entry.end_time is None
    # Every change is kept in the entry's history, with who made it.
    actions = list(ModelLogEntry.objects.filter(object_id=str(entry.pk)).values_list("action", "user_id"))
    assert ("wagtail.create", board[role].pk) in actions and ("wagtail.edit", board[role].pk) in actions


def test_the_listing_shows_entries_in_vietnamese_dates(board, schedule):
    add_entry(schedule, datetime.date(2026, 11, 23), "07:30", "11:00", "Họp Ban Thường vụ Huyện ủy")
    html = client_for(board["editor"]).get(INDEX).content.decode()
    assert "Thứ Hai 23/11/2026" in html and "07:30 – 11:00" in html and "Họp Ban Thường vụ Huyện ủy" in html


def test_end_must_be_after_start(board, schedule):
    client = client_for(board["editor"])
    for end in ["07:00", "07:30"]:
        response = client.post(ADD, entry_form(schedule, start_time="07:30", end_time=end))
        assert response.status_code == 200
        assert form_errors(response)["end_time"] == ["Giờ kết thúc phải sau giờ bắt đầu."]
    assert not ScheduleEntry.objects.exists()

    entry = add_entry(schedule, datetime.date(2026, 11, 23), "07:30", "11:00")
    response = client.post(edit_url(entry), entry_form(schedule, end_time="06:00"))
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
    entry.refresh_from_db()
    assert entry.end_time == datetime.time(11, 0)


@pytest.mark.parametrize("field, value, message", [
    ("date", "", "Hãy nhập ngày."),
    ("date", "31/02/2026", "Ngày không hợp lệ."),
    ("start_time", "", "Hãy nhập giờ bắt đầu."),
    ("start_time", "25:00", "Giờ không hợp lệ."),
    ("content", "", "Hãy nhập nội dung công việc."),
    ("page", "", "Hãy chọn trang Lịch công tác."),
])
def test_required_and_invalid_fields(board, schedule, field, value, message):
    response = client_for(board["head"]).post(ADD, entry_form(schedule, **{field: value}))
    assert response.status_code == 200
    assert message in form_errors(response)[field]
    assert message in response.content.decode()
    assert not ScheduleEntry.objects.exists()


def test_a_single_schedule_page_is_preselected(board, schedule):
    response = client_for(board["editor"]).get(ADD)
    assert response.context["form"].initial["page"] == schedule.pk


def test_contributor_and_administrator_get_403(board, schedule):
    entry = add_entry(schedule, datetime.date(2026, 11, 23))
    for role in ["contributor", "administrator"]:
        client = client_for(board[role])
        assert client.get(INDEX).status_code == 403, role
        assert client.get(ADD).status_code == 403, role
        assert client.post(ADD, entry_form(schedule, content="Lịch giả")).status_code == 403, role
        assert client.post(edit_url(entry), entry_form(schedule, content="Sửa trái phép")).status_code == 403, role
        assert client.post(f"{INDEX}delete/{entry.pk}/").status_code == 403, role
    entry.refresh_from_db()
    assert entry.content == "Họp giao ban"
    assert ScheduleEntry.objects.count() == 1


def test_only_the_head_deletes(board, schedule):
    entry = add_entry(schedule, datetime.date(2026, 11, 23))
    assert client_for(board["editor"]).post(f"{INDEX}delete/{entry.pk}/").status_code == 403
    assert client_for(board["head"]).post(f"{INDEX}delete/{entry.pk}/").status_code == 302
    assert not ScheduleEntry.objects.exists()


def test_anonymous_is_sent_to_login(client, schedule):
    response = client.get(ADD)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_menu_shows_the_schedule_only_to_those_who_keep_it(board, schedule):
    # The sidebar menu is rendered from JSON data in the page.
    assert INDEX in client_for(board["editor"]).get("/admin/").content.decode()
    assert INDEX not in client_for(board["contributor"]).get("/admin/").content.decode()
