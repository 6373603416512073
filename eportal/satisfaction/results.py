"""The results of the survey for a period, computed by the database in one query."""

from django.db.models import Avg, Count, Q

from .models import CRITERIA, SCORES, SatisfactionRating

LATEST_COMMENTS = 50


def _decimal_comma(value, places):
    return f"{value:.{places}f}".replace(".", ",")


def summarize(start, end):
    """Number of ratings, and per criterion the average and the distribution of scores."""
    ratings = SatisfactionRating.objects.filter(date__range=(start, end))
    aggregates = {"total": Count("pk")}
    for field, _ in CRITERIA:
        aggregates[f"{field}_avg"] = Avg(field)
        for score, _ in SCORES:
            aggregates[f"{field}_{score}"] = Count("pk", filter=Q(**{field: score}))
    row = ratings.aggregate(**aggregates)
    total = row["total"]

    criteria = []
    for field, label in CRITERIA:
        average = row[f"{field}_avg"]
        distribution = []
        for score, score_label in SCORES:
            count = row[f"{field}_{score}"]
            percent = 100 * count / total if total else 0
            distribution.append({
                "score": score,
                "label": score_label,
                "count": count,
                "percent": _decimal_comma(percent, 1),
                "bar_width": f"{percent:.1f}%",  # for CSS: always a dot
            })
        criteria.append({
            "field": field,
            "label": label,
            "average": None if average is None else float(average),
            "average_label": "–" if average is None else _decimal_comma(float(average), 2),
            "average_width": "0%" if average is None else f"{float(average) / 5 * 100:.1f}%",
            "distribution": distribution,
        })
    comments = list(
        ratings.exclude(comment="").order_by("-date", "-pk").values("date", "comment")[:LATEST_COMMENTS]
    )
    return {"total": total, "criteria": criteria, "comments": comments}
