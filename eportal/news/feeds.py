from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.models import Site

from eportal.core.models import SiteIdentity

from .listings import articles_in

FEED_SIZE = 30


class NewsFeed(Feed):
    """RSS 2.0 of the newest articles, for the whole portal or one category."""

    feed_type = Rss201rev2Feed

    def __init__(self, category=None):
        super().__init__()
        self.category = category

    def get_object(self, request, *args, **kwargs):
        site = Site.find_for_request(request)
        if site is None:
            from django.http import Http404

            raise Http404
        self.request = request
        self.identity = SiteIdentity.for_site(site)
        return self.category or site.root_page

    def title(self, obj):
        if self.category:
            return f"{obj.title} - {self.identity.portal_title}"
        return self.identity.portal_title

    def link(self, obj):
        return obj.get_url(self.request)

    def description(self, obj):
        return f"Tin mới nhất: {obj.title}" if self.category else f"Tin mới nhất của {self.identity.portal_title}"

    def items(self, obj):
        return articles_in(obj)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.date

    def item_author_name(self, item):
        return item.byline or None


def news_feed(request):
    # A new Feed per request: the feed keeps the request on itself, and workers are threaded.
    return NewsFeed()(request)
