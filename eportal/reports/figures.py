"""The editorial figures of one site for one period, in a fixed number of queries.

What is counted (every time in Asia/Ho_Chi_Minh, the period's first and last day included):

- articles: live articles of the site whose "Thời gian đăng" (ArticlePage.date, the date
  visitors see; imported articles keep their original date) lies in the period, per
  category, per author and per month;
- time from submission to publication: for those articles that went through the approval
  workflow, from the start of their first workflow to their first publication;
- documents: live legal documents of the site first published in the period;
- questions: received in the period; answered in the period (on time or late against their
  due date of 15 working days) with the average answer time; overdue: still unanswered at the
  end of the period (or today, for a period not over yet) past their due date, whenever received;
- consultations opened in the period (live drafts) and comments received in the period.
"""

import datetime
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import CharField, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone
from wagtail.models import WorkflowState

from eportal.consultations.models import ConsultationComment, ConsultationPage
from eportal.documents.models import LegalDocumentPage
from eportal.news.models import ArticlePage
from eportal.questions import workdays
from eportal.questions.models import Question
from eportal.questions.models.question import OPEN_STATUSES, Status

from .periods import Period

NO_AUTHOR = "(Không ghi tác giả)"
NO_CATEGORY = "(Không thuộc chuyên mục)"
SECONDS_PER_DAY = 86400


@dataclass
class Row:
    label: str
    count: int


@dataclass
class Figures:
    site_name: str
    period: Period
    as_of: datetime.date
    articles: int = 0
    by_category: list[Row] = field(default_factory=list)
    by_author: list[Row] = field(default_factory=list)
    by_month: list[Row] = field(default_factory=list)
    articles_through_workflow: int = 0
    average_publication_days: float | None = None
    longest_publication_days: float | None = None
    documents: int = 0
    questions_received: int = 0
    questions_answered: int = 0
    answered_on_time: int = 0
    answered_late: int = 0
    questions_overdue: int = 0
    average_answer_days: float | None = None
    average_answer_working_days: float | None = None
    consultations: int = 0
    comments: int = 0


def compute(site, period: Period, today: datetime.date | None = None) -> Figures:
    today = today or timezone.localdate()
    start, after = period.bounds()
    root_path = site.root_page.path
    figures = Figures(site_name=site.site_name or site.hostname, period=period, as_of=min(period.end, today))

    articles = ArticlePage.objects.live().filter(path__startswith=root_path, date__gte=start, date__lt=after)
    _article_counts(figures, articles)
    _publication_delay(figures, articles)
    figures.documents = (
        LegalDocumentPage.objects.live()
        .filter(path__startswith=root_path, first_published_at__gte=start, first_published_at__lt=after)
        .count()
    )
    _questions(figures, Question.objects.filter(site=site), start, after)
    figures.consultations = (
        ConsultationPage.objects.live().filter(path__startswith=root_path, opens_at__gte=start, opens_at__lt=after).count()
    )
    figures.comments = ConsultationComment.objects.filter(
        page__path__startswith=root_path, created_at__gte=start, created_at__lt=after
    ).count()
    return figures


def _article_counts(figures: Figures, articles):
    by_category = articles.values("category_id", "category__title").annotate(n=Count("pk")).order_by("-n", "category__title")
    figures.by_category = [Row(row["category__title"] or NO_CATEGORY, row["n"]) for row in by_category]
    figures.articles = sum(row.count for row in figures.by_category)

    # "Lan" and "Lan " are one author; an empty name and a blank one are both "no author".
    by_author: dict[str, int] = {}
    for row in articles.values("author_name").annotate(n=Count("pk")).order_by():
        label = " ".join(row["author_name"].split()) or NO_AUTHOR
        by_author[label] = by_author.get(label, 0) + row["n"]
    figures.by_author = [Row(label, n) for label, n in sorted(by_author.items(), key=lambda item: (-item[1], item[0]))]

    counted = {
        (row["month"].year, row["month"].month): row["n"]
        for row in articles.annotate(month=TruncMonth("date")).values("month").annotate(n=Count("pk")).order_by()
    }
    figures.by_month = [Row(f"{month:02d}/{year}", counted.get((year, month), 0)) for year, month in figures.period.months()]


def _publication_delay(figures: Figures, articles):
    first_submission = (
        WorkflowState.objects.filter(
            base_content_type__app_label="wagtailcore", base_content_type__model="page",
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        .order_by("created_at")
        .values("created_at")[:1]
    )
    # A workflow started after the first publication (a later edit) says nothing about it.
    rows = (
        articles.annotate(submitted_at=Subquery(first_submission))
        .filter(submitted_at__isnull=False, first_published_at__gte=F("submitted_at"))
        .values_list("submitted_at", "first_published_at")
    )
    delays = [(published - submitted).total_seconds() / SECONDS_PER_DAY for submitted, published in rows]
    figures.articles_through_workflow = len(delays)
    if delays:
        figures.average_publication_days = round(mean(delays), 1)
        figures.longest_publication_days = round(max(delays), 1)


def _questions(figures: Figures, questions, start, after):
    as_of_end = datetime.datetime.combine(
        figures.as_of + datetime.timedelta(days=1), datetime.time.min, tzinfo=timezone.get_current_timezone()
    )
    unanswered_then = Q(status__in=OPEN_STATUSES) | Q(status=Status.ANSWERED, answered_at__gte=as_of_end)
    counts = questions.aggregate(
        received=Count("pk", filter=Q(received_at__gte=start, received_at__lt=after)),
        overdue=Count("pk", filter=Q(received_at__lt=as_of_end, due_on__lt=figures.as_of) & unanswered_then),
    )
    figures.questions_received = counts["received"]
    figures.questions_overdue = counts["overdue"]

    answered = questions.filter(status=Status.ANSWERED, answered_at__gte=start, answered_at__lt=after).values_list(
        "received_at", "answered_at", "due_on"
    )
    holidays = workdays.public_holidays()
    calendar_days, working_days = [], []
    for received_at, answered_at, due_on in answered:
        answered_on = timezone.localdate(answered_at)
        if answered_on > due_on:
            figures.answered_late += 1
        else:
            figures.answered_on_time += 1
        calendar_days.append((answered_at - received_at).total_seconds() / SECONDS_PER_DAY)
        working_days.append(workdays.working_days_between(timezone.localdate(received_at), answered_on, holidays))
    figures.questions_answered = len(calendar_days)
    if calendar_days:
        figures.average_answer_days = round(mean(calendar_days), 1)
        figures.average_answer_working_days = round(mean(working_days), 1)
