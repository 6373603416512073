"""The province demo (`make run DEMO=province`): one installation serving the province
portal, a commune component site marked as example data, and the former Kế Sách
district portal kept as an archive with its seed article.

Since 1 July 2025 the former Sóc Trăng province is part of the city of Cần Thơ (a
province-level city) and the Kế Sách district is dissolved into communes. Every step is
idempotent: running it again changes nothing.
"""

import datetime

from django.db import transaction
from wagtail.models import Page, Site

from eportal.core.models import SiteIdentity
from eportal.core.pages import publish_child
from eportal.news.models import ArticlePage, HomePage, NewsCategoryPage
from eportal.province import site_template

from .loader import load_demo

ARCHIVE_PREFIX = "huyen-ke-sach"
ARCHIVE_HOST = "kesach.soctrang.gov.vn"
ARCHIVE_NAME = "Cổng thông tin điện tử UBND Huyện Kế Sách"
ARCHIVE_UNTIL = datetime.date(2025, 6, 30)

PROVINCE_IDENTITY = {
    "portal_title": "Cổng thông tin điện tử thành phố Cần Thơ (dữ liệu mẫu)",
    "agency_name": "Ủy ban nhân dân thành phố Cần Thơ",
    "province": "thành phố Cần Thơ",
    "license_note": "Dữ liệu mẫu của eportal: nội dung trên trang này chỉ để trình diễn.",
}
COMMUNE_PREFIX = "xa-ke-sach"
COMMUNE_NAME = "Cổng thông tin điện tử xã Kế Sách (dữ liệu mẫu)"
COMMUNE_AGENCY = "Ủy ban nhân dân xã Kế Sách (dữ liệu mẫu)"

EXAMPLE_NOTE = "Đây là tin mẫu để trình diễn cổng thông tin, không phải thông tin chính thức."
PROVINCE_ARTICLES = [
    ("Các xã, phường hoàn thành trang thành phần trên cổng thông tin thành phố",
     "Các trang thông tin điện tử của xã, phường được đưa về cổng thông tin điện tử của thành phố "
     "sau khi sắp xếp đơn vị hành chính hai cấp. Nội dung của các cổng huyện trước đây được lưu trữ để tra cứu."),
]
COMMUNE_ARTICLES = [
    ("Xã Kế Sách ra quân làm đường giao thông nông thôn",
     "Người dân các ấp góp công, góp vật liệu làm mới tuyến đường giao thông nông thôn, "
     "giúp việc đi lại và vận chuyển nông sản thuận lợi hơn."),
]


def _identity(site, values):
    identity = SiteIdentity.for_site(site)
    for field, value in values.items():
        setattr(identity, field, value)
    identity.save()


def _example_articles(home, articles):
    news = NewsCategoryPage.objects.child_of(home).filter(slug="tin-tuc-su-kien").first()
    if news is None or ArticlePage.objects.child_of(news).exists():
        return
    for number, (title, text) in enumerate(articles):
        publish_child(news, ArticlePage(
            title=title, slug=f"tin-mau-{number + 1}", lead=text, source="Dữ liệu mẫu",
            date=datetime.datetime(2025, 11, 3 + number, 8, 0, tzinfo=datetime.timezone.utc),
            body=ArticlePage.body_from_html(f"<p>{text}</p><p><em>{EXAMPLE_NOTE}</em></p>"),
        ))


def _archive_kesach(stdout):
    """The Kế Sách demo, moved off the default site and archived. None when done already."""
    if SiteIdentity.objects.filter(path_prefix=ARCHIVE_PREFIX).exists():
        return
    kesach = load_demo(stdout=stdout)
    with transaction.atomic():
        kesach.is_default_site = False
        kesach.hostname = ARCHIVE_HOST
        kesach.save()
        _identity(kesach, {
            "path_prefix": ARCHIVE_PREFIX, "archived": True, "archived_until": ARCHIVE_UNTIL, "archived_name": ARCHIVE_NAME,
        })


def _province(template: Site) -> Site:
    province = Site.objects.filter(is_default_site=True).first()
    if province is not None:
        return province
    with transaction.atomic():
        home = publish_child(Page.get_first_root_node(), HomePage(
            title="Trang chủ", slug="thanh-pho-can-tho", seo_title=PROVINCE_IDENTITY["portal_title"],
        ))
        province = Site.objects.create(
            hostname="localhost", port=80, is_default_site=True, root_page=home, site_name=PROVINCE_IDENTITY["portal_title"],
        )
        mapping = {}
        site_template.copy_structure(template.root_page, home, mapping)
        site_template.copy_menu(template, province, mapping, home)
        _identity(province, PROVINCE_IDENTITY)
        _example_articles(home, PROVINCE_ARTICLES)
    return province


def _commune(province: Site) -> Site:
    identity = SiteIdentity.objects.filter(path_prefix=COMMUNE_PREFIX).select_related("site").first()
    if identity is not None:
        return identity.site
    with transaction.atomic():
        site = site_template.create_site(
            COMMUNE_NAME, prefix=COMMUNE_PREFIX, template=province, agency=COMMUNE_AGENCY,
        ).site
        _example_articles(site.root_page, COMMUNE_ARTICLES)
    return site


def load_province_demo(stdout=None) -> Site:
    _archive_kesach(stdout)
    kesach = SiteIdentity.objects.get(path_prefix=ARCHIVE_PREFIX).site
    province = _province(template=kesach)
    _commune(province)
    return province
