"""The list and a document's page run as many queries with 50 documents as with 5."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.documents.models import LegalDocumentAttachment

from .conftest import LegalDocumentFactory

pytestmark = pytest.mark.django_db

# The most queries each view may run (caches warmed by one request first): one above the measured counts.
BUDGETS = {
    "list": 16,
    "list filtered": 16,
    "list page 2": 16,
    "document": 18,
    "print": 16,
}


def add_documents(index, count, start, sectors, agencies, types, pdf):
    made = []
    kinds = list(types.values())
    for n in range(start, start + count):
        page = LegalDocumentFactory(
            parent=index, number=f"{n + 1}-TB/HU", issuing_body=list(agencies.values())[n % 3],
            document_type=kinds[n % len(kinds)], issued_on=datetime.date(2015, 1, 1) + datetime.timedelta(days=n),
            sectors=[sectors["party"], sectors["land"]] if n % 2 else [sectors["party"]],
        )
        page.attachments = [LegalDocumentAttachment(document=pdf)]
        if made:
            page.amends = [made[-1]]
            page.replaces = made[-2:-1]
        page.save_revision().publish()
        made.append(page)
    return made


def measure(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_documents(client, index, sectors, agencies, types, pdf_file):
    first = add_documents(index, 5, 0, sectors, agencies, types, pdf_file)
    document = first[2]
    urls = {
        "list": index.url,
        "list filtered": f"{index.url}?linh-vuc=xay-dung-dang&hieu-luc=con-hieu-luc&sap-xep=so-ky-hieu",
        "list page 2": index.url + "?trang=2",
        "document": document.url,
        "print": document.url + "?in=1",
    }
    small = measure(client, urls)
    add_documents(index, 45, 5, sectors, agencies, types, pdf_file)
    large = measure(client, urls)

    assert small == large, "query counts grew with documents"
    over = {name: count for name, count in large.items() if count > BUDGETS[name]}
    assert not over, f"over budget: {over} (budgets {BUDGETS})"
