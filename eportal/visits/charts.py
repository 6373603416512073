"""Charts of the visit figures as inline SVG, drawn on the server (no script, nothing fetched).

Every chart is an image with a title and a description for screen readers (role="img",
aria-labelledby), and the page puts the same numbers in a real table after it. People and bots
differ by more than colour: a solid line with round marks against a dashed line with square
marks, a solid bar against a hatched one, and a legend in words. Text uses currentColor, so it
follows the admin's light or dark theme.
"""

import math

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .figures import Point, Row, vn_number

WIDTH = 760
PEOPLE_COLOUR = "#1d5fa5"
BOTS_COLOUR = "#b8560f"
GRID_COLOUR = "#8c8c8c"
PEOPLE_LABEL = "Người truy cập"
BOTS_LABEL = "Máy tự động (bot)"
MAX_MARKED_POINTS = 62
LABEL_CHARACTERS = 30


def nice_ceiling(value: int) -> int:
    """The top of the value axis: four equal, round steps (1, 2, 2.5, 5 × 10^n) reaching `value`."""
    raw = max(value, 1) / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw and float(factor * magnitude).is_integer():
            return int(factor * magnitude * 4)
    return int(10 * magnitude * 4)


def _ticks(top: int) -> list[int]:
    return [top * i // 4 for i in range(5)]


def _n(value: float) -> str:
    """A coordinate, short."""
    return f"{value:.1f}".removesuffix(".0")


def _svg_open(uid: str, height: int, title: str, description: str) -> str:
    uid = escape(uid)
    return (
        f'<svg class="visit-chart" id="{uid}" role="img" aria-labelledby="{uid}-title {uid}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="12">'
        f'<title id="{uid}-title">{escape(title)}</title><desc id="{uid}-desc">{escape(description)}</desc>'
        f'<defs><pattern id="{uid}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fbe3cf"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{BOTS_COLOUR}" stroke-width="3"/></pattern></defs>'
    )


def _legend(uid: str, x: int, y: int, line: bool) -> str:
    uid = escape(uid)
    if line:
        people = (
            f'<line x1="{x}" y1="{y - 4}" x2="{x + 28}" y2="{y - 4}" stroke="{PEOPLE_COLOUR}" stroke-width="2.5"/>'
            f'<circle cx="{x + 14}" cy="{y - 4}" r="3.5" fill="{PEOPLE_COLOUR}"/>'
        )
        bots = (
            f'<line x1="{x + 190}" y1="{y - 4}" x2="{x + 218}" y2="{y - 4}" stroke="{BOTS_COLOUR}" stroke-width="2" '
            f'stroke-dasharray="6 4"/><rect x="{x + 200.5}" y="{y - 7.5}" width="7" height="7" fill="{BOTS_COLOUR}"/>'
        )
    else:
        people = f'<rect x="{x}" y="{y - 10}" width="22" height="11" fill="{PEOPLE_COLOUR}"/>'
        bots = (
            f'<rect x="{x + 190}" y="{y - 10}" width="22" height="11" fill="url(#{uid}-hatch)" stroke="{BOTS_COLOUR}"/>'
        )
    return (
        f'<g class="visit-chart__legend">{people}<text x="{x + 34}" y="{y}" fill="currentColor">{escape(PEOPLE_LABEL)}</text>'
        f'{bots}<text x="{x + 224}" y="{y}" fill="currentColor">{escape(BOTS_LABEL)}</text></g>'
    )


def time_series(uid: str, points: list[Point], title: str) -> str:
    """Page views of people and of bots over time, as two lines."""
    height, left, right, top, bottom = 280, 64, 16, 34, 44
    plot_width, plot_height = WIDTH - left - right, height - top - bottom
    ceiling = nice_ceiling(max([p.people for p in points] + [p.bots for p in points] + [0]))
    parts = [_svg_open(uid, height, title, _series_description(points)), _legend(uid, left, 16, line=True)]

    def y_of(value):
        return top + plot_height - plot_height * value / ceiling

    for tick in _ticks(ceiling):
        y = y_of(tick)
        parts.append(
            f'<line x1="{left}" y1="{_n(y)}" x2="{WIDTH - right}" y2="{_n(y)}" stroke="{GRID_COLOUR}" stroke-width="0.5"/>'
            f'<text x="{left - 6}" y="{_n(y + 4)}" text-anchor="end" fill="currentColor">{vn_number(tick)}</text>'
        )
    count = len(points)

    def x_of(index):
        return left + plot_width / 2 if count == 1 else left + plot_width * index / (count - 1)

    label_every = max(1, math.ceil(count / 8))
    for index, point in enumerate(points):
        if index % label_every == 0:
            parts.append(
                f'<text x="{_n(x_of(index))}" y="{height - bottom + 18}" text-anchor="middle" '
                f'fill="currentColor">{escape(_short_time_label(point.label))}</text>'
            )
    for values, colour, dashed in (
        ([p.people for p in points], PEOPLE_COLOUR, False),
        ([p.bots for p in points], BOTS_COLOUR, True),
    ):
        coordinates = " ".join(f"{_n(x_of(i))},{_n(y_of(v))}" for i, v in enumerate(values))
        style = 'stroke-width="2" stroke-dasharray="6 4"' if dashed else 'stroke-width="2.5"'
        parts.append(f'<polyline class="visit-chart__{"bots" if dashed else "people"}" points="{coordinates}" '
                     f'fill="none" stroke="{colour}" {style}/>')
        if count <= MAX_MARKED_POINTS:
            for i, v in enumerate(values):
                if dashed:
                    parts.append(f'<rect x="{_n(x_of(i) - 3)}" y="{_n(y_of(v) - 3)}" width="6" height="6" fill="{colour}"/>')
                else:
                    parts.append(f'<circle cx="{_n(x_of(i))}" cy="{_n(y_of(v))}" r="3" fill="{colour}"/>')
    parts.append(
        f'<line x1="{left}" y1="{top + plot_height}" x2="{WIDTH - right}" y2="{top + plot_height}" '
        f'stroke="currentColor" stroke-width="1"/></svg>'
    )
    return mark_safe("".join(parts))


def bars(uid: str, rows: list[Row], title: str, limit: int = 10) -> str:
    """Horizontal bars, two per row: people (solid) and bots (hatched), the biggest first."""
    rows = rows[:limit]
    left, right, top, row_height = 240, 70, 30, 30
    height = top + max(len(rows), 1) * row_height + 8
    plot_width = WIDTH - left - right
    ceiling = max([r.people for r in rows] + [r.bots for r in rows] + [1])
    parts = [_svg_open(uid, height, title, _bars_description(rows)), _legend(uid, left, 16, line=False)]
    hatch = f"url(#{escape(uid)}-hatch)"
    if not rows:
        parts.append(f'<text x="{left}" y="{top + 18}" fill="currentColor">Chưa có số liệu trong kỳ.</text>')
    for index, row in enumerate(rows):
        y = top + index * row_height
        label = row.label if len(row.label) <= LABEL_CHARACTERS else row.label[: LABEL_CHARACTERS - 1] + "…"
        people_width = plot_width * row.people / ceiling
        bots_width = plot_width * row.bots / ceiling
        parts.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" fill="currentColor">{escape(label)}</text>'
            f'<rect class="visit-chart__people" x="{left}" y="{y + 3}" width="{_n(people_width)}" height="13" fill="{PEOPLE_COLOUR}"/>'
            f'<text x="{_n(left + people_width + 4)}" y="{y + 14}" fill="currentColor">{vn_number(row.people)}</text>'
            f'<rect class="visit-chart__bots" x="{left}" y="{y + 17}" width="{_n(bots_width)}" height="9" fill="{hatch}" '
            f'stroke="{BOTS_COLOUR}" stroke-width="{1 if row.bots else 0}"/>'
            f'<text x="{_n(left + bots_width + 4)}" y="{y + 25}" fill="currentColor" font-size="10">{vn_number(row.bots)}</text>'
        )
    parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - 6}" stroke="currentColor" stroke-width="1"/></svg>')
    return mark_safe("".join(parts))


def _short_time_label(label: str) -> str:
    # "14:00 05/07/2025" -> "14:00 05/07"; "05/07/2025" -> "05/07"; months and years as they are.
    if label.count("/") == 2:
        return label[: label.rindex("/")]
    return label


def _series_description(points: list[Point]) -> str:
    people = sum(p.people for p in points)
    bots = sum(p.bots for p in points)
    text = f"Tổng {vn_number(people)} lượt xem của người truy cập và {vn_number(bots)} lượt của máy tự động (bot)"
    if points and people:
        busiest = max(points, key=lambda p: p.people)
        text += f"; cao nhất {vn_number(busiest.people)} lượt ({busiest.label})"
    return text + ". Số liệu chi tiết trong bảng ngay sau biểu đồ."


def _bars_description(rows: list[Row]) -> str:
    if not rows:
        return "Chưa có số liệu trong kỳ."
    shown = "; ".join(f"{row.label}: {vn_number(row.people)} lượt người, {vn_number(row.bots)} lượt bot" for row in rows[:3])
    return f"{len(rows)} mục nhiều lượt xem nhất. {shown}. Số liệu chi tiết trong bảng ngay sau biểu đồ."
