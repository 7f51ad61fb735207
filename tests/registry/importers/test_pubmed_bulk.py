"""The bulk path for citations new to the registry writes exactly the rows the per-record path
writes: the same articles, people, matches, links, affiliations, authorships, disclosures and ties."""

import io

import pytest
from django.db import connection, models, transaction
from django.test.utils import CaptureQueriesContext

from benchmark.pubmed import write_pubmed_file
from registry.importers.articles.people import PersonMatcher
from registry.importers.articles.writer import ArticleWriter
from registry.importers.pubmed import store
from registry.importers.pubmed.dispatch import import_pubmed_paths
from registry.importers.pubmed.store import import_pubmed_stream
from registry.models import (
    Affiliation,
    Article,
    ArticleFunding,
    Authorship,
    DeclaredInterest,
    Disclosure,
    Interest,
    Organization,
    Person,
    PersonLink,
    PersonMatch,
    PersonName,
    Topic,
)
from tests.helpers import DATA

pytestmark = pytest.mark.django_db

COMPARED = (
    Article,
    Article.topics.through,
    ArticleFunding,
    Topic,
    Organization,
    Person,
    PersonName,
    PersonMatch,
    PersonLink,
    Affiliation,
    Authorship,
    Disclosure,
    Interest,
    DeclaredInterest,
)
# When a row was written, its id and the ids it keeps of moved rows differ from run to run.
_SKIPPED = {"created_at", "updated_at", "moved", "snapshot", "merged_person_id"}


def natural(model, pk, depth: int = 0):
    """A row named by its own values and, through its foreign keys, by those of the rows it points to."""
    if pk is None:
        return None
    row = model._base_manager.filter(pk=pk).values().get()
    return plain(model, row, depth + 1)


def plain(model, row: dict, depth: int) -> tuple:
    values = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in _SKIPPED or isinstance(field, models.DateTimeField):
            continue
        value = row[field.attname]
        if field.is_relation:
            value = natural(field.related_model, value, depth) if depth < 3 else "…"
        values.append((field.name, str(value)))
    return tuple(values)


def rows() -> dict:
    return {model.__name__: sorted(plain(model, row, 0) for row in model.objects.values()) for model in COMPARED}


def history() -> dict:
    """What each model's history recorded, by kind of change."""
    found = {}
    for model in (Article, Person, Authorship, Affiliation, Disclosure, Interest, DeclaredInterest):
        kinds = model.history.values_list("history_type", "history_change_reason")
        found[model.__name__] = sorted(kinds.values_list("history_type", "history_change_reason", flat=False))
    return found


def imported(path, *, bulk: bool) -> tuple[dict, dict, list[str], int]:
    """What importing the file writes (rows, history, warnings, and how many queries it took); undone after."""
    warnings: list[str] = []
    with transaction.atomic():
        with path.open("rb") as raw, CaptureQueriesContext(connection) as queries:
            import_pubmed_stream(
                io.BufferedReader(raw), file=path.name, source=path.name, actor=None, warnings=warnings, bulk=bulk
            )
        written = rows(), history()
        transaction.set_rollback(True)
    return (*written, warnings, len(queries))


def test_bulk_and_per_record_paths_write_the_same_rows(tmp_path):
    # The registry knows the authors of one file; the next file brings each sample citation three
    # times under new PMIDs and DOIs, with its authors as printed: later copies find the people of
    # earlier ones (by ORCID iD, or by name and affiliation) within the same batch.
    import_pubmed_paths([DATA / "pubmed" / "pubmed26n0002-sample.xml.gz"], workers=False)
    path = tmp_path / "pubmed99n0001.xml.gz"
    write_pubmed_file(path, 15, same_people=True)

    bulk_rows, bulk_history, bulk_warnings, bulk_queries = imported(path, bulk=True)
    single_rows, single_history, single_warnings, single_queries = imported(path, bulk=False)

    assert len(bulk_rows["Article"]) == 15 + Article.objects.count()
    assert len(bulk_rows["Disclosure"]) > Disclosure.objects.count()
    for model in COMPARED:
        assert bulk_rows[model.__name__] == single_rows[model.__name__], model.__name__
    assert bulk_history == single_history
    assert bulk_warnings == single_warnings
    # The bulk path did write them: about ten queries fewer an article (linking's merges cost both alike).
    assert single_queries - bulk_queries >= 8 * 15


def test_batches_forget_their_people_and_decide_as_if_they_had_kept_them(tmp_path, monkeypatch):
    # Each sample citation three times, its authors as printed: later copies find the people of earlier
    # ones. In batches of four, they are people of earlier batches, which the writer no longer holds
    # when the next batch starts (memory stays flat over a file): it reads them again from the registry.
    import_pubmed_paths([DATA / "pubmed" / "pubmed26n0002-sample.xml.gz"], workers=False)
    path = tmp_path / "pubmed99n0001.xml.gz"
    write_pubmed_file(path, 15, same_people=True)
    monkeypatch.setattr(store, "BATCH", 4)
    held = []
    prefetch = PersonMatcher.prefetch

    def counted(matcher, authors):
        held.append(len(matcher.by_name) + len(matcher.by_orcid) + len(matcher.organizations_of) + len(matcher.created))
        prefetch(matcher, authors)

    monkeypatch.setattr(PersonMatcher, "prefetch", counted)
    forgetting = imported(path, bulk=True)[:3]
    assert held == [0, 0, 0, 0]

    with monkeypatch.context() as keeping:
        keeping.setattr(ArticleWriter, "forget_batch", lambda writer: None)
        kept = imported(path, bulk=True)[:3]
    assert held[4:] != [0, 0, 0, 0]

    for model in COMPARED:
        assert forgetting[0][model.__name__] == kept[0][model.__name__], model.__name__
    assert forgetting[1:] == kept[1:]
