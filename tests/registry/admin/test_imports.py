"""The upload page and the import lists in the admin: who may use them, what they show, and in how
many queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from registry.enums import MatchStatus
from registry.importers import import_jats_paths
from registry.models import Article, ImportRecord, Person, PersonMatch
from tests import factories
from tests.helpers import DATA

pytestmark = pytest.mark.django_db
UPLOAD = reverse("admin:registry_import_upload")
TEMPLATE = reverse("admin:registry_import_template")


def upload(client, name: str, content: bytes, kind: str = "jats"):
    return client.post(UPLOAD, {"kind": kind, "file": SimpleUploadedFile(name, content)})


def test_anonymous_users_are_sent_to_the_login_page(client):
    for url in [UPLOAD, TEMPLATE]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_auditors_may_not_import(client, auditor_user):
    client.force_login(auditor_user)

    assert client.get(UPLOAD).status_code == 403
    assert upload(client, "elife05256.xml", (DATA / "jats" / "elife05256.xml").read_bytes()).status_code == 403
    assert client.get(TEMPLATE).status_code == 403
    assert Article.objects.count() == 0


def test_staff_without_a_role_may_not_import(client):
    client.force_login(factories.UserFactory(is_staff=True))

    assert client.get(UPLOAD).status_code == 403


def test_editor_uploads_a_jats_file(editor_client, editor_user):
    assert editor_client.get(UPLOAD).status_code == 200

    response = upload(editor_client, "elife05256.xml", (DATA / "jats" / "elife05256.xml").read_bytes())

    assert response.status_code == 200
    assert response.context["summary"].ok
    assert "Created: 1 articles, 3 persons, 1 organizations" in response.content.decode()
    record = ImportRecord.objects.get()
    assert (record.file_name, record.actor, record.counts["articles"]) == ("elife05256.xml", editor_user, 1)


def test_an_upload_with_an_error_shows_it_and_writes_nothing(editor_client):
    response = upload(editor_client, "xxe.xml", (DATA / "jats" / "xxe.xml").read_bytes())

    content = response.content.decode()
    assert "Refused: nothing was written" in content
    assert "xxe.xml:line 3: the DOCTYPE declares entities" in content
    assert Article.objects.count() == 0


@override_settings(IMPORT_MAX_UPLOAD_BYTES=1000)
def test_uploads_over_the_size_limit_are_refused(editor_client):
    response = upload(editor_client, "elife05256.xml", (DATA / "jats" / "elife05256.xml").read_bytes())

    assert response.context["form"].errors == {"file": ["The file is 5,715 bytes; the limit is 1,000 bytes."]}
    assert Article.objects.count() == 0


def test_the_file_must_match_the_kind(editor_client):
    response = upload(editor_client, "interests.csv", b"author_name,category\n", kind="jats")

    assert response.context["form"].errors == {"file": ["A JATS XML article file ends in .xml, .nxml."]}


def test_editor_uploads_a_spreadsheet_and_downloads_the_template(editor_client):
    import_jats_paths([DATA / "jats" / "elife05256.xml"])

    response = upload(
        editor_client, "interests.csv", (DATA / "disclosures" / "interests.csv").read_bytes(), "disclosures"
    )
    assert response.context["summary"].ok

    template = editor_client.get(TEMPLATE)
    assert template["Content-Type"] == "text/csv; charset=utf-8"
    assert template.content.decode().splitlines()[0].startswith("doi,author_name,orcid,category,organization")


def test_import_list_links_to_the_upload_page_for_editors(editor_client, client, auditor_user):
    url = reverse("admin:registry_importrecord_changelist")
    assert UPLOAD in editor_client.get(url).content.decode()
    client.force_login(auditor_user)
    response = client.get(url)
    assert response.status_code == 200
    assert UPLOAD not in response.content.decode()


@pytest.mark.parametrize("records", [1, 5])
def test_import_list_queries(editor_client, django_assert_num_queries, records):
    for number in range(records):
        ImportRecord.objects.create(kind="jats", file_name=f"f{number}.xml", status="succeeded", counts={"articles": 1})
    url = reverse("admin:registry_importrecord_changelist")
    # session, user, the user's and the groups' permissions, two counts (filtered and total),
    # the page of records with their actors
    with django_assert_num_queries(7):
        response = editor_client.get(url)
    assert len(response.context["cl"].result_list) == records


@pytest.mark.parametrize("matches", [1, 4])
def test_person_match_list_queries(editor_client, django_assert_num_queries, matches):
    for _ in range(matches):
        PersonMatch.objects.create(
            person=factories.PersonFactory(),
            candidate=factories.PersonFactory(),
            article=factories.ArticleFactory(),
            name_as_printed="A. Author",
            method="name_only",
            status=MatchStatus.PENDING,
            reason="Same name",
        )
    url = reverse("admin:registry_personmatch_changelist")
    # session, user, the user's and the groups' permissions, two counts (filtered and total),
    # the page of matches with their people and articles
    with django_assert_num_queries(7):
        response = editor_client.get(url)
    assert len(response.context["cl"].result_list) == matches


def test_editor_confirms_a_match_from_the_list(editor_client):
    kept = factories.PersonFactory(name="Erich D Jarvis")
    import_jats_paths([DATA / "jats" / "elife00036.xml"])
    match = PersonMatch.objects.get()

    response = editor_client.post(
        reverse("admin:registry_personmatch_changelist"),
        {"action": "confirm_matches", "_selected_action": [match.pk]},
        follow=True,
    )

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == ["1 match(es) confirmed and merged."]
    assert Person.objects.filter(name="Erich D Jarvis").get() == kept


def test_auditors_see_matches_but_cannot_decide(client, auditor_user):
    factories.PersonFactory(name="Erich D Jarvis")
    import_jats_paths([DATA / "jats" / "elife00036.xml"])
    match = PersonMatch.objects.get()
    client.force_login(auditor_user)

    assert client.get(reverse("admin:registry_personmatch_changelist")).status_code == 200
    client.post(
        reverse("admin:registry_personmatch_changelist"),
        {"action": "confirm_matches", "_selected_action": [match.pk]},
    )

    match.refresh_from_db()
    assert match.status == MatchStatus.PENDING
