"""What an editor changed after an import wins over a re-import of the same file; the import warns
of what it would have changed. A newer version of a disclosure's statement is still recorded."""

import pytest
from django.apps import apps

from registry import services
from registry.enums import ArticleStatus, DisclosureStatus
from registry.importers import import_disclosure_paths, import_jats_paths
from registry.models import Article, Disclosure, ImportRecord
from tests.helpers import DATA

pytestmark = pytest.mark.django_db

DOI = "10.7554/elife.00471"
EAST_SAYS = "The other authors declare that no competing interests exist."


def history_rows() -> int:
    return sum(model.objects.count() for model in apps.get_models() if model.__name__.startswith("Historical"))


@pytest.fixture
def imported(jats_dir):
    assert import_jats_paths([jats_dir / "elife00471.xml"]).ok
    return jats_dir / "elife00471.xml"


def set_back_to_draft(editor):
    services.record_article(actor=editor, doi=DOI, status=ArticleStatus.DRAFT, reason="Under investigation")


def correct_east(editor) -> Disclosure:
    disclosure = Disclosure.objects.get(authorship__name_as_printed="Alexandra East")
    return services.record_disclosure(
        actor=editor,
        authorship=disclosure.authorship,
        statement="AE consults for Caribou Biosciences.",
        interests=[services.InterestInput(category="consulting", organization_name="Caribou Biosciences")],
        correction_note="The author's own correction",
    )


def test_an_article_an_editor_set_back_to_draft_stays_draft(imported, editor_user):
    set_back_to_draft(editor_user)
    before = history_rows()

    summary = import_jats_paths([imported])

    assert summary.ok
    assert Article.objects.get().status == ArticleStatus.DRAFT
    warning = f"elife00471.xml: {DOI}: kept the editor's status (draft); the file says published"
    assert summary.warnings == [warning]
    assert ImportRecord.objects.order_by("pk").last().warnings == [warning]
    assert history_rows() == before


def test_a_newer_version_changes_the_fields_the_editor_left_alone(imported, editor_user, variant):
    set_back_to_draft(editor_user)
    newer = variant(imported, ("genome editing in human cells</article-title>", "genome editing, v2</article-title>"))

    summary = import_jats_paths([newer])

    article = Article.objects.get()
    assert (article.title, article.status) == ("RNA-programmed genome editing, v2", ArticleStatus.DRAFT)
    assert summary.warnings == [f"elife00471.xml: {DOI}: kept the editor's status (draft); the file says published"]
    latest = article.history.first()
    assert (latest.history_change_reason, latest.status) == ("Imported from elife00471.xml", ArticleStatus.DRAFT)


def test_an_editor_who_changed_a_field_back_to_the_files_value_is_not_warned_of(imported, editor_user):
    set_back_to_draft(editor_user)
    services.record_article(actor=editor_user, doi=DOI, status=ArticleStatus.PUBLISHED)

    summary = import_jats_paths([imported])

    assert summary.warnings == []


def test_a_field_changed_outside_the_history_is_restored(imported):
    Article.objects.update(title="Changed by hand")

    summary = import_jats_paths([imported])

    assert Article.objects.get().title == "RNA-programmed genome editing in human cells"
    assert summary.warnings == []


def test_an_editors_correction_of_a_disclosure_stays(imported, editor_user):
    corrected = correct_east(editor_user)
    before = history_rows()

    summary = import_jats_paths([imported])

    assert summary.ok
    corrected.refresh_from_db()
    assert (corrected.statement, corrected.status, corrected.status_note) == (
        "AE consults for Caribou Biosciences.",
        DisclosureStatus.CORRECTED,
        "The author's own correction",
    )
    assert [d.interest.category for d in corrected.declared_interests.all()] == ["consulting"]
    assert summary.warnings == [
        f"elife00471.xml: {DOI}: kept the editor's disclosure of Alexandra East "
        f"(AE consults for Caribou Biosciences.); the file says {EAST_SAYS}"
    ]
    assert history_rows() == before


def test_a_newer_statement_in_the_file_corrects_the_editors_version(imported, editor_user, variant):
    corrected = correct_east(editor_user)
    newer = variant(imported, (EAST_SAYS, "AE is an employee of Caribou Biosciences. " + EAST_SAYS))

    summary = import_jats_paths([newer])

    assert summary.ok
    corrected.refresh_from_db()
    assert corrected.statement.startswith("AE is an employee of Caribou Biosciences.")
    assert corrected.status_note == "A newer version of the article (elife00471.xml)"
    assert [w for w in summary.warnings if "kept the editor's" in w] == []


def test_reimporting_an_article_after_a_spreadsheet_corrected_it_writes_no_history(jats_dir):
    """Each source's re-import used to undo the other's correction, every time."""
    assert import_jats_paths([jats_dir / "elife05256.xml"]).ok
    assert import_disclosure_paths([DATA / "disclosures" / "interests.csv"]).ok
    before = history_rows()

    assert import_jats_paths([jats_dir / "elife05256.xml"]).ok
    assert import_disclosure_paths([DATA / "disclosures" / "interests.csv"]).ok

    assert history_rows() == before
