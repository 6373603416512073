"""Print and share links on every article, document and procedure page (the law's list)."""

import pytest
from wagtail.models import Page

from eportal.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def test_articles_documents_and_procedures_offer_print_and_share(client):
    load_demo()
    for model in ["articlepage", "legaldocumentpage", "procedurepage"]:
        page = Page.objects.live().filter(content_type__model=model).first()
        assert page is not None, model
        html = client.get(page.url).content.decode()
        assert 'class="share"' in html and "In bài" in html and "Sao chép liên kết" in html, model
