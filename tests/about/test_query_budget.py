"""The section's pages run a fixed number of SQL queries, however many leaders, departments or children."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.about.models import AboutPage, ContactPoint, Department, Leader

from .conftest import (
    add, contact_page, department, departments_page, english_page, leader, leadership_page, make_image,
    spokesperson_page,
)

pytestmark = pytest.mark.django_db

BUDGET = 16  # the most queries any of these pages may run, warm caches


def queries_for(client, url):
    client.get(url)  # warm the caches a visitor's first request fills
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_leadership_page_queries_do_not_grow_with_leaders(client, home, about):
    english_page(home)
    photo = make_image("Ảnh chân dung")
    page = leadership_page(about, [leader(i, photo=photo if i % 2 else None) for i in range(3)])
    small = queries_for(client, page.url)
    for i in range(3, 20):
        Leader.objects.create(page=page, sort_order=i, **{
            f: getattr(leader(i, photo=make_image() if i % 2 else None), f)
            for f in ("full_name", "position", "phone", "email", "areas", "photo")
        })
    assert page.leaders.count() == 20
    large = queries_for(client, page.url)
    assert small == large, "query count grew with leaders"
    assert large <= BUDGET


def test_departments_page_queries_do_not_grow_with_departments(client, home, about):
    from eportal.core.models import Agency

    agency = Agency.objects.create(name="Phòng Nội vụ")
    page = departments_page(about, [department(i, agency=agency if i == 0 else None) for i in range(3)])
    small = queries_for(client, page.url)
    for i in range(3, 20):
        agency = Agency.objects.create(name=f"Cơ quan {i}") if i % 2 else None
        Department.objects.create(page=page, sort_order=i, agency=agency, name=f"Phòng {i}", phone="0299 3 000 000")
    large = queries_for(client, page.url)
    assert small == large, "query count grew with departments"
    assert large <= BUDGET


def test_about_page_queries_do_not_grow_with_children(client, about):
    add(about, AboutPage(title="Chức năng, nhiệm vụ", slug="chuc-nang"))
    leadership_page(about, [leader(1)])
    spokesperson_page(about)
    small = queries_for(client, about.url)
    for i in range(20):
        add(about, AboutPage(title=f"Mục {i}", slug=f"muc-{i}", intro="Tóm tắt"))
    large = queries_for(client, about.url)
    assert small == large, "query count grew with child pages"
    assert large <= BUDGET


def test_contact_page_queries_do_not_grow_with_contact_points(client, home):
    page = contact_page(home)
    small = queries_for(client, page.url)
    for i in range(20):
        ContactPoint.objects.create(page=page, sort_order=i + 1, unit=f"Bộ phận {i}", phone="0299 3 000 000")
    large = queries_for(client, page.url)
    assert small == large
    assert large <= BUDGET
