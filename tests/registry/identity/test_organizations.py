"""Names become organization records; the maintained list loads without undoing editors' work;
duplicates queue up for editors; merges keep every link and can be undone."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from registry import services
from registry.enums import InterestCategory, MergeSuggestionStatus, OrganizationOrigin
from registry.identity.org_merges import merge_organizations, undo_organization_merge
from registry.identity.organization_list import DEFAULT_LIST, ListError, load_organization_list, read_list
from registry.models import (
    Affiliation,
    ArticleFunding,
    Interest,
    Organization,
    OrganizationMergeSuggestion,
    PaymentRecord,
)
from registry.selectors import resolve_organizations
from tests import factories

pytestmark = pytest.mark.django_db

LIST_ROWS = [
    {"key": "grp", "name": "Zephyr Group", "aliases": ["ZG"], "source": "public record", "licence": "CC0"},
    {
        "key": "sub",
        "name": "Zephyr Biotech",
        "parent": "grp",
        "country": "US",
        "open_payments_ids": ["100000999999"],
        "source": "Open Payments",
        "licence": "Public domain",
    },
]


def write_list(tmp_path, rows):
    path = tmp_path / "orgs.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def test_a_declared_tie_to_an_unknown_company_creates_it_unreviewed_with_its_origin():
    person = factories.PersonFactory(name="Ada Lind")

    interest = services.record_interest(
        actor=None,
        person=person,
        item=services.InterestInput(category=InterestCategory.CONSULTING, organization_name="Ledidi AS"),
        provenance_detail="statement of 10.1/x",
    )

    organization = interest.organization
    assert (organization.name, organization.kind, organization.reviewed, organization.origin) == (
        "Ledidi AS",
        "company",
        False,
        OrganizationOrigin.DECLARED_TIE,
    )
    assert organization.origin_detail == "Ada Lind, statement of 10.1/x"
    assert organization.history.get().history_change_reason == "Recorded by an editor"


def test_a_declared_tie_resolves_through_aliases_and_reuses_the_unlinked_tie():
    gsk = factories.OrganizationFactory(name="GlaxoSmithKline")
    factories.OrganizationAliasFactory(organization=gsk, name="GSK")
    person = factories.PersonFactory()
    old = Interest.objects.create(person=person, category=InterestCategory.GRANTS, organization_name="GSK")

    interest = services.record_interest(
        actor=None,
        person=person,
        item=services.InterestInput(category=InterestCategory.GRANTS, organization_name="GSK"),
    )

    assert (interest.pk, interest.organization) == (old.pk, gsk)
    assert Organization.objects.count() == 1


def test_the_shipped_list_loads_and_resolves_aliases_and_parents():
    summary = load_organization_list(actor=None, path=DEFAULT_LIST)

    assert summary.counts["created"] == len(read_list(DEFAULT_LIST))

    def resolve_organization(name):
        return resolve_organizations([name])[name].organization

    assert resolve_organization("GSK").name == "GlaxoSmithKline"
    janssen = resolve_organization("Janssen")
    assert (janssen.name, janssen.parent.name, janssen.reviewed) == (
        "Janssen Pharmaceuticals",
        "Johnson & Johnson",
        True,
    )
    assert resolve_organization("Genentech").parent.name == "F. Hoffmann-La Roche"
    assert resolve_organization("MSD") == resolve_organization("Merck & Co.")
    assert resolve_organization("NIMH").parent == resolve_organization("NIH")


def test_loading_twice_changes_nothing_and_keeps_editors_changes(tmp_path):
    path = write_list(tmp_path, LIST_ROWS)
    first = load_organization_list(actor=None, path=path)
    sub = Organization.objects.get(name="Zephyr Biotech")
    sub.country = "DE"  # an editor's correction
    sub.save()
    group = Organization.objects.get(name="Zephyr Group")
    group.aliases.filter(name="ZG").delete()  # an editor's removal

    rows = [dict(LIST_ROWS[0]), {**LIST_ROWS[1], "country": "GB", "website": "https://zephyr.example"}]
    second = load_organization_list(actor=None, path=write_list(tmp_path, rows))

    sub.refresh_from_db()
    assert (first.counts["created"], second.counts["created"]) == (2, 0)
    assert (sub.country, sub.website, sub.parent) == ("DE", "https://zephyr.example", group)
    assert second.kept == ["sub: country"]
    assert list(group.aliases.values_list("name", flat=True)) == []
    assert Organization.objects.count() == 2


def test_the_list_fills_an_editors_record_instead_of_creating_another(tmp_path):
    mine = factories.OrganizationFactory(name="Zephyr Biotech Inc.", country="", reviewed=True, description="mine")

    load_organization_list(actor=None, path=write_list(tmp_path, LIST_ROWS))

    mine.refresh_from_db()
    assert (mine.name, mine.country, mine.description) == ("Zephyr Biotech Inc.", "US", "mine")
    assert Organization.objects.count() == 2


def test_a_list_row_without_its_source_is_refused(tmp_path):
    with pytest.raises(ListError, match=r"orgs.jsonl:1: source missing"):
        read_list(write_list(tmp_path, [{"key": "x", "name": "X", "licence": "CC0"}]))


def test_the_load_command_prints_its_summary(tmp_path):
    out = StringIO()
    call_command("load_organizations", str(write_list(tmp_path, LIST_ROWS)), stdout=out)
    assert out.getvalue() == "Organizations: 2 created, 0 matched, 0 updated, 0 unchanged; 0 editor change(s) kept.\n"


def test_suggestions_are_written_as_json_lines_and_stored_once(tmp_path):
    factories.OrganizationFactory(name="Ledidi")
    factories.OrganizationFactory(name="Lididi")
    factories.OrganizationFactory(name="University of York")
    factories.OrganizationFactory(name="University of Toronto")
    output = tmp_path / "queue.jsonl"

    call_command("suggest_organization_merges", "--output", str(output), stdout=StringIO())
    call_command("suggest_organization_merges", stdout=StringIO())

    lines = [json.loads(line) for line in output.read_text().splitlines()]
    assert lines == [{"a": "Ledidi", "b": "Lididi", "score": 0.9, "reason": "the same words but for 1 typo(s)"}]
    assert OrganizationMergeSuggestion.objects.get().status == MergeSuggestionStatus.OPEN


def test_a_merge_keeps_every_link_and_name_and_can_be_undone():
    keep = factories.OrganizationFactory(name="Ledidi")
    merge = factories.OrganizationFactory(name="Lididi", country="NO")
    factories.OrganizationAliasFactory(organization=merge, name="Lididi AS Norway")
    interest = factories.InterestFactory(organization=merge)
    affiliation = factories.AffiliationFactory(organization=merge)
    article = factories.ArticleFactory()
    ArticleFunding.objects.create(article=article, organization=merge, award_id="1")
    ArticleFunding.objects.create(article=article, organization=keep, award_id="1")
    payment = factories.PaymentRecordFactory(payer=merge)
    subsidiary = factories.OrganizationFactory(parent=merge)
    merged_pk = merge.pk

    record = merge_organizations(actor=None, keep=keep, merge=merge, reason="Same company")

    for row in (interest, affiliation, payment, subsidiary):
        row.refresh_from_db()
    assert (interest.organization, affiliation.organization, payment.payer, subsidiary.parent) == (keep,) * 4
    assert sorted(keep.aliases.values_list("name", flat=True)) == ["Lididi", "Lididi AS Norway"]
    assert ArticleFunding.objects.get().organization == keep
    keep.refresh_from_db()
    assert keep.country == "NO"
    assert not Organization.objects.filter(pk=merged_pk).exists()
    assert record.snapshot["moved"]["registry.Interest.organization"] == [interest.pk]

    restored = undo_organization_merge(actor=None, record=record, reason="Two companies after all")

    interest.refresh_from_db()
    affiliation.refresh_from_db()
    keep.refresh_from_db()
    assert (restored.pk, restored.name, interest.organization, affiliation.organization) == (
        merged_pk,
        "Lididi",
        restored,
        restored,
    )
    assert keep.country == ""
    assert list(keep.aliases.values_list("name", flat=True)) == []
    assert ArticleFunding.objects.filter(organization=restored).count() == 1
    assert Affiliation.objects.count() == 1
    assert PaymentRecord.objects.get().payer == restored


def test_an_editor_merges_a_suggested_pair_from_the_queue(admin_client):
    ledidi = factories.OrganizationFactory(name="Ledidi")
    lididi = factories.OrganizationFactory(name="Lididi")
    interest = factories.InterestFactory(organization=lididi)
    call_command("suggest_organization_merges", stdout=StringIO())
    suggestion = OrganizationMergeSuggestion.objects.get()

    response = admin_client.post(
        "/admin/registry/organizationmergesuggestion/",
        {"action": "merge_into_first", "_selected_action": [suggestion.pk]},
    )

    assert response.status_code == 302
    interest.refresh_from_db()
    suggestion.refresh_from_db()
    assert (interest.organization, suggestion.status) == (ledidi, MergeSuggestionStatus.MERGED)


def test_undoing_a_merge_takes_back_only_the_topics_the_kept_record_picked_up():
    shared, own, picked_up = (factories.TopicFactory(name=name) for name in ("Oncology", "Cardiology", "Dermatology"))
    keep = factories.OrganizationFactory(name="Ledidi")
    merge = factories.OrganizationFactory(name="Lididi")
    keep.topics.add(shared, own)
    merge.topics.add(shared, picked_up)
    record = merge_organizations(actor=None, keep=keep, merge=merge, reason="Same company")
    assert sorted(keep.topics.values_list("name", flat=True)) == ["Cardiology", "Dermatology", "Oncology"]

    restored = undo_organization_merge(actor=None, record=record, reason="Two companies after all")

    assert sorted(keep.topics.values_list("name", flat=True)) == ["Cardiology", "Oncology"]
    assert sorted(restored.topics.values_list("name", flat=True)) == ["Dermatology", "Oncology"]
