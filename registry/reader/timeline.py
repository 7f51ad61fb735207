"""An author's ties and articles over the years: the numbers, and the geometry of an inline SVG chart.

The chart needs no JavaScript; the same numbers are the page's table, its text alternative.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from registry.reader.ties import Tie

# A long career still fits the page: the chart shows the latest years only (ties that began earlier
# count from its first year).
MAX_YEARS = 40
# A short record is drawn over a few years at least, so one year is not a single page-wide bar.
MIN_YEARS = 5
MAX_BAR_WIDTH = 40

WIDTH = 720
PLOT_LEFT = 44
PLOT_WIDTH = WIDTH - PLOT_LEFT - 8
TIES_TOP, TIES_HEIGHT = 28, 100
ARTICLES_TOP, ARTICLES_HEIGHT = 168, 56
LABELS_Y = ARTICLES_TOP + ARTICLES_HEIGHT + 18
HEIGHT = LABELS_Y + 8


@dataclass(frozen=True)
class TimelineYear:
    year: int
    articles: int
    ties: int  # in effect that year
    new_ties: int  # in effect from that year on


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    value: int
    year: int


@dataclass(frozen=True)
class YearLabel:
    x: float
    year: int


@dataclass
class Timeline:
    years: list[TimelineYear]
    tie_bars: list[Bar]
    article_bars: list[Bar]
    labels: list[YearLabel]
    bar_width: float
    max_ties: int
    max_articles: int

    width = WIDTH
    height = HEIGHT
    plot_left = PLOT_LEFT
    plot_right = PLOT_LEFT + PLOT_WIDTH
    ties_top, ties_bottom = TIES_TOP, TIES_TOP + TIES_HEIGHT
    articles_top, articles_bottom = ARTICLES_TOP, ARTICLES_TOP + ARTICLES_HEIGHT
    labels_y = LABELS_Y

    @property
    def first_year(self) -> int:
        return self.years[0].year

    @property
    def last_year(self) -> int:
        return self.years[-1].year

    @property
    def description(self) -> str:
        """The chart in one sentence, for its accessible description."""
        busiest = max(self.years, key=lambda y: (y.ties, y.year))
        articles = sum(y.articles for y in self.years)
        text = f"From {self.first_year} to {self.last_year}: {articles} article{'s' if articles != 1 else ''}"
        if busiest.ties:
            text += f"; most ties in effect in {busiest.year} ({busiest.ties})"
        return text + "."


def tie_span(tie: Tie, declared_years: list[int], this_year: int) -> tuple[int, int] | None:
    """The years a tie was in effect: from its start date or the first article declaring it, whichever
    is earlier (a declaration shows the tie existed), to its end date, else the last article declaring
    it, else this year when ongoing."""
    starts = [tie.start_date.year] if tie.start_date else []
    first = min(starts + declared_years, default=None)
    if tie.end_date:
        last = tie.end_date.year
    elif tie.ongoing:
        last = this_year
    else:
        last = max(declared_years, default=None)
    if first is None and last is None:
        return None
    first = last if first is None else first
    last = first if last is None else last
    return min(first, last), max(first, last)


def build_timeline(ties: Iterable[Tie], article_years: list[int], declared_years: dict[int, list[int]], today: date):
    """Counts per year of articles published and of ties in effect; None when there is nothing to draw."""
    spans = [span for tie in ties if (span := tie_span(tie, declared_years.get(tie.interest_id, []), today.year))]
    years = [year for span in spans for year in span] + article_years
    if not years:
        return None
    last = max(years)
    first = min(max(min(years), last - MAX_YEARS + 1), last - MIN_YEARS + 1)
    size = last - first + 1
    articles, in_effect, new = [0] * size, [0] * (size + 1), [0] * size
    for year in article_years:
        if year >= first:
            articles[year - first] += 1
    for start, end in spans:
        if end < first:
            continue
        start = max(start, first) - first
        in_effect[start] += 1  # a difference array: +1 where a tie begins, -1 after it ends
        in_effect[end - first + 1] -= 1
        new[start] += 1
    running, rows = 0, []
    for index in range(size):
        running += in_effect[index]
        rows.append(TimelineYear(first + index, articles[index], running, new[index]))
    return chart(rows)


def chart(rows: list[TimelineYear]) -> Timeline:
    slot = PLOT_WIDTH / len(rows)
    bar_width = round(min(slot * 0.7, MAX_BAR_WIDTH), 2)
    max_ties = max(row.ties for row in rows) or 1
    max_articles = max(row.articles for row in rows) or 1
    tie_bars, article_bars, labels = [], [], []
    every = math.ceil(len(rows) / 12)
    for index, row in enumerate(rows):
        x = round(PLOT_LEFT + index * slot + (slot - bar_width) / 2, 2)
        if row.ties:
            height = round(TIES_HEIGHT * row.ties / max_ties, 2)
            tie_bars.append(Bar(x, TIES_TOP + TIES_HEIGHT - height, height, row.ties, row.year))
        if row.articles:
            height = round(ARTICLES_HEIGHT * row.articles / max_articles, 2)
            article_bars.append(Bar(x, ARTICLES_TOP + ARTICLES_HEIGHT - height, height, row.articles, row.year))
        if index % every == 0:
            labels.append(YearLabel(round(PLOT_LEFT + index * slot + slot / 2, 2), row.year))
    return Timeline(rows, tie_bars, article_bars, labels, bar_width, max_ties, max_articles)
