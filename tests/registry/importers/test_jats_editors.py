"""JATS editors and reviewers: read from the front matter, matched to registry people the way
authors are, and recorded as editorial roles (invented articles)."""

import pytest
from lxml import etree

from registry.enums import EditorialRoleKind
from registry.importers import import_jats_paths
from registry.importers.formats.jats import read_jats
from registry.models import Affiliation, Authorship, EditorialRole, Person
from tests import factories

pytestmark = pytest.mark.django_db

AUTHOR = (
    '<contrib contrib-type="author"><name><surname>Lee</surname><given-names>Ann</given-names></name>'
    '<xref ref-type="aff" rid="aff1"/></contrib>'
)
AFF = '<aff id="aff1"><institution>University of Oslo</institution>, <country>Norway</country></aff>'
EDITOR = (
    '<contrib-group content-type="section"><contrib contrib-type="editor"><name><surname>Okano</surname>'
    "<given-names>Hideyuki</given-names></name><role>Reviewing editor</role><aff><institution>Keio University"
    "</institution>, <country>Japan</country></aff></contrib></contrib-group>"
)
SENIOR_AND_REVIEWER = (
    '<contrib-group content-type="section"><contrib contrib-type="senior_editor"><name><surname>Weigel</surname>'
    "<given-names>Detlef</given-names></name><role>Senior Editor</role></contrib>"
    '<contrib contrib-type="reviewer"><name><surname>Viewer</surname><given-names>Rex</given-names></name>'
    "<role>Reviewer</role></contrib></contrib-group>"
)
# PLOS names its academic editor with an affiliation outside the contrib, like an author's.
PLOS_EDITOR = (
    '<contrib-group><contrib contrib-type="editor"><name><surname>Tapon</surname><given-names>Nicolas</given-names>'
    '</name><role>Academic Editor</role><xref ref-type="aff" rid="edit1"/></contrib></contrib-group>'
    '<aff id="edit1"><addr-line>The Francis Crick Institute, United Kingdom</addr-line></aff>'
)
# eLife's decision letter repeats the editor in a sub-article.
DECISION_LETTER = (
    '<sub-article article-type="decision-letter"><front-stub><title-group><article-title>Decision letter'
    '</article-title></title-group><contrib-group><contrib contrib-type="editor"><name><surname>Okano</surname>'
    "<given-names>Hideyuki</given-names></name><role>Reviewing editor</role></contrib></contrib-group>"
    "</front-stub></sub-article>"
)


def article(doi: str = "10.7554/eLife.90001", *, authors: str = AUTHOR + AFF, editors: str = EDITOR, tail: str = ""):
    return (
        '<article article-type="research-article"><front><journal-meta><journal-title-group><journal-title>eLife'
        "</journal-title></journal-title-group></journal-meta><article-meta>"
        f'<article-id pub-id-type="doi">{doi}</article-id><title-group><article-title>A study</article-title>'
        f"</title-group><contrib-group>{authors}</contrib-group>{editors}"
        '<pub-date date-type="pub"><day>1</day><month>3</month><year>2024</year></pub-date>'
        f"</article-meta></front>{tail}</article>"
    )


def read(xml: str):
    return read_jats(etree.ElementTree(etree.fromstring(xml)), file="test.xml")[0]


def write(tmp_path, xml: str, name: str = "a.xml"):
    path = tmp_path / name
    path.write_text(xml, encoding="utf-8")
    return path


def test_the_reviewing_editor_is_read_once_with_the_affiliation_printed():
    record = read(article(tail=DECISION_LETTER))

    assert [(e.name, e.role, [a.organization.name for a in e.affiliations]) for e in record.editors] == [
        ("Hideyuki Okano", EditorialRoleKind.HANDLING_EDITOR, ["Keio University"])
    ]
    assert [author.name for author in record.authors] == ["Ann Lee"]


def test_senior_editors_and_named_reviewers_have_their_own_roles():
    record = read(article(editors=SENIOR_AND_REVIEWER))

    assert [(e.name, e.role) for e in record.editors] == [
        ("Detlef Weigel", EditorialRoleKind.SENIOR_EDITOR),
        ("Rex Viewer", EditorialRoleKind.REVIEWER),
    ]


def test_an_editors_linked_affiliation_is_not_the_one_unlinked_affiliation_of_the_authors():
    unlinked_author = (
        '<contrib contrib-type="author"><name><surname>Lee</surname><given-names>Ann</given-names></name></contrib>'
    )
    record = read(article(authors=unlinked_author + AFF, editors=PLOS_EDITOR))

    assert [a.organization.name for a in record.authors[0].affiliations] == ["University of Oslo"]
    assert [a.organization.name for a in record.editors[0].affiliations] == ["The Francis Crick Institute"]


def test_import_records_the_editor_as_an_editorial_role_not_an_author(tmp_path):
    summary = import_jats_paths([write(tmp_path, article())])

    assert summary.ok
    role = EditorialRole.objects.select_related("person").get()
    assert (role.person.name, role.role, role.article.doi) == (
        "Hideyuki Okano",
        EditorialRoleKind.HANDLING_EDITOR,
        "10.7554/elife.90001",
    )
    assert list(Authorship.objects.values_list("person__name", flat=True)) == ["Ann Lee"]
    assert list(Affiliation.objects.filter(person=role.person).values_list("organization__name", flat=True)) == [
        "Keio University"
    ]
    assert role.history.get().history_change_reason == "Imported from a.xml"


def test_an_editor_known_by_name_and_affiliation_is_the_same_person(tmp_path):
    keio = factories.OrganizationFactory(name="Keio University")
    okano = factories.PersonFactory(name="Hideyuki Okano")
    factories.AffiliationFactory(person=okano, organization=keio)

    import_jats_paths([write(tmp_path, article())])

    assert EditorialRole.objects.get().person == okano
    assert Person.objects.filter(name="Hideyuki Okano").count() == 1


def test_reimport_keeps_the_role_and_a_newer_version_without_the_editor_removes_it(tmp_path):
    import_jats_paths([write(tmp_path, article())])
    role = EditorialRole.objects.get()

    import_jats_paths([write(tmp_path, article())])
    assert list(EditorialRole.objects.all()) == [role]
    assert role.history.count() == 1

    import_jats_paths([write(tmp_path, article(editors=""))])
    assert EditorialRole.objects.count() == 0


def test_an_imported_editor_has_no_public_page_and_the_article_page_does_not_name_them(tmp_path, client):
    import_jats_paths([write(tmp_path, article())])
    editor = EditorialRole.objects.get().person
    author = Authorship.objects.get()

    assert client.get(f"/people/{editor.pk}/").status_code == 404
    page = client.get(f"/articles/{author.article.doi}/")
    assert page.status_code == 200
    assert "Okano" not in page.content.decode()
