"""JATS files new to the registry are written together, a batch at a time: the registry, each file's
import record (counts, warnings), and what every row says of the file it came from are what importing
the files one by one gives; a file the writer refuses is refused alone, with its reason, and the
others are written."""

import shutil

import pytest
from django.apps import apps
from django.db import transaction

from registry import services
from registry.enums import ImportStatus
from registry.importers import import_jats_paths
from registry.models import (
    Affiliation,
    Article,
    Authorship,
    Disclosure,
    ImportRecord,
    Interest,
    Organization,
    Person,
    PersonMatch,
)

SAMPLES = [
    "PMC4411936.xml",
    "PMC5484118.xml",
    "elife00036.xml",
    "elife00471.xml",
    "elife04418.xml",
    "elife05256.xml",
    "elife05434.xml",
    "elife08153.xml",
    "journal.pcbi.1004113.xml",
]


class _Rollback(Exception):
    pass


def _registry() -> dict:
    """The registry's rows by what they are (no ids), with what each says of the file it came from."""
    dois = dict(Article.objects.values_list("pk", "doi"))
    byline = {
        pk: f"{dois[article]}#{position}"
        for pk, article, position in Authorship.objects.values_list("pk", "article_id", "position")
    }
    people = {
        person.pk: (person.name, person.orcid or "", tuple(sorted(byline[a.pk] for a in person.authorships.all())))
        for person in Person.objects.prefetch_related("authorships")
    }
    organizations = dict(Organization.objects.values_list("pk", "name"))
    history = [
        (model._meta.label, row["history_type"], row["history_change_reason"])
        for model in apps.get_models()
        if getattr(model, "instance_type", None) is not None
        for row in model.objects.values("history_type", "history_change_reason")
    ]
    return {
        "articles": sorted(Article.objects.values_list("doi", "title", "status", "competing_interests_text")),
        "people": sorted(people.values()),
        "affiliations": sorted(
            (people[p], organizations[o]) for p, o in Affiliation.objects.values_list("person_id", "organization_id")
        ),
        "authorships": sorted((byline[a.pk], people[a.person_id], a.name_as_printed) for a in Authorship.objects.all()),
        "organizations": sorted(Organization.objects.values_list("name", "kind", "origin", "origin_detail")),
        "disclosures": sorted(
            (byline[d.authorship_id], d.statement, d.declares_none, d.status) for d in Disclosure.objects.all()
        ),
        "interests": sorted(
            (people[i.person_id], i.category, i.organization_name, i.specification, i.provenance_detail)
            for i in Interest.objects.all()
        ),
        "matches": sorted(
            (people.get(m.person_id), m.method, m.status, m.name_as_printed, m.source)
            for m in PersonMatch.objects.all()
        ),
        "records": sorted(
            (r.file_name.rsplit("/", 1)[-1], r.status, sorted(r.counts.items()), r.warnings)
            for r in ImportRecord.objects.all()
        ),
        # Rows created give their file's reason; a change (the links made after the batch) the batch's.
        "created": sorted((label, reason) for label, kind, reason in history if kind == "+"),
        "changes": sorted((label, kind) for label, kind, _ in history if kind != "+"),
    }


def _registry_after(action) -> dict:
    """The registry after `action`, which is then rolled back."""
    with pytest.raises(_Rollback), transaction.atomic():
        action()
        snapshot = _registry()
        raise _Rollback
    return snapshot


@pytest.mark.django_db
def test_files_written_together_give_the_registry_and_records_of_files_imported_one_by_one(jats_dir, tmp_path):
    for name in SAMPLES:
        shutil.copy(jats_dir / name, tmp_path / name)
    paths = sorted(tmp_path.iterdir())

    one_by_one = _registry_after(lambda: [import_jats_paths([path]) for path in paths])
    together = _registry_after(lambda: import_jats_paths([tmp_path]))

    assert together == one_by_one
    assert len(together["articles"]) == len(SAMPLES)
    # Each row names its own file: the history's reasons and the ties' sources.
    assert {reason for _, reason in together["created"]} == {f"Imported from {name}" for name in SAMPLES}
    assert len({source for *_, source in together["interests"]}) > 1


@pytest.mark.django_db
def test_files_written_together_cost_a_few_statements_for_all_of_them(
    jats_dir, tmp_path, django_assert_max_num_queries
):
    for name in SAMPLES:
        shutil.copy(jats_dir / name, tmp_path / name)

    # One file alone is about forty statements; together, under twelve a file (most of them the
    # batch's own: look-ups, inserts and history, linking, the records).
    with django_assert_max_num_queries(12 * len(SAMPLES)):
        summary = import_jats_paths([tmp_path])

    assert (summary.files, summary.imported_files, summary.counts["articles"]) == (9, 9, 9)


@pytest.mark.django_db
def test_a_file_the_writer_refuses_is_refused_alone_and_the_others_of_its_batch_are_written(
    jats_dir, tmp_path, variant
):
    for name in ["elife00036.xml", "elife05256.xml", "journal.pcbi.1004113.xml"]:
        shutil.copy(jats_dir / name, tmp_path / name)
    # Read without complaint, refused when its authors are matched: one ORCID iD for two authors.
    orcid = '<contrib-id contrib-id-type="orcid">http://orcid.org/0000-0002-6634-4397</contrib-id>'
    variant(
        jats_dir / "elife04418.xml",
        ('id="author-17815"><name><surname>Noriega', f'id="author-17815">{orcid}<name><surname>Noriega'),
    )

    summary = import_jats_paths([tmp_path])

    records = {r.file_name.rsplit("/", 1)[-1]: r for r in ImportRecord.objects.all()}
    assert {name: r.status for name, r in records.items()} == {
        "elife00036.xml": ImportStatus.SUCCEEDED,
        "elife04418.xml": ImportStatus.FAILED,
        "elife05256.xml": ImportStatus.SUCCEEDED,
        "journal.pcbi.1004113.xml": ImportStatus.SUCCEEDED,
    }
    assert records["elife04418.xml"].error == (
        f"{tmp_path / 'elife04418.xml'}:/article/front/article-meta/contrib-group[1]/contrib[2]: "
        "ORCID iD 0000-0002-6634-4397 is given to two authors"
    )
    assert [str(failure) for failure in summary.failures] == [records["elife04418.xml"].error]
    assert sorted(Article.objects.values_list("doi", flat=True)) == [
        "10.1371/journal.pcbi.1004113",
        "10.7554/elife.00036",
        "10.7554/elife.05256",
    ]
    assert records["elife05256.xml"].counts["articles"] == 1
    assert (summary.files, summary.imported_files, summary.counts["articles"]) == (4, 3, 3)


@pytest.mark.django_db
def test_files_of_a_batch_keep_their_order_around_a_file_imported_on_its_own(jats_dir, tmp_path):
    names = ["elife00036.xml", "elife00471.xml", "elife05256.xml", "elife05434.xml", "journal.pcbi.1004113.xml"]
    for name in names:
        shutil.copy(jats_dir / name, tmp_path / name)
    import_jats_paths([tmp_path / "elife05256.xml"])
    article = Article.objects.get(doi="10.7554/elife.05256")
    article.title = "Set by an editor"
    services.save_with_history(article, actor=None, reason="Corrected by an editor")

    summary = import_jats_paths([tmp_path])

    # Two new files written together, the re-import on its own in its place, two new ones together.
    assert (summary.files, summary.imported_files, summary.counts["articles"]) == (5, 5, 4)
    assert [r.file_name.rsplit("/", 1)[-1] for r in ImportRecord.objects.order_by("pk")] == ["elife05256.xml", *names]
    # The editor's title stays, and the re-import says so in its own record.
    assert Article.objects.get(pk=article.pk).title == "Set by an editor"
    assert ImportRecord.objects.order_by("pk")[3].warnings == [
        "elife05256.xml: 10.7554/elife.05256: kept the editor's title (Set by an editor); the file says "
        f"{Article.history.filter(id=article.pk).order_by('history_id').first().title}"
    ]
