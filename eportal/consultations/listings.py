"""Consultation queries for the public listing, each a fixed number of SQL queries."""

from django.db.models import Case, Count, IntegerField, Q, Value, When

from .models import ConsultationComment, ConsultationPage
from .models.pages import CLOSED, OPEN, STATE_LABELS, UPCOMING

APPROVED = ConsultationComment.Status.APPROVED


def _state_q(now):
    return {
        OPEN: Q(opens_at__lte=now, closes_at__gt=now),
        UPCOMING: Q(opens_at__gt=now),
        CLOSED: Q(closes_at__lte=now),
    }


def consultations_under(index, now, state=""):
    """Open consultations first, then upcoming, then closed; newest first within each."""
    queryset = (
        ConsultationPage.objects.child_of(index).live().public()
        .select_related("agency", "sector")
        .annotate(
            published_comments=Count("comments", filter=Q(comments__status=APPROVED)),
            state_rank=Case(
                When(opens_at__gt=now, then=Value(1)),
                When(closes_at__lte=now, then=Value(2)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by("state_rank", "-opens_at", "-pk")
    )
    if state:
        queryset = queryset.filter(_state_q(now)[state])
    return queryset


def state_counts(index, now):
    """[(state, label, number of consultations)] in one query."""
    queries = _state_q(now)
    counts = ConsultationPage.objects.child_of(index).live().public().aggregate(
        **{key.replace("-", "_"): Count("pk", filter=q) for key, q in queries.items()}
    )
    return [(key, STATE_LABELS[key], counts[key.replace("-", "_")]) for key in (OPEN, UPCOMING, CLOSED)]


def published_comments(page):
    return ConsultationComment.objects.filter(page=page, status=APPROVED).order_by("-created_at", "-pk")
