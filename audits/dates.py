"""Look-back windows: ICMJE counts 36 months back from the article's submission date."""

from datetime import date


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def overlaps(start: date | None, end: date | None, window_start: date, window_end: date) -> bool:
    """Whether a dated tie (open ends allowed) overlaps the window."""
    return (start is None or start <= window_end) and (end is None or end >= window_start)
