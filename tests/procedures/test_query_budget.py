"""The procedure pages and API run a fixed number of SQL queries, however many procedures exist."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from eportal.procedures.models import DossierItem, LegalBasis, LifeEvent, ProcedureStep, SubmissionMethod

from .factories import ProcedureFactory, SectorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.procedures.urls_api")]

API = "/api/thu-nghiem/procedures/"
BUDGETS = {
    "index": 16,
    "index page 2": 16,
    "by sector": 17,
    "by life event": 17,
    "by level": 16,
    "search": 16,
    "search with filters": 18,
    "code": 16,
    "detail": 19,
    "api list": 5,
    "api filtered": 7,
    "api search": 5,
    "api detail": 9,
}


def add_procedures(index, count, sectors, events, form):
    for n in range(count):
        ProcedureFactory(
            parent=index, title=f"Đăng ký hộ tịch mẫu số {n}", sector=sectors[n % len(sectors)],
            level=["xa", "huyen"][n % 2], life_events=[events[n % len(events)]],
            steps=[ProcedureStep(title=f"Bước {i}") for i in range(3)],
            submission_methods=[SubmissionMethod(method="truc-tiep")],
            dossier_items=[DossierItem(name=f"Giấy tờ {i}", form_template=form) for i in range(3)],
            legal_bases=[LegalBasis(citation="Luật Hộ tịch")],
        )


def measure(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warm the caches a visitor's first request fills
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_procedures(client, index):
    sectors = [SectorFactory(name="Hộ tịch", slug="ho-tich"), SectorFactory(name="Chứng thực", slug="chung-thuc")]
    events = list(LifeEvent.objects.all()[:3])
    form = get_document_model()(title="Tờ khai")
    form.file.save("to-khai.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    form.save()
    add_procedures(index, 5, sectors, events, form)
    detail = ProcedureFactory(
        parent=index, title="Đăng ký khai sinh", code="1.001193", sector=sectors[0], life_events=events,
        steps=[ProcedureStep(title=f"Bước {i}") for i in range(5)],
        dossier_items=[DossierItem(name=f"Giấy tờ {i}", form_template=form) for i in range(5)],
        legal_bases=[LegalBasis(citation="Luật Hộ tịch"), LegalBasis(document=index)],
    )
    urls = {
        "index": index.url,
        "index page 2": index.url + "?trang=2",
        "by sector": index.url + "?linh-vuc=ho-tich",
        "by life event": index.url + f"?su-kien={events[0].slug}",
        "by level": index.url + "?cap=huyen",
        "search": index.url + "?q=hộ+tịch",
        "search with filters": index.url + f"?q=đăng+ký&linh-vuc=ho-tich&cap=xa&su-kien={events[0].slug}",
        "code": index.url + "?q=1.001193",
        "detail": detail.url,
        "api list": API,
        "api filtered": API + f"?sector=ho-tich&level=xa&life_event={events[0].slug}",
        "api search": API + "?q=hộ+tịch&page=2&page_size=3",
        "api detail": f"{API}{detail.pk}/",
    }
    small = measure(client, urls)
    add_procedures(index, 45, sectors, events, form)
    large = measure(client, urls)

    assert small == large, "query counts grew with the number of procedures"
    over = {name: count for name, count in large.items() if count > BUDGETS[name]}
    assert not over, f"over budget: {over} (budgets {BUDGETS})"
