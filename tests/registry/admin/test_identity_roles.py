"""Who works the identity queues: editors decide person links and organization merge suggestions;
auditors read them and cannot change them; the public is sent to the login page."""

import pytest
from django.urls import reverse

from registry.enums import LinkStatus, MergeSuggestionStatus
from registry.merges import merge_people
from registry.models import Organization, OrganizationMerge, OrganizationMergeSuggestion, Person, PersonLink
from tests import factories

pytestmark = pytest.mark.django_db

QUEUES = ["personlink", "personmatch", "organizationmergesuggestion", "organizationmerge", "organizationlistentry"]


def changelist(model: str) -> str:
    return reverse(f"admin:registry_{model}_changelist")


def suggestion() -> OrganizationMergeSuggestion:
    a, b = factories.OrganizationFactory(name="Ledidi"), factories.OrganizationFactory(name="Lididi")
    return OrganizationMergeSuggestion.objects.create(organization_a=a, organization_b=b, score=0.9, reason="typo")


def link() -> PersonLink:
    keep, merge = factories.PersonFactory(name="Ada Lovelace"), factories.PersonFactory(name="A. Lovelace")
    factories.AuthorshipFactory(person=merge)
    merge_people(actor=None, keep=keep, merge=merge, reason="Same person")
    return PersonLink.objects.get()


@pytest.mark.parametrize("model", QUEUES)
@pytest.mark.parametrize("role", ["editor", "auditor"])
def test_editors_and_auditors_open_each_identity_list(client, role, model):
    client.force_login(getattr(factories, role)(username=role))

    response = client.get(changelist(model))

    assert response.status_code == 200


@pytest.mark.parametrize("model", QUEUES)
def test_the_public_is_sent_to_log_in(client, model):
    response = client.get(changelist(model))

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_an_editor_merges_and_rejects_suggested_pairs(editor_client, editor_user):
    merged, rejected = suggestion(), suggestion()

    editor_client.post(
        changelist("organizationmergesuggestion"), {"action": "merge_into_first", "_selected_action": [merged.pk]}
    )
    editor_client.post(
        changelist("organizationmergesuggestion"), {"action": "reject", "_selected_action": [rejected.pk]}
    )

    merged.refresh_from_db()
    rejected.refresh_from_db()
    assert (merged.status, rejected.status, rejected.decided_by) == (
        MergeSuggestionStatus.MERGED,
        MergeSuggestionStatus.REJECTED,
        editor_user,
    )
    assert OrganizationMerge.objects.count() == 1


def test_an_auditor_can_neither_merge_nor_reject(client):
    client.force_login(factories.auditor(username="auditor"))
    pair = suggestion()

    for action in ("merge_into_first", "reject"):
        client.post(changelist("organizationmergesuggestion"), {"action": action, "_selected_action": [pair.pk]})

    pair.refresh_from_db()
    assert (pair.status, Organization.objects.count(), OrganizationMerge.objects.count()) == (
        MergeSuggestionStatus.OPEN,
        2,
        0,
    )


def test_an_editor_unlinks_two_people(editor_client):
    record = link()

    editor_client.post(changelist("personlink"), {"action": "unlink", "_selected_action": [record.pk]})

    record.refresh_from_db()
    assert (record.status, Person.objects.count()) == (LinkStatus.UNLINKED, 2)


def test_an_auditor_cannot_unlink(client):
    client.force_login(factories.auditor(username="auditor"))
    record = link()

    client.post(changelist("personlink"), {"action": "unlink", "_selected_action": [record.pk]})

    record.refresh_from_db()
    assert (record.status, Person.objects.count()) == (LinkStatus.LINKED, 1)
