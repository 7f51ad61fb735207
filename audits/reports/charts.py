"""Horizontal bar charts as inline SVG, drawn in Python: no script, the same in a browser and in the PDF."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

ROW = 18
LABEL_WIDTH = 230
BAR_WIDTH = 330


@dataclass(frozen=True)
class BarChart:
    title: str
    rows: list[tuple[str, int]]
    svg: SafeString


def bar_chart(title: str, rows: list[tuple[str, int]]) -> BarChart:
    most = max((n for _, n in rows), default=0) or 1
    height = ROW * len(rows) + 4
    bars = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" font-size="11">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#3b6ea5"/>'
        '<text x="{}" y="{}" font-size="11">{}</text>',
        (
            (
                LABEL_WIDTH - 6,
                i * ROW + 13,
                label,
                LABEL_WIDTH,
                i * ROW + 3,
                max(1, round(BAR_WIDTH * n / most)),
                ROW - 5,
                LABEL_WIDTH + round(BAR_WIDTH * n / most) + 4,
                i * ROW + 13,
                n,
            )
            for i, (label, n) in enumerate(rows)
        ),
    )
    svg = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" width="{}" height="{}" '
        'viewBox="0 0 {} {}">{}</svg>',
        title,
        LABEL_WIDTH + BAR_WIDTH + 40,
        height,
        LABEL_WIDTH + BAR_WIDTH + 40,
        height,
        bars,
    )
    return BarChart(title, rows, svg)
