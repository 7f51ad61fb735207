"""RELEVANT_INTEREST on topics read from real records: an article's own keywords (a JATS import), an
organization's description, and broad headings that must not make a tie relevant."""

import pytest

from registry.enums import InterestCategory
from registry.importers import import_jats_paths
from registry.models import Article, Authorship, TopicSynonym
from tests.audits.helpers import audit, declare, summaries
from tests.factories import AuthorshipFactory, OrganizationFactory, TopicFactory

pytestmark = pytest.mark.django_db

JATS = (
    '<article article-type="research-article"><front><journal-meta><journal-title-group><journal-title>eLife'
    '</journal-title></journal-title-group></journal-meta><article-meta><article-id pub-id-type="doi">'
    "10.7554/eLife.90010</article-id><article-categories>"
    '<subj-group subj-group-type="display-channel"><subject>Research Article</subject></subj-group>'
    '<subj-group subj-group-type="heading"><subject>Neuroscience</subject></subj-group></article-categories>'
    "<title-group><article-title>A trial</article-title></title-group><contrib-group>"
    '<contrib contrib-type="author"><name><surname>Lee</surname><given-names>Ann</given-names></name></contrib>'
    "</contrib-group>"
    '<pub-date date-type="pub"><day>1</day><month>3</month><year>2024</year></pub-date>'
    '<kwd-group kwd-group-type="author-keywords"><kwd>treatment-resistant depression</kwd><kwd>esketamine</kwd>'
    '</kwd-group><kwd-group kwd-group-type="research-organism"><kwd>Human</kwd></kwd-group>'
    "</article-meta></front></article>"
)


@pytest.fixture
def imported(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text(JATS, encoding="utf-8")
    assert import_jats_paths([path]).ok
    return Authorship.objects.get()


def test_the_articles_keywords_are_its_topics_and_headings_are_not(imported):
    assert sorted(Article.objects.get().topics.values_list("name", flat=True)) == [
        "esketamine",
        "treatment-resistant depression",
    ]


def test_a_keyword_matches_an_organization_topic_through_a_synonym(imported):
    spravato = TopicFactory(name="Esketamine nasal spray")
    TopicSynonym.objects.create(topic=spravato, name="Esketamine")
    janssen = OrganizationFactory(name="Janssen")
    janssen.topics.add(spravato)
    declare(imported, organization=janssen, category=InterestCategory.CONSULTING)

    assert summaries(audit(["RELEVANT_INTEREST"])) == [
        "Ann Lee declared consultancy fees from Janssen; Janssen is active in esketamine nasal spray "
        "— the article discusses esketamine nasal spray."
    ]


def test_the_organizations_description_names_what_it_is_active_in(imported):
    company = OrganizationFactory(name="Neuro Co", description="Treats treatment-resistant depression.")
    declare(imported, organization=company, category=InterestCategory.GRANTS)

    assert summaries(audit(["RELEVANT_INTEREST"])) == [
        "Ann Lee declared grants from Neuro Co; Neuro Co is active in treatment-resistant depression "
        "— the article discusses treatment-resistant depression."
    ]


def test_a_broad_heading_does_not_make_a_tie_relevant(imported):
    neuroscience = TopicFactory(name="Neuroscience")
    society = OrganizationFactory(name="Brain Society", description="A society for neuroscience.")
    society.topics.add(neuroscience)
    declare(imported, organization=society, category=InterestCategory.LEADERSHIP)

    assert summaries(audit(["RELEVANT_INTEREST"])) == []


def test_a_description_naming_no_topic_of_the_article_is_no_finding():
    authorship = AuthorshipFactory(person__name="Ann Lee")
    authorship.article.topics.add(TopicFactory(name="Asthma"))
    company = OrganizationFactory(name="Heart Co", description="Makes cardiac stents.")
    declare(authorship, organization=company)

    assert summaries(audit(["RELEVANT_INTEREST"])) == []
