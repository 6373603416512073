"""Demo content of the section, loaded idempotently: pages are found by slug and left alone."""

from eportal.core.pages import publish_child

from . import demo_content as content
from .models import (
    AboutPage, ContactPage, ContactPoint, Department, DepartmentsPage, EnglishContactPoint, EnglishPage,
    Leader, LeadershipPage, SpokespersonPage,
)


def _ensure(parent, model, slug, build):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    return page or publish_child(parent, build())


def _section(parent, data):
    return _ensure(parent, AboutPage, data["slug"], lambda: AboutPage(
        title=data["title"], slug=data["slug"], intro=data["intro"],
        body=AboutPage.body_from_html(data["body"]),
    ))


def _leadership(about):
    def build():
        page = LeadershipPage(**content.LEADERSHIP)
        page.leaders = [
            Leader(full_name=content.PLACEHOLDER_NAME, position=position, areas=areas, phone=phone, email=email)
            for position, areas, phone, email in content.LEADERS
        ]
        return page

    return _ensure(about, LeadershipPage, content.LEADERSHIP["slug"], build)


def _departments(about):
    def build():
        page = DepartmentsPage(**content.DEPARTMENTS_PAGE)
        page.departments = [
            Department(name=name, head_title=head_title, head_name=content.PLACEHOLDER_NAME,
                       address=content.DEMO_ADDRESS, phone=phone, email=email, functions=functions)
            for name, head_title, phone, email, functions in content.DEPARTMENTS
        ]
        return page

    return _ensure(about, DepartmentsPage, content.DEPARTMENTS_PAGE["slug"], build)


def _contact(home):
    existing = ContactPage.objects.child_of(home).first()
    if existing:
        return existing
    page = ContactPage(**content.CONTACT)
    page.contact_points = [
        ContactPoint(unit=unit, address=content.DEMO_ADDRESS, phone=phone, email=email, hours=content.OFFICE_HOURS)
        for unit, phone, email in content.CONTACT_POINTS
    ]
    return publish_child(home, page)


def _english(home, about):
    existing = EnglishPage.objects.child_of(home).first()
    if existing:
        return existing
    data = dict(content.ENGLISH, body=EnglishPage.body_from_html(content.ENGLISH["body"]))
    page = EnglishPage(vietnamese_page=about, **data)
    page.contact_points = [
        EnglishContactPoint(unit=unit, address=content.ENGLISH["address"], phone=phone, email=email, hours=hours)
        for unit, phone, email, hours in content.ENGLISH_CONTACTS
    ]
    return publish_child(home, page)


def load(site, home):
    about = _section(home, content.ABOUT)
    pages = {
        "about": about,
        "functions": _section(about, content.FUNCTIONS),
        "leadership": _leadership(about),
        "departments": _departments(about),
        "history": _section(about, content.HISTORY),
        "spokesperson": _ensure(about, SpokespersonPage, content.SPOKESPERSON["slug"],
                                lambda: SpokespersonPage(**content.SPOKESPERSON)),
        "contact": _contact(home),
    }
    pages["english"] = _english(home, about)
    return pages
