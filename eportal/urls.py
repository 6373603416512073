from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from eportal.core import views as core_views
from eportal.news.feeds import news_feed

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("rss/", news_feed, name="news_feed"),
    path("lien-ket/", core_views.website_link_redirect, name="website_link_redirect"),
    path("luot-truy-cap/", core_views.hit_counter, name="hit_counter"),
    path("", include(wagtail_urls)),
]
