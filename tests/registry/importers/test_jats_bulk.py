"""Articles with editors go through the bulk path too: it writes exactly the rows, history and
warnings the per-record path writes, in fewer queries."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from benchmark.measure import BENCH_DATA, _is_sample_article
from registry.importers.articles.writer import ArticleWriter
from registry.importers.sources import read_jats_data
from registry.models import EditorialRole
from tests.registry.importers.test_pubmed_bulk import COMPARED, history, plain

pytestmark = pytest.mark.django_db


def sample_records_with_editors() -> list:
    """The records of each sample article file that names its editors (the eLife ones)."""
    paths = [path for path in sorted((BENCH_DATA / "jats").glob("*.xml")) if _is_sample_article(path.read_bytes())]
    files = [read_jats_data(path.read_bytes(), file=path.name, warnings=[]) for path in paths]
    return [records for records in files if any(record.editors for record in records)]


def imported(files: list, *, bulk: bool) -> tuple[dict, dict, list[str], int]:
    """What writing each file's records as the JATS import does (one writer a file) writes; undone after."""
    warnings: list[str] = []
    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            for records in files:
                ArticleWriter(actor=None, source="sample.xml", warnings=warnings, bulk=bulk).write_all(records)
        rows = {
            model.__name__: sorted(plain(model, row, 0) for row in model.objects.values())
            for model in (*COMPARED, EditorialRole)
        }
        written = rows, {**history(), "EditorialRole": sorted(EditorialRole.history.values_list("history_type"))}
        transaction.set_rollback(True)
    return (*written, warnings, len(queries))


def test_articles_with_editors_are_written_in_bulk_as_one_by_one():
    files = sample_records_with_editors()
    assert len(files) >= 5

    bulk_rows, bulk_history, bulk_warnings, bulk_queries = imported(files, bulk=True)
    single_rows, single_history, single_warnings, single_queries = imported(files, bulk=False)

    assert len(bulk_rows["EditorialRole"]) >= 5
    for name, found in bulk_rows.items():
        assert found == single_rows[name], name
    assert bulk_history == single_history
    assert bulk_warnings == single_warnings
    assert bulk_queries < single_queries
