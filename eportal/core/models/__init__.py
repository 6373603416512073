from .counter import CounterGeneration, HitCount, HitCounterSettings, OnlineVisitor
from .identity import SiteIdentity
from .taxonomy import Agency, Sector
from .navigation import MainMenu, MainMenuItem, WebsiteLink, WebsiteLinks
from .sitemap_page import HtmlSitemapPage

__all__ = [
    "Agency",
    "CounterGeneration",
    "HitCount",
    "HitCounterSettings",
    "HtmlSitemapPage",
    "MainMenu",
    "MainMenuItem",
    "OnlineVisitor",
    "Sector",
    "SiteIdentity",
    "WebsiteLink",
    "WebsiteLinks",
]
