"""The import_* commands: FILE:LOCATION: reason lines, a summary, and the exit status."""

import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from registry.models import Article, ImportRecord
from tests.helpers import DATA

pytestmark = pytest.mark.django_db


def run(command: str, *args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(command, *map(str, args), "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_jats_prints_a_summary(jats_dir):
    out, err = run("import_jats", jats_dir / "elife00471.xml", jats_dir / "journal.pcbi.1004113.xml")

    lines = out.splitlines()
    assert lines[0].startswith("2 of 2 file(s) imported, 0 refused; 2 record(s) read in ")
    assert lines[1] == (
        "Created: 2 articles, 11 persons, 12 organizations, 9 authorships, 9 disclosures, 9 interests, "
        "0 matches to confirm."
    )
    assert err == ""


def test_a_refused_file_is_reported_and_the_command_fails(jats_dir, tmp_path):
    shutil.copy(jats_dir / "elife05256.xml", tmp_path)
    shutil.copy(jats_dir / "broken.xml", tmp_path)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"1 of 2 JATS files refused\."):
        call_command("import_jats", str(tmp_path), "--no-progress", stdout=out, stderr=err)

    assert err.getvalue().splitlines() == [
        f"{tmp_path / 'broken.xml'}:line 6: not well-formed XML: Premature end of data in tag article line 2, "
        "line 6, column 1"
    ]
    assert out.getvalue().splitlines()[0].startswith("1 of 2 file(s) imported, 1 refused;")
    assert Article.objects.count() == 1


def test_unknown_path_and_unknown_user(tmp_path):
    with pytest.raises(CommandError, match="No such file or folder"):
        run("import_jats", tmp_path / "missing.xml")
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        run("import_jats", DATA / "jats" / "elife05256.xml", "--user", "nobody")


def test_the_acting_user_is_recorded(jats_dir, editor_user):
    run("import_jats", jats_dir / "elife05256.xml", "--user", "editor")

    assert ImportRecord.objects.get().actor == editor_user
    assert Article.history.get().history_user == editor_user


@pytest.mark.parametrize(
    ("command", "path", "summary"),
    [
        ("import_crossref", DATA / "crossref" / "crossref_api_works.json", "Created: 3 articles, 9 persons"),
        ("import_orcid", DATA / "orcid" / "record-full-3.0.json", "Created: 0 articles, 1 persons"),
    ],
)
def test_other_commands(command, path, summary):
    out, _ = run(command, path)

    assert out.splitlines()[1].startswith(summary)


def test_import_disclosures(jats_dir):
    run("import_jats", jats_dir / "elife05256.xml")

    out, _ = run("import_disclosures", DATA / "disclosures" / "interests.csv")

    assert out.splitlines()[1] == (
        "Created: 0 articles, 1 persons, 1 organizations, 0 authorships, 0 disclosures, 3 interests, "
        "0 matches to confirm."
    )
