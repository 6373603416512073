"""What the compliance rules look at, read for one site with a fixed number of queries.

`SiteFacts` reads each fact once, on first use: the live pages of the site grouped by
type (one query for every section), then one query per fact that needs more (overdue
questions, late documents, this week's schedule...). Nothing loops over items with
queries, so the cost per site does not grow with the amount of content.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property

from anyascii import anyascii
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from wagtail.models import Page

from eportal.questions import workdays


@dataclass(frozen=True)
class PageStat:
    count: int = 0
    last_published: datetime.datetime | None = None


def fold(text: str) -> str:
    """"Chỉ đạo - Điều hành" and "chi dao dieu hanh" compare equal."""
    return "".join(ch for ch in anyascii(text or "").lower() if ch.isalnum())


def latest_late_received_on(today, working_days, holidays=()) -> datetime.date:
    """The last receipt date whose deadline (`working_days` working days later) is before `today`."""
    day = today - datetime.timedelta(days=1)
    while workdays.add_working_days(day, working_days, holidays) >= today:
        day -= datetime.timedelta(days=1)
    return day


def start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class SiteFacts:
    """The facts about one site that the rules need, read lazily and at most once."""

    def __init__(self, site, today: datetime.date):
        self.site = site
        self.today = today
        self.root_path = site.root_page.path

    def live_pages(self, model):
        return model.objects.live().filter(path__startswith=self.root_path)

    @cached_property
    def identity(self):
        from eportal.core.models import SiteIdentity

        return SiteIdentity.for_site(self.site)

    @cached_property
    def rules(self):
        from .models import ComplianceRules

        return ComplianceRules.for_site(self.site)

    @cached_property
    def _page_stats(self) -> dict[int, PageStat]:
        rows = (
            Page.objects.live().filter(path__startswith=self.root_path)
            .values("content_type").annotate(n=Count("pk"), last=Max("last_published_at")).order_by()
        )
        return {row["content_type"]: PageStat(row["n"], row["last"]) for row in rows}

    def pages(self, model) -> PageStat:
        """How many live pages of exactly `model` the site has, and the latest publication."""
        content_type = ContentType.objects.get_for_model(model)
        return self._page_stats.get(content_type.pk, PageStat())

    def last_updated(self, model) -> datetime.date | None:
        last = self.pages(model).last_published
        return timezone.localdate(last) if last else None

    # Facts that need their own query.

    @cached_property
    def leader_count(self) -> int:
        from eportal.about.models.people import Leader

        return Leader.objects.filter(page__live=True, page__path__startswith=self.root_path).count()

    @cached_property
    def spokesperson(self) -> dict | None:
        from eportal.about.models.spokesperson import SpokespersonPage

        return (
            self.live_pages(SpokespersonPage).order_by("path")
            .values("full_name", "position", "phone", "email").first()
        )

    @cached_property
    def overdue_questions(self) -> int:
        from eportal.questions.models.question import OPEN_STATUSES, Question

        cutoff = latest_late_received_on(
            self.today, self.rules.question_working_days, workdays.public_holidays()
        )
        return Question.objects.filter(
            site=self.site, status__in=OPEN_STATUSES,
            received_at__lt=start_of_day(cutoff + datetime.timedelta(days=1)),
        ).count()

    @cached_property
    def last_public_answer(self) -> datetime.date | None:
        from eportal.questions.models.question import Question

        last = Question.objects.filter(site=self.site).published().aggregate(last=Max("answered_at"))["last"]
        return timezone.localdate(last) if last else None

    @cached_property
    def late_documents(self) -> int:
        """Documents published in the window more than the allowed working days after issue."""
        from eportal.documents.models import LegalDocumentPage

        rules = self.rules
        since = start_of_day(self.today - datetime.timedelta(days=rules.document_window_days))
        rows = (
            self.live_pages(LegalDocumentPage).filter(first_published_at__gte=since)
            .annotate(published_on=TruncDate("first_published_at"))
            .values("issued_on", "published_on").annotate(n=Count("pk")).order_by()
        )
        holidays = workdays.public_holidays()
        # One row per (issue date, publication date) pair: bounded by the window, not by volume.
        return sum(
            row["n"] for row in rows
            if row["published_on"] > workdays.add_working_days(row["issued_on"], rules.document_working_days, holidays)
        )

    @cached_property
    def schedule_entries_this_week(self) -> int:
        from eportal.schedule.models import ScheduleEntry

        monday = self.today - datetime.timedelta(days=self.today.weekday())
        return ScheduleEntry.objects.filter(
            page__live=True, page__path__startswith=self.root_path,
            date__range=(monday, monday + datetime.timedelta(days=6)),
        ).count()

    @cached_property
    def access_page(self) -> dict | None:
        from eportal.access.models import AccessToInformationPage

        return (
            self.live_pages(AccessToInformationPage).order_by("path")
            .annotate(items=Count("published_items"))
            .values("focal_person", "items").first()
        )

    @cached_property
    def overdue_information_requests(self) -> int:
        from eportal.access.models import InformationRequest

        open_statuses = [InformationRequest.Status.NEW, InformationRequest.Status.IN_PROGRESS]
        return InformationRequest.objects.filter(
            site=self.site, status__in=open_statuses, due_date__lt=self.today
        ).count()

    @cached_property
    def categories(self) -> dict[str, datetime.datetime | None]:
        """{folded title: latest article date} of the site's live categories (two queries)."""
        from eportal.news.models import ArticlePage, NewsCategoryPage

        found = {}
        for path, title in self.live_pages(NewsCategoryPage).order_by("path").values_list("path", "title"):
            found.setdefault(fold(title), path)
        if not found:
            return {}
        latest = self.live_pages(ArticlePage).aggregate(**{
            f"c{index}": Max("date", filter=Q(path__startswith=path))
            for index, path in enumerate(found.values())
        })
        return {key: latest[f"c{index}"] for index, key in enumerate(found)}
