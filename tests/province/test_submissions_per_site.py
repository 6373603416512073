"""Citizens' submissions belong to the site they were sent on; a commune's board sees only its own.

Three sites: the province portal (default site) and two communes, A and B, on their own
host names. B's board is a group with page permissions on B's home page only, and the
model permissions of the board's roles.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, Page, Site

from eportal.access.models import AccessToInformationPage, InformationRequest
from eportal.consultations.models import ConsultationComment, ConsultationPage
from eportal.core.models import Sector
from eportal.core.pages import publish_child
from eportal.demo.loader import ensure_home_page
from eportal.editorial import roles
from eportal.news.models import HomePage
from eportal.province.access import site_filter, sites_of
from eportal.questions.models import Question, QuestionIndexPage
from eportal.schedule.models import WorkSchedulePage

from ..access.conftest import request_data
from ..consultations.conftest import CommentFactory, ConsultationFactory, ConsultationIndexFactory
from ..editorial.conftest import make_user
from ..questions.conftest import _private_media  # noqa: F401  (attachments go to a temporary folder)
from ..questions.conftest import admin_form, make_answered, make_question, pdf_file, question_form
from ..schedule.conftest import add_entry

pytestmark = pytest.mark.django_db

HOST_A = "xa-ke-an.example"
HOST_B = "xa-ba-trinh.example"
COMMUNE_BOARD_PERMISSIONS = [
    "access_admin",
    "view_question", "add_question", "change_question", "delete_question", "publish_question",
    "view_informationrequest", "add_informationrequest", "change_informationrequest", "delete_informationrequest",
    "view_scheduleentry", "add_scheduleentry", "change_scheduleentry", "delete_scheduleentry",
    "view_consultationcomment", "change_consultationcomment",
]


def client_at(host, user=None):
    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    return client


def board_group(name, page, page_permissions=("add_page", "change_page", "publish_page")):
    """A board whose page permissions are on `page` only, with every model permission of the roles."""
    group = Group.objects.create(name=name)
    group.permissions.add(*Permission.objects.filter(codename__in=COMMUNE_BOARD_PERMISSIONS))
    for codename in page_permissions:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(content_type__app_label="wagtailcore",
                                                                      codename=codename),
        )
    return group


@pytest.fixture
def sector(db):
    return Sector.objects.create(name="Hộ tịch", slug="ho-tich")


PARTS = {"qa": QuestionIndexPage, "access": AccessToInformationPage, "schedule": WorkSchedulePage,
         "consultation": ConsultationPage}


@pytest.fixture(scope="module")
def commune_pages(django_db_setup, django_db_blocker):
    """The two communes' sites and pages, built once for the module (every test uses them)
    inside a transaction rolled back at its end; each test's savepoint nests inside it.
    Returns their primary keys."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_home_page()
        root = Page.get_first_root_node()
        made = {}
        for key, host, name, slug in [("a", HOST_A, "Xã Kế An", "xa-ke-an"), ("b", HOST_B, "Xã Ba Trinh", "xa-ba-trinh")]:
            home = publish_child(root, HomePage(title=f"Trang chủ {name}", slug=slug))
            commune = Site.objects.create(hostname=host, port=80, root_page=home, site_name=name)
            index = ConsultationIndexFactory(parent=home)
            made[key] = {
                "site": commune.pk,
                "qa": publish_child(home, QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap")).pk,
                "access": publish_child(home, AccessToInformationPage(title="Tiếp cận thông tin", slug="tiep-can")).pk,
                "schedule": publish_child(home, WorkSchedulePage(title="Lịch công tác", slug="lich-cong-tac")).pk,
                "consultation": ConsultationFactory(parent=index, title=f"Dự thảo kế hoạch của {name}").pk,
            }
        yield made
        transaction.set_rollback(True)


@pytest.fixture
def communes(commune_pages, site, settings):
    """Site A and site B, each with its home page, Q&A page, access page, schedule and a consultation."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST_A, HOST_B]
    result = {"province": site}
    for key, pks in commune_pages.items():
        commune = Site.objects.get(pk=pks["site"])
        commune.root_page = HomePage.objects.get(pk=commune.root_page_id)
        for part, model in PARTS.items():
            setattr(commune, part, model.objects.get(pk=pks[part]))
        result[key] = commune
    return result


@pytest.fixture
def board_b(communes):
    """An editor of commune B's board."""
    return make_user("bientap_xa_b", board_group("Ban biên tập xã Ba Trinh", communes["b"].root_page))


@pytest.fixture
def province_editor(db):
    return make_user("bientap_tinh", Group.objects.get(name=roles.EDITOR))


@pytest.fixture
def questions(communes, sector):
    """A published answer on each commune, and an open question with an attachment on each."""
    a, b = communes["a"], communes["b"]
    return {
        "a_answer": make_answered(sector, 1, site=a, title="Cấp lại giấy khai sinh ở xã Kế An"),
        "b_answer": make_answered(sector, 2, site=b, title="Đăng ký kết hôn ở xã Ba Trinh"),
        "a_open": make_question(sector, site=a, title="Hỏi về đất ở xã Kế An", attachment=pdf_file()),
        "b_open": make_question(sector, site=b, title="Hỏi về đường ở xã Ba Trinh"),
    }


# --- who sees which sites --------------------------------------------------------------------


def test_sites_of_each_kind_of_user(communes, board_b, province_editor, admin_user):
    a, b = communes["a"], communes["b"]
    assert sites_of(admin_user) is None
    assert sites_of(province_editor) is None
    for role in roles.ROLES:
        assert sites_of(make_user(f"vai-tro-{roles.ROLES.index(role)}", Group.objects.get(name=role))) is None
    assert sites_of(board_b) == {b.pk}

    inside = publish_child(a.root_page, HomePage(title="Chuyên mục", slug="chuyen-muc"))
    reporter_a = make_user("phongvien_xa_a", board_group("Phóng viên xã Kế An", inside, ["add_page"]))
    assert sites_of(reporter_a) == {a.pk}, "a permission on a page inside a site gives that site"
    assert sites_of(make_user("khong_nhom")) == set()


def test_sites_of_is_read_once_per_request_user(communes, board_b):
    sites_of(board_b)
    with CaptureQueriesContext(connection) as queries:
        assert sites_of(board_b) == {communes["b"].pk}
        site_filter(board_b)
    assert len(queries) == 0


# --- public pages ----------------------------------------------------------------------------


def test_qa_page_lists_only_the_answers_of_its_own_site(communes, questions):
    page_b = client_at(HOST_B).get("/hoi-dap/").content.decode()
    assert "Đăng ký kết hôn ở xã Ba Trinh" in page_b
    assert "Cấp lại giấy khai sinh ở xã Kế An" not in page_b
    page_a = client_at(HOST_A).get("/hoi-dap/").content.decode()
    assert "Cấp lại giấy khai sinh ở xã Kế An" in page_a
    assert "Đăng ký kết hôn ở xã Ba Trinh" not in page_a


def test_answer_of_another_site_is_not_found(communes, questions):
    a_answer = questions["a_answer"]
    assert client_at(HOST_A).get(f"/hoi-dap/{a_answer.pk}/").status_code == 200
    assert client_at(HOST_B).get(f"/hoi-dap/{a_answer.pk}/").status_code == 404


def test_lookup_finds_only_questions_sent_on_this_site(communes, questions):
    code = questions["a_open"].tracking_code
    assert client_at(HOST_A).post("/hoi-dap/tra-cuu/", {"ma": code}).status_code == 200
    response = client_at(HOST_B).post("/hoi-dap/tra-cuu/", {"ma": code})
    assert response.status_code == 404
    assert "Hỏi về đất ở xã Kế An" not in response.content.decode()


def test_sitemap_of_a_commune_lists_only_its_answers(communes, questions, rf):
    urls = [entry["location"] for entry in communes["b"].qa.get_sitemap_urls(rf.get("/", HTTP_HOST=HOST_B))]
    assert any(url.endswith(f"/hoi-dap/{questions['b_answer'].pk}/") for url in urls)
    assert not any(url.endswith(f"/hoi-dap/{questions['a_answer'].pk}/") for url in urls)


def test_question_sent_on_a_commune_belongs_to_it_and_mail_points_there(
    communes, sector, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_at(HOST_B).post("/hoi-dap/gui-cau-hoi/", question_form(sector))
    assert response.status_code == 200, response.content.decode()
    assert Question.objects.get().site == communes["b"]
    assert f"http://{HOST_B}/hoi-dap/tra-cuu/" in mail.outbox[0].body


def test_question_sent_on_the_province_portal_belongs_to_it(communes, sector):
    index = publish_child(communes["province"].root_page, QuestionIndexPage(title="Hỏi đáp", slug="hoi-dap"))
    assert Client().post(index.url + "gui-cau-hoi/", question_form(sector)).status_code == 200
    assert Question.objects.get().site == communes["province"]


def test_information_request_sent_on_a_commune_belongs_to_it(communes):
    response = client_at(HOST_A).post("/tiep-can/yeu-cau/", request_data())
    assert response.status_code == 303, response.content.decode()
    assert InformationRequest.objects.get().site == communes["a"]


# --- the admin: questions --------------------------------------------------------------------


def test_commune_board_lists_only_its_questions(communes, questions, board_b, province_editor):
    listing = client_at(HOST_B, board_b).get("/admin/hoi-dap/").content.decode()
    assert "Hỏi về đường ở xã Ba Trinh" in listing and "Đăng ký kết hôn ở xã Ba Trinh" in listing
    assert "xã Kế An" not in listing
    searched = client_at(HOST_B, board_b).get("/admin/hoi-dap/", {"q": "Kế An"}).content.decode()
    assert "Hỏi về đất ở xã Kế An" not in searched

    everything = client_at(HOST_B, province_editor).get("/admin/hoi-dap/").content.decode()
    assert "Hỏi về đất ở xã Kế An" in everything and "Hỏi về đường ở xã Ba Trinh" in everything


def test_commune_board_cannot_open_change_or_delete_another_sites_question(communes, questions, board_b):
    client = client_at(HOST_B, board_b)
    theirs, ours = questions["a_open"], questions["b_open"]
    assert client.get(f"/admin/hoi-dap/edit/{ours.pk}/").status_code == 200
    for url in [f"/admin/hoi-dap/edit/{theirs.pk}/", f"/admin/hoi-dap/delete/{theirs.pk}/",
                f"/admin/hoi-dap/history/{theirs.pk}/", f"/admin/hoi-dap/usage/{theirs.pk}/",
                f"/admin/hoi-dap/attachment/{theirs.pk}/"]:
        assert client.get(url).status_code == 404, url
    changed = admin_form(theirs, title="Đã bị sửa", status="answered", answer="<p>Trả lời.</p>", answered_by="Xã B")
    assert client.post(f"/admin/hoi-dap/edit/{theirs.pk}/", changed).status_code == 404
    assert client.post(f"/admin/hoi-dap/delete/{theirs.pk}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Hỏi về đất ở xã Kế An" and theirs.status == "new"


def test_province_editor_opens_every_sites_question(communes, questions, province_editor):
    client = client_at(HOST_B, province_editor)
    assert client.get(f"/admin/hoi-dap/edit/{questions['a_open'].pk}/").status_code == 200
    assert client.get(f"/admin/hoi-dap/attachment/{questions['a_open'].pk}/").status_code == 200


def test_paper_question_entered_by_a_commune_board_is_its_sites(communes, sector, board_b):
    client = client_at(HOST_B, board_b)
    form = client.get("/admin/hoi-dap/new/").content.decode()
    assert "Xã Ba Trinh" in form and "Xã Kế An" not in form
    paper = make_question(sector, title="Câu hỏi nhận trực tiếp tại xã")
    data = admin_form(paper, site=str(communes["a"].pk))
    paper.delete()
    response = client.post("/admin/hoi-dap/new/", data)
    assert response.status_code == 302, response.content.decode()
    assert Question.objects.get().site == communes["b"], "a commune board cannot file a question on another site"


def test_province_editor_chooses_the_site_of_a_paper_question(communes, sector, province_editor):
    paper = make_question(sector, title="Câu hỏi nhận qua bưu điện")
    data = admin_form(paper, site=str(communes["a"].pk))
    paper.delete()
    response = client_at(HOST_B, province_editor).post("/admin/hoi-dap/new/", data)
    assert response.status_code == 302, response.content.decode()
    assert Question.objects.get().site == communes["a"]


# --- the admin: information requests, schedule, consultation comments ------------------------


def test_information_requests_are_scoped_to_the_boards_site(communes, board_b, province_editor):
    def make(site, name):
        return InformationRequest.objects.create(
            site=site, name=name, address="Ấp 1", email="nguoi@example.com", information="Quy hoạch", purpose="Xem",
        )

    theirs, ours = make(communes["a"], "Người ở xã Kế An"), make(communes["b"], "Người ở xã Ba Trinh")
    client = client_at(HOST_B, board_b)
    listing = client.get("/admin/yeu-cau-thong-tin/").content.decode()
    assert "Người ở xã Ba Trinh" in listing and "Người ở xã Kế An" not in listing
    assert client.get(f"/admin/yeu-cau-thong-tin/edit/{ours.pk}/").status_code == 200
    for url in [f"/admin/yeu-cau-thong-tin/edit/{theirs.pk}/", f"/admin/yeu-cau-thong-tin/delete/{theirs.pk}/",
                f"/admin/yeu-cau-thong-tin/inspect/{theirs.pk}/", f"/admin/yeu-cau-thong-tin/history/{theirs.pk}/"]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/admin/yeu-cau-thong-tin/delete/{theirs.pk}/").status_code == 404
    assert InformationRequest.objects.filter(pk=theirs.pk).exists()

    everything = client_at(HOST_B, province_editor).get("/admin/yeu-cau-thong-tin/").content.decode()
    assert "Người ở xã Kế An" in everything and "Người ở xã Ba Trinh" in everything


def test_schedule_entries_are_scoped_through_their_page(communes, board_b, province_editor):
    day = datetime.date(2026, 11, 23)
    theirs = add_entry(communes["a"].schedule, day, content="Họp giao ban xã Kế An")
    ours = add_entry(communes["b"].schedule, day, content="Họp giao ban xã Ba Trinh")
    client = client_at(HOST_B, board_b)
    listing = client.get("/admin/lich-cong-tac/").content.decode()
    assert "Họp giao ban xã Ba Trinh" in listing and "Họp giao ban xã Kế An" not in listing
    assert client.get(f"/admin/lich-cong-tac/edit/{ours.pk}/").status_code == 200
    for url in [f"/admin/lich-cong-tac/edit/{theirs.pk}/", f"/admin/lich-cong-tac/delete/{theirs.pk}/",
                f"/admin/lich-cong-tac/copy/{theirs.pk}/"]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/admin/lich-cong-tac/delete/{theirs.pk}/").status_code == 404

    # Nor can B's board add an entry to A's schedule.
    response = client.post("/admin/lich-cong-tac/new/", {
        "page": str(communes["a"].schedule.pk), "date": "2026-11-24", "start_time": "08:00", "end_time": "",
        "content": "Mục lạ trên lịch xã Kế An", "presiding": "", "participants": "", "place": "", "notes": "",
    })
    assert response.status_code == 200
    assert not communes["a"].schedule.entries.filter(content="Mục lạ trên lịch xã Kế An").exists()

    everything = client_at(HOST_B, province_editor).get("/admin/lich-cong-tac/").content.decode()
    assert "Họp giao ban xã Kế An" in everything and "Họp giao ban xã Ba Trinh" in everything


def test_consultation_comments_are_scoped_through_their_page(communes, board_b, province_editor):
    theirs = CommentFactory(page=communes["a"].consultation, text="Góp ý của người dân xã Kế An")
    ours = CommentFactory(page=communes["b"].consultation, text="Góp ý của người dân xã Ba Trinh")
    client = client_at(HOST_B, board_b)
    base = "/admin/snippets/consultations/consultationcomment/"
    listing = client.get(base).content.decode()
    assert "Góp ý của người dân xã Ba Trinh" in listing and "Góp ý của người dân xã Kế An" not in listing
    assert client.get(f"{base}edit/{ours.pk}/").status_code == 200
    for url in [f"{base}edit/{theirs.pk}/", f"{base}history/{theirs.pk}/", f"{base}usage/{theirs.pk}/"]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"{base}edit/{theirs.pk}/", {"status": "approved"}).status_code == 404

    bulk = f"/admin/bulk/consultations/consultationcomment/approve/?id={theirs.pk}&id={ours.pk}&next={base}"
    assert client.post(bulk).status_code == 302
    theirs.refresh_from_db()
    ours.refresh_from_db()
    assert ours.status == ConsultationComment.Status.APPROVED
    assert theirs.status == ConsultationComment.Status.PENDING, "bulk moderation reached another site's comment"

    everything = client_at(HOST_B, province_editor).get(base).content.decode()
    assert "Góp ý của người dân xã Kế An" in everything


def test_existing_rows_of_a_deleted_site_are_left_to_the_province(communes, questions, board_b, province_editor):
    """A site deleted later: its questions stay, visible to the province board only."""
    theirs = questions["b_open"]
    Site.objects.filter(pk=communes["b"].pk).delete()
    theirs.refresh_from_db()
    assert theirs.site is None
    board_b = type(board_b).objects.get(pk=board_b.pk)  # a new request: sites_of is read again
    assert client_at(HOST_A, board_b).get(f"/admin/hoi-dap/edit/{theirs.pk}/").status_code == 404
    assert client_at(HOST_A, province_editor).get(f"/admin/hoi-dap/edit/{theirs.pk}/").status_code == 200



def test_an_answer_is_searched_on_its_own_site(questions, communes):
    from eportal.search.indexing import rebuild_index
    from eportal.search.models import SearchEntry

    def entry():
        return SearchEntry.objects.get(question=questions["a_answer"])

    assert (entry().site_id, entry().url) == (communes["a"].pk, f"/hoi-dap/{questions['a_answer'].pk}/")
    rebuild_index()
    assert entry().site_id == communes["a"].pk
    found = client_at(HOST_A).get("/tim-kiem/", {"q": "giay khai sinh"}).content.decode()
    assert f'href="/hoi-dap/{questions["a_answer"].pk}/"' in found
    assert client_at(HOST_A).get(f"/hoi-dap/{questions['a_answer'].pk}/").status_code == 200
    elsewhere = client_at(HOST_B).get("/tim-kiem/", {"q": "giay khai sinh"}).content.decode()
    assert "Cấp lại giấy khai sinh" not in elsewhere
