"""What a restore must bring back, read the same way in the test and in the restored
installation (this module's STATE_CODE runs there)."""

STATE_CODE = r'''
import hashlib, json, re
from django.contrib.auth import authenticate
from django.db import connection
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from eportal.core.hitcounter import current_total
from eportal.questions.storage import private_root


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def login_request():
    return RequestFactory().post("/admin/login/")


def state(password):
    with connection.cursor() as cursor:
        tables = [t for t in connection.introspection.table_names(cursor) if not re.match(r"portal_search_fts", t)]
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT p.title, p.url_path, a.lead, a.body FROM news_articlepage a"
            " JOIN wagtailcore_page p ON p.id = a.page_ptr_id ORDER BY p.id"
        )
        articles = [[str(value) for value in row] for row in cursor.fetchall()]
    return {
        "counts": counts,
        "articles": articles,
        "documents": [[d.title, d.file.name, digest(d.file.path)] for d in get_document_model().objects.order_by("pk")],
        "images": [[i.title, i.file.name, digest(i.file.path)] for i in get_image_model().objects.order_by("pk")],
        "private": {str(p.relative_to(private_root())): digest(p) for p in private_root().rglob("*") if p.is_file()},
        "authenticates": authenticate(login_request(), username="bien-tap-vien", password=password) is not None,
        "wrong_password_fails": authenticate(login_request(), username="bien-tap-vien", password=password + "x") is None,
        "counter": current_total(Site.objects.get(is_default_site=True)),
    }
'''


def portal_state(password):
    namespace = {}
    exec(STATE_CODE, namespace)
    return namespace["state"](password)
