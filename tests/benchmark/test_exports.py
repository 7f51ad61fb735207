"""The benchmark's export figure: the audit's findings padded with copies, exported, and the padding undone."""

import pytest

from audits.models import Finding
from benchmark.exports import export_figure
from tests.audits.helpers import audit
from tests.factories import AuthorshipFactory

pytestmark = pytest.mark.django_db


def test_export_figure_times_padded_findings_and_leaves_the_audits_own():
    AuthorshipFactory()
    AuthorshipFactory()
    audit()
    before = list(Finding.objects.values_list("pk", "fingerprint"))
    figure = export_figure(rows=50)
    assert (figure.name, figure.unit, figure.target, figure.higher_is_better) == (
        "export of 1M findings to CSV",
        "s",
        15.0,
        False,
    )
    assert figure.value > 0
    assert figure.note.startswith("50 findings (2 from the audit, 48 copies of them) in ")
    assert figure.note.endswith("findings/s, scaled to 1M")
    assert list(Finding.objects.values_list("pk", "fingerprint")) == before


def test_export_figure_without_findings_says_so(db):
    figure = export_figure(rows=50)
    assert (figure.value, figure.note) == (0.0, "no findings to export")
