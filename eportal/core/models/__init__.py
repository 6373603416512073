from .counter import HitCount, HitCounterSettings, OnlineVisitor
from .identity import SiteIdentity
from .taxonomy import Agency, Sector
from .navigation import MainMenu, MainMenuItem, WebsiteLink, WebsiteLinks

__all__ = [
    "Agency",
    "HitCount",
    "HitCounterSettings",
    "MainMenu",
    "MainMenuItem",
    "OnlineVisitor",
    "Sector",
    "SiteIdentity",
    "WebsiteLink",
    "WebsiteLinks",
]
