"""The compliance report of one site, or of every site of the installation."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Site

from .checks import SiteFacts
from .rules import AMBER, ARCHIVED, GREEN, RED, RULES, SEVERITY, STATUS_LABELS, Result, Rule


@dataclass(frozen=True)
class Item:
    rule: Rule
    result: Result

    def as_json(self) -> dict:
        last = self.result.last_updated
        return {
            "code": self.rule.code,
            "title": self.rule.title,
            "legal_basis": self.rule.legal_basis,
            "status": self.result.status,
            "status_label": self.result.label,
            "reason": self.result.reason,
            "last_updated": last.isoformat() if last else None,
        }


@dataclass(frozen=True)
class SiteReport:
    site: Site
    name: str
    archived: bool
    items: list[Item]

    @property
    def status(self) -> str:
        if self.archived:
            return ARCHIVED
        worst = max((item.result.status for item in self.items), key=SEVERITY.get, default=GREEN)
        return worst

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def counts(self) -> dict[str, int]:
        counts = {GREEN: 0, AMBER: 0, RED: 0}
        for item in self.items:
            counts[item.result.status] += 1
        return counts

    def as_json(self) -> dict:
        return {
            "id": self.site.pk,
            "hostname": self.site.hostname,
            "port": self.site.port,
            "name": self.name,
            "is_default_site": self.site.is_default_site,
            "archived": self.archived,
            "status": self.status,
            "status_label": self.status_label,
            "counts": self.counts,
            "items": [item.as_json() for item in self.items],
        }


def site_name(site, identity) -> str:
    return identity.portal_title or site.site_name or site.hostname


def report_for(site: Site, today: datetime.date | None = None) -> SiteReport:
    """Every rule checked for `site`; an archived site is not checked (its items stay as they were)."""
    today = today or timezone.localdate()
    facts = SiteFacts(site, today)
    identity = facts.identity
    if identity.archived:
        return SiteReport(site, site_name(site, identity), True, [])
    rules = facts.rules
    items = [Item(rule, rule.check(facts, rules, today)) for rule in RULES]
    return SiteReport(site, site_name(site, identity), False, items)


def all_sites():
    """The province portal (default site) first, then the others by host name."""
    return Site.objects.select_related("root_page").order_by("-is_default_site", "hostname", "port")
