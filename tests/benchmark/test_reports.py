"""The benchmark's report figure: the PDF report of a journal's latest articles, timed."""

import datetime

import pytest

from benchmark.reports import report_figure
from tests.audits.helpers import audit
from tests.factories import ArticleFactory, AuthorshipFactory

pytestmark = pytest.mark.django_db


def test_report_figure_times_the_pdf_of_the_latest_articles():
    for day in (1, 2, 3):
        AuthorshipFactory(article=ArticleFactory(published_date=datetime.date(2026, 3, day)))
    audit()
    figure = report_figure(articles=2)
    assert (figure.name, figure.unit, figure.target, figure.higher_is_better) == (
        "audit report of 2 articles as PDF",
        "s",
        30.0,
        False,
    )
    assert figure.value > 0
    assert figure.note.startswith("2 articles, 2 findings, ")
    assert figure.note.endswith(" pages, 0.0 MB")


def test_report_figure_without_articles_says_so(db):
    figure = report_figure(articles=2)
    assert (figure.value, figure.note) == (0.0, "no articles")
