"""The seed article loads as the registry holds it, with exactly the rows its statements declare.

The reference is the hand-labelled statements (ids seed-*) in tests/data/labels/.
"""

import json
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from registry.enums import ArticleStatus
from registry.models import Article, DeclaredInterest, Disclosure, Interest, Organization, Person
from registry.seed import SeedError, load_seed_file
from tests.helpers import DEV_LABELS as LABELS

SEED = Path(settings.BASE_DIR) / "fixtures" / "seed" / "tidsskriftet-2026-mdma.json"

pytestmark = pytest.mark.django_db


def seed_labels() -> list[dict]:
    lines = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [line for line in lines if line["id"].startswith("seed-")]


@pytest.fixture
def seeded(db):
    load_seed_file(SEED)


def test_seed_article_is_published_with_its_six_authors_in_order(seeded):
    article = Article.objects.get(doi="10.4045/tidsskr.26.0122")
    assert article.status == ArticleStatus.PUBLISHED
    assert article.journal == "Tidsskrift for Den norske legeforening"
    assert article.published_date.isoformat() == "2026-06-16"
    authors = [a.person.name for a in article.authorships.order_by("position").select_related("person")]
    assert authors == [
        "Tor-Morten Kvam",
        "Ivar W. Goksøyr",
        "Lowan H. Stewart",
        "Mark Berthold-Losleben",
        "Ingrid Autran",
        "Ole A. Andreassen",
    ]


def test_each_statement_is_stored_verbatim_as_labelled(seeded):
    for label in seed_labels():
        (author,) = label["authors"]
        disclosure = Disclosure.objects.get(authorship__person__name=author)
        assert disclosure.statement == label["statement"]
        assert disclosure.declares_none == (author in label["declares_none"])


def test_declared_interests_are_exactly_the_labelled_rows(seeded):
    expected = Counter(
        (item["author"], item["category"], item["organization"] or "", item["payee"])
        for label in seed_labels()
        for item in label["items"]
    )
    stored = Counter(
        (
            row.disclosure.authorship.person.name,
            row.interest.category,
            row.interest.organization_name,
            row.interest.payee,
        )
        for row in DeclaredInterest.objects.select_related("disclosure__authorship__person", "interest")
    )
    assert stored == expected
    assert Interest.objects.count() == sum(expected.values())


def test_declared_names_resolve_through_aliases_and_ledidi_lididi_stay_apart(seeded):
    resolved = {
        (i.category, i.organization_name): i.organization.name
        for i in Interest.objects.filter(organization__isnull=False).select_related("organization")
    }
    assert resolved[("consulting", "BMS")] == "Bristol-Myers Squibb"
    assert resolved[("lectures", "Lilly")] == "Eli Lilly and Company"
    assert resolved[("lectures", "Janssen")] == "Janssen Pharmaceuticals"
    assert resolved[("consulting", "Ledidi")] == "Ledidi"
    assert resolved[("stock", "Lididi")] == "Lididi"
    janssen = Organization.objects.get(name="Janssen Pharmaceuticals")
    assert janssen.parent.name == "Johnson & Johnson"


def test_the_unnamed_clinic_is_described_with_topics(seeded):
    interest = Interest.objects.get(person__name="Ingrid Autran")
    assert interest.organization is None
    assert interest.specification == "shareholder in a clinic providing ketamine treatment for depression"
    assert sorted(interest.topics.values_list("name", flat=True)) == ["Depression", "Ketamine treatment"]


def test_spans_point_at_the_words_that_declare_each_interest(seeded):
    for row in DeclaredInterest.objects.select_related("disclosure", "interest"):
        assert row.disclosure.statement[row.span_start : row.span_end] == row.text_as_written
        assert row.interest.organization_name in row.text_as_written


def test_loading_twice_changes_nothing(seeded):
    before = (
        Person.objects.count(),
        Interest.objects.count(),
        Interest.history.count(),
        Organization.objects.count(),
    )
    load_seed_file(SEED)
    after = (
        Person.objects.count(),
        Interest.objects.count(),
        Interest.history.count(),
        Organization.objects.count(),
    )
    assert after == before


def test_history_says_where_records_came_from(seeded):
    record = Interest.history.filter(organization_name="Cortechs.ai").get()
    assert record.history_change_reason == "Loaded from seed file tidsskriftet-2026-mdma.json"


def test_a_bad_seed_file_writes_nothing_and_names_the_place(tmp_path):
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["articles"][0]["authorships"][5]["disclosure"]["interests"][0]["text_as_written"] = "not in the text"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SeedError) as excinfo:
        load_seed_file(bad)
    assert str(excinfo.value) == (
        f"{bad}: articles[0].authorships[5].disclosure.interests[0].text_as_written: "
        "this text does not occur in the statement"
    )
    assert Person.objects.count() == 0
    assert Organization.objects.count() == 0


def test_a_seed_file_with_an_invalid_value_names_it(tmp_path):
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["organizations"][0]["ror_id"] = "01xtthb57"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("load_seed", str(bad))
    assert "01xtthb57 is not a valid ROR id" in str(excinfo.value)
    assert Organization.objects.count() == 0


def test_load_seed_command_reports_counts(capsys):
    data = json.loads(SEED.read_text(encoding="utf-8"))
    call_command("load_seed")
    counts = [len(data[kind]) for kind in ("topics", "organizations", "people", "articles")]
    expected = "Loaded {}: {} topics, {} organizations, {} people, {} articles".format(SEED.name, *counts)
    assert expected in capsys.readouterr().out
    assert Organization.objects.count() == counts[1]
