"""`eportal compliance` for the province's monitoring, and the admin's "Tuân thủ" view."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import GroupPagePermission, Page, Site

from eportal.compliance.rules import RULES
from eportal.core.models import SiteIdentity
from eportal.core.pages import publish_child
from eportal.editorial import roles
from eportal.news.models import HomePage

from ..editorial.conftest import client_for, make_user

URL = "/admin/tuan-thu/"
COMMUNE = "xa-ke-an.example.vn"
ARCHIVE = "huyen-cu.example.vn"


def add_site(host, name, archived=False):
    home = publish_child(Page.get_first_root_node(), HomePage(title=f"Trang chủ {name}", slug=host.split(".")[0]))
    site = Site.objects.create(hostname=host, port=80, root_page=home, site_name=name)
    identity = SiteIdentity.for_site(site)
    identity.portal_title, identity.archived = name, archived
    identity.save()
    return site


@pytest.fixture
def sites(site, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, COMMUNE, ARCHIVE]
    return {
        "province": site,
        "commune": add_site(COMMUNE, "Xã Kế An"),
        "archive": add_site(ARCHIVE, "Huyện Kế Sách (lưu trữ)", archived=True),
    }


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("compliance", *args, stdout=out)
    return out.getvalue()


def test_json_lists_every_site_with_its_items(portal, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, COMMUNE, ARCHIVE]
    add_site(COMMUNE, "Xã Kế An")
    add_site(ARCHIVE, "Huyện Kế Sách (lưu trữ)", archived=True)

    data = json.loads(run("--json"))
    assert [s["hostname"] for s in data] == ["localhost", ARCHIVE, COMMUNE]
    province, archive, commune = data
    assert province["is_default_site"] and province["status"] == "green"
    assert province["counts"] == {"green": len(RULES), "amber": 0, "red": 0}
    assert [item["code"] for item in province["items"]] == [rule.code for rule in RULES]
    item = province["items"][1]
    assert set(item) == {"code", "title", "legal_basis", "status", "status_label", "reason", "last_updated"}
    assert item["status_label"] == "Đạt" and len(item["last_updated"]) == 10  # ISO date
    # An archive is reported as such, not as failing.
    assert (archive["status"], archive["status_label"], archive["items"]) == ("archived", "Lưu trữ", [])
    # An empty commune site misses nearly everything.
    assert commune["status"] == "red" and commune["counts"]["red"] >= len(RULES) - 1
    missing = {i["code"]: i["reason"] for i in commune["items"]}
    assert missing["hoi-dap"] == "Chưa có trang Hỏi đáp đang xuất bản."

    only = json.loads(run("--json", "--site", COMMUNE.upper()))
    assert [s["hostname"] for s in only] == [COMMUNE]


def test_plain_table_and_unknown_site(sites):
    text = run()
    assert "Xã Kế An (xa-ke-an.example.vn:80) — Chưa đạt" in text
    assert "Archived site: not checked." in text
    assert "Hỏi đáp" in text and "Chưa có trang Hỏi đáp đang xuất bản." in text
    with pytest.raises(CommandError, match="Unknown site host name: 'khong-co.vn'"):
        run("--site", "khong-co.vn")


def test_head_and_administrator_see_the_view(board, sites):
    for user in (board["head"], board["administrator"]):
        response = client_for(user).get(URL)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Tuân thủ" in html
        # Status in words, not colour only; one row per rule; the province by default.
        assert html.count('<tr data-code="') == len(RULES)
        assert '<tr data-code="hoi-dap" data-status="red">' in html
        assert "Chưa đạt" in html and "Chưa có trang Hỏi đáp đang xuất bản." in html
        assert 'name="site"' in html  # a chooser: this user sees three sites


def test_site_chooser_and_archived_site(board, sites):
    client = client_for(board["head"])
    html = client.get(URL, {"site": sites["archive"].pk}).content.decode()
    assert "Đây là trang lưu trữ" in html and 'data-status="archived">Lưu trữ<' in html
    assert "<tr data-code" not in html
    assert client.get(URL, {"site": "999999"}).status_code == 404
    assert client.get(URL, {"site": "abc"}).status_code == 404


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_other_roles_get_403(board, sites, role):
    response = client_for(board[role]).get(URL)
    assert response.status_code == 403


def test_menu_item_only_for_those_who_may_see_it(board, sites):
    assert URL.encode() in client_for(board["head"]).get("/admin/").content
    assert URL.encode() not in client_for(board["contributor"]).get("/admin/").content


def test_anonymous_is_sent_to_login(sites):
    response = Client().get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_commune_board_sees_only_its_site(sites):
    commune = sites["commune"]
    group = Group.objects.create(name="Trưởng ban biên tập - Xã Kế An")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="compliance", codename="view_compliance"),
    )
    GroupPagePermission.objects.create(
        group=group, page=commune.root_page,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    client = client_for(make_user("truongban_xa", group))
    html = client.get(URL).content.decode()
    assert "Xã Kế An" in html and 'name="site"' not in html
    assert client.get(URL, {"site": sites["province"].pk}).status_code == 404


def test_migration_grants_the_view_to_head_and_administrator(db):
    holders = set(
        Group.objects.filter(permissions__codename="view_compliance").values_list("name", flat=True)
    )
    assert holders == {roles.HEAD, roles.ADMINISTRATOR}
