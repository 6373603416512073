"""`eportal archive-site HOST --until DATE [--name ...]` and `--undo`."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from eportal.cli import main as eportal_cli
from eportal.core.models import SiteIdentity

from .conftest import BANNER

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("archive_site", *args, stdout=out)
    return out.getvalue()


def test_archive_and_undo(client, site, other_site):
    printed = run("localhost", "--until", "2025-06-30", "--name", "Cổng thông tin điện tử UBND Huyện Kế Sách")
    assert "Archived site localhost:80" in printed and BANNER in printed
    identity = SiteIdentity.objects.get(site=site)
    assert identity.archived and identity.archived_until == datetime.date(2025, 6, 30)
    assert BANNER in client.get("/").content.decode()
    assert not SiteIdentity.for_site(other_site).archived

    printed = run("LOCALHOST:80", "--undo")
    assert "no longer archived" in printed
    assert not SiteIdentity.objects.get(site=site).archived
    assert "Trang lưu trữ" not in client.get("/").content.decode()
    assert "was not archived; nothing changed" in run("localhost", "--undo")


def test_the_eportal_command_maps_the_hyphenated_name(monkeypatch):
    # Run in-process, Django's command runner would close the test's database connection.
    seen = []
    monkeypatch.setattr("django.core.management.execute_from_command_line", seen.append)
    eportal_cli(["eportal", "archive-site", "localhost", "--until", "2025-06-30"])
    assert seen == [["eportal", "archive_site", "localhost", "--until", "2025-06-30"]]


@pytest.mark.parametrize("args, message", [
    (["khong-co.example", "--until", "2025-06-30"], "No site with host name 'khong-co.example'. Known sites: localhost:80"),
    (["localhost", "--until", "30/06/2025"], "Bad date '30/06/2025': use YYYY-MM-DD"),
    (["localhost", "--until", "2025-02-30"], "Bad date '2025-02-30'"),
    (["localhost"], "Give --until YYYY-MM-DD"),
    (["localhost", "--undo", "--until", "2025-06-30"], "--undo takes no --until or --name"),
    (["localhost", "--until", "2025-06-30", "--name", "  "], "--name is empty"),
    (["localhost:abc", "--until", "2025-06-30"], "Bad port in 'localhost:abc'"),
])
def test_clear_errors_change_nothing(site, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert message in str(error.value)
    assert not SiteIdentity.for_site(site).archived


def test_several_sites_on_one_host_need_the_port(site, home):
    from wagtail.models import Site

    Site.objects.create(hostname="localhost", port=8080, root_page=home)
    with pytest.raises(CommandError, match="Several sites have host name 'localhost'.*HOSTNAME:PORT"):
        run("localhost", "--until", "2025-06-30")
    assert "localhost:8080" in run("localhost:8080", "--until", "2025-06-30")
    assert not SiteIdentity.for_site(site).archived
