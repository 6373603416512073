from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from eportal.api import views as api_views
from eportal.api.main import api
from eportal.core import views as core_views
from eportal.news.feeds import news_feed
from eportal.search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("rss/", news_feed, name="news_feed"),
    path("lien-ket/", core_views.website_link_redirect, name="website_link_redirect"),
    path("luot-truy-cap/", core_views.hit_counter, name="hit_counter"),
    path("tim-kiem/", search_views.search_page, name="search"),
    path("du-lieu-mo/", api_views.open_data, name="open_data"),
    path("api/", RedirectView.as_view(pattern_name="open_data", permanent=False)),
    path("api/v1/", RedirectView.as_view(url="/api/v1/docs", permanent=False)),
    path("api/v1/", api.urls),
    path("api/v1/<path:rest>", api_views.not_found),
    path("", include(wagtail_urls)),
]

# The 500 page gets the request id ("Mã lỗi") to quote; see eportal.operations.views.
handler500 = "eportal.operations.views.server_error"
