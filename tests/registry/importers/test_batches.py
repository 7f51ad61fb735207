"""Files imported in batches share a transaction and stay all or nothing each: a refused file writes
nothing but its record, every file keeps its own record and counts, and a batch whose commit fails
is imported again one file at a time."""

import shutil

import pytest
from django.db import connection

from registry.enums import ImportKind, ImportStatus
from registry.importers import import_jats_paths, import_paths
from registry.models import ImportRecord, Topic


@pytest.mark.django_db
def test_each_file_of_a_batch_keeps_its_own_record_and_counts(jats_dir, tmp_path):
    for name in ["elife05256.xml", "broken.xml", "journal.pcbi.1004113.xml"]:
        shutil.copy(jats_dir / name, tmp_path / name)

    summary = import_jats_paths([tmp_path])

    records = ImportRecord.objects.order_by("file_name")
    assert [(r.file_name.rsplit("/", 1)[-1], r.status, r.counts.get("articles")) for r in records] == [
        ("broken.xml", ImportStatus.FAILED, None),
        ("elife05256.xml", ImportStatus.SUCCEEDED, 1),
        ("journal.pcbi.1004113.xml", ImportStatus.SUCCEEDED, 1),
    ]
    assert (summary.files, summary.imported_files, summary.counts["articles"]) == (3, 2, 2)


@pytest.mark.django_db(transaction=True)
def test_a_batch_whose_commit_fails_is_imported_again_file_by_file(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(name)

    def importer(data: bytes, name: str, actor, warnings: list[str]) -> int:
        topic = Topic.objects.create(name=f"topic {data.decode()}")
        if data == b"b":
            # A reference to no article: checked at commit (deferred), so the file's own savepoint
            # takes it and the batch's commit refuses it.
            with connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO registry_article_topics (article_id, topic_id) VALUES (%s, %s)", [999999, topic.pk]
                )
        return 1

    summary = import_paths([tmp_path], kind=ImportKind.JATS, importer=importer, suffixes=(".txt",), batch=3)

    assert sorted(Topic.objects.values_list("name", flat=True)) == ["topic a", "topic c"]
    assert [(r.file_name.rsplit("/", 1)[-1], r.status) for r in ImportRecord.objects.order_by("file_name")] == [
        ("a.txt", ImportStatus.SUCCEEDED),
        ("b.txt", ImportStatus.FAILED),
        ("c.txt", ImportStatus.SUCCEEDED),
    ]
    assert (summary.files, summary.imported_files, summary.records) == (3, 2, 2)
