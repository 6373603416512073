from .counter import HitCount, HitCounterSettings, OnlineVisitor
from .identity import SiteIdentity
from .navigation import MainMenu, MainMenuItem, WebsiteLink, WebsiteLinks

__all__ = [
    "HitCount",
    "HitCounterSettings",
    "MainMenu",
    "MainMenuItem",
    "OnlineVisitor",
    "SiteIdentity",
    "WebsiteLink",
    "WebsiteLinks",
]
