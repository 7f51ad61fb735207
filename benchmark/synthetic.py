"""A synthetic registry shaped like a publisher's, with planted conflicts of every rule's kind.

The background is built so that no rule should fire on it: every author declares the same ties on
every article, one kind of tie per organization, organizations work in other fields than the
articles discuss, funders and reviewers have no ties to authors, and names are far apart. Each
planted case is built on fresh people and organizations, and its expected finding is recorded, so
precision and recall per rule can be measured exactly.
"""

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from benchmark.public_flags import set_public_flags
from benchmark.synthetic_people import DUPLICATE_SHARE, Identities, Researcher, new_researcher, variant_name
from benchmark.tables import Table, analyze, reset_sequences, settle
from registry.enums import (
    ArticleStatus,
    DisclosureForm,
    EditorialRoleKind,
    InterestCategory,
    OrganizationKind,
    Provenance,
)
from registry.gin_indexes import pending_lists_for_bulk_load
from registry.identity.lookup_keys import rebuild_lookup_keys
from registry.identity.names import block_key
from registry.models import (
    Affiliation,
    Article,
    ArticleFunding,
    Authorship,
    DeclaredInterest,
    Disclosure,
    EditorialRole,
    Interest,
    Organization,
    OrganizationAlias,
    Person,
    Topic,
    TopicSynonym,
)
from registry.names import normalize_organization_name, normalize_person_name, normalize_term


@dataclass(frozen=True)
class Scale:
    name: str
    articles: int
    people: int
    companies: int
    ties_per_person: int
    planted_per_rule: int
    authors_per_article: int = 4


SCALES = {
    "small": Scale("small", articles=1_000, people=2_500, companies=1_000, ties_per_person=8, planted_per_rule=20),
    "medium": Scale("medium", articles=10_000, people=25_000, companies=5_000, ties_per_person=8, planted_per_rule=50),
    "large": Scale(
        "large", articles=100_000, people=250_000, companies=50_000, ties_per_person=8, planted_per_rule=100
    ),
}

# Generated tables, in an order that satisfies their foreign keys when written.
TABLES = [
    Topic,
    TopicSynonym,
    Organization,
    OrganizationAlias,
    Person,
    Affiliation,
    Article,
    ArticleFunding,
    Authorship,
    EditorialRole,
    Disclosure,
    Interest,
    DeclaredInterest,
]

BACKGROUND_CATEGORIES = [
    InterestCategory.CONSULTING,
    InterestCategory.LECTURES,
    InterestCategory.GRANTS,
    InterestCategory.ADVISORY_BOARD,
    InterestCategory.TRAVEL,
    InterestCategory.ROYALTIES,
]
TEAM_SIZE = 8  # researchers who publish together
CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"


@dataclass
class Planted:
    """Expected findings: rule code → set of keys (see benchmark.measure.finding_key); and which
    person records are one researcher, for scoring person linking."""

    keys: dict[str, set[tuple]] = field(default_factory=lambda: defaultdict(set))
    identities: Identities = field(default_factory=Identities)


class Words:
    """Distinct pronounceable words; two words share at most a syllable prefix by construction."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def word(self, syllables: int = 3, *, unique: bool = True) -> str:
        while True:
            text = "".join(self.rng.choice(CONSONANTS) + self.rng.choice(VOWELS) for _ in range(syllables))
            if not unique or text not in self.used:
                self.used.add(text)
                return text


class Generator:
    def __init__(self, scale: Scale, *, seed: int = 42, progress: Callable[[str], None] | None = None):
        self.scale = scale
        self.rng = random.Random(seed)
        self.words = Words(self.rng)
        self.progress = progress or (lambda message: None)
        self.t = {model: Table(model) for model in TABLES}
        self.article_topics = Table(Article.topics.through)
        self.organization_topics = Table(Organization.topics.through)
        self.planted = Planted()
        self.identities = self.planted.identities

    # --- records ------------------------------------------------------------------------------

    def topic(self) -> int:
        name = self.words.word(4).capitalize()
        topic = self.t[Topic].add(name=name, normalized_name=normalize_term(name))
        synonym = self.words.word(4)
        self.t[TopicSynonym].add(topic_id=topic, name=synonym, normalized_name=normalize_term(synonym))
        return topic

    def organization(
        self, kind=OrganizationKind.COMPANY, *, name: str | None = None, parent=None, topic=None, public=None
    ) -> int:
        name = name or f"{self.words.word(4).capitalize()} {self.words.word(4).capitalize()}"
        org = self.t[Organization].add(
            name=name,
            normalized_name=normalize_organization_name(name),
            kind=kind,
            parent_id=parent,
            publicly_traded=public,
        )
        if topic:
            self.organization_topics.add(organization_id=org, topic_id=topic)
        return org

    def person(self, researcher: Researcher | None = None, name: str = "") -> int:
        """A record of this researcher under this name (a new researcher by default); rules never go by names."""
        researcher = researcher or new_researcher(self.rng, self._any_word, len(self.t[Person].rows))
        # The ORCID iD is on the researcher's first record only: a second one is made when it is not printed.
        orcid = None if name else researcher.orcid
        name = name or researcher.name
        family = name.rsplit(" ", 1)[1]
        return self.t[Person].add(
            name=name,
            normalized_name=normalize_person_name(name),
            family_name=family,
            name_key=block_key(name, family),
            orcid=orcid,
        )

    def _any_word(self, syllables: int) -> str:
        return self.words.word(syllables, unique=False)

    def article(self, index: int, received: date, topics: list[int]) -> int:
        article = self.t[Article].add(
            doi=f"10.5555/bench.{index}",
            title=f"Study {index} of {self.words.word()}",
            journal="Journal of Synthetic Medicine",
            received_date=received,
            accepted_date=received + timedelta(days=60),
            published_date=received + timedelta(days=120),
            status=ArticleStatus.PUBLISHED,
        )
        for topic in topics:
            self.article_topics.add(article_id=article, topic_id=topic)
        return article

    def authorship(self, article: int, person: int, position: int, printed: str = "") -> int:
        return self.t[Authorship].add(article_id=article, person_id=person, position=position, name_as_printed=printed)

    def disclosure(self, authorship: int, *, declares_none: bool) -> int:
        return self.t[Disclosure].add(
            authorship_id=authorship,
            statement="The author declares no competing interests." if declares_none else "Declared ties.",
            form=DisclosureForm.ICMJE_2021,
            declares_none=declares_none,
        )

    def interest(self, person: int, org: int, category: str, **fields) -> int:
        return self.t[Interest].add(
            person_id=person,
            organization_id=org,
            organization_name=self.org_name(org),
            category=category,
            provenance=fields.pop("provenance", Provenance.DISCLOSURE),
            **fields,
        )

    def declare(self, disclosure: int, interest: int) -> None:
        self.t[DeclaredInterest].add(disclosure_id=disclosure, interest_id=interest)

    def org_name(self, org: int) -> str:
        return self._org_names[org]

    # --- the whole registry ----------------------------------------------------------------------

    def generate(self) -> Planted:
        self.build()
        self.progress("writing rows")
        self.write()
        return self.planted

    def build(self) -> None:
        """Every row, queued in the tables, not yet written."""
        self._org_names: dict[int, str] = {}
        self.background()
        self.plant_all()

    def background(self) -> None:
        scale = self.scale
        self.progress("topics and organizations")
        self.article_pool = [self.topic() for _ in range(40)]
        self.product_pool = [self.topic() for _ in range(40)]
        self.companies = []
        for index in range(scale.companies):
            parent = self.rng.choice(self.companies) if self.companies and index % 10 == 0 else None
            org = self.organization(parent=parent, topic=self.rng.choice(self.product_pool))
            self.companies.append(org)
        self.universities = [
            self.organization(OrganizationKind.UNIVERSITY) for _ in range(max(20, scale.people // 500))
        ]
        self.reviewer_homes = [self.organization(OrganizationKind.UNIVERSITY) for _ in range(20)]
        self.funders = [self.organization(OrganizationKind.FUNDER) for _ in range(50)]
        self._remember_org_names()
        self.progress("people and their ties")
        ties: dict[int, list[int]] = {}
        researchers = {}
        for _ in range(scale.people):
            researcher = new_researcher(self.rng, self._any_word, len(self.t[Person].rows))
            researchers[self.person(researcher)] = researcher
        people = list(researchers)
        self.identities.researcher_of.update({pk: pk for pk in people})
        home = {}
        for person in people:
            home[person] = self.rng.choice(self.universities)
            self.t[Affiliation].add(person_id=person, organization_id=home[person])
            if self.rng.random() < 0.5:
                orgs = self.rng.sample(self.companies, scale.ties_per_person)
                ties[person] = [self.interest(person, org, self.rng.choice(BACKGROUND_CATEGORIES)) for org in orgs]
        reviewers = [self.person() for _ in range(max(10, scale.articles // 100))]
        for reviewer in reviewers:
            self.t[Affiliation].add(person_id=reviewer, organization_id=self.rng.choice(self.reviewer_homes))
        self.progress("articles, authorships and disclosures")
        # Researchers publish with the same few colleagues: each article's authors come from one team.
        shuffled = self.rng.sample(people, len(people))
        teams = [shuffled[i : i + TEAM_SIZE] for i in range(0, len(shuffled), TEAM_SIZE)]
        published: set[int] = set()
        for index in range(scale.articles):
            received = date(2016, 1, 1) + timedelta(days=self.rng.randrange(3800))
            article = self.article(index, received, self.rng.sample(self.article_pool, self.rng.choice([1, 2])))
            for position, person in enumerate(self.byline(teams, people), start=1):
                record, printed = self.record_for(person, researchers[person], home[person], published, ties)
                authorship = self.authorship(article, record, position, printed)
                disclosure = self.disclosure(authorship, declares_none=person not in ties)
                for interest in ties.get(person, ()):
                    self.declare(disclosure, interest)
            if self.rng.random() < 0.3:
                self.t[ArticleFunding].add(article_id=article, organization_id=self.rng.choice(self.funders))
            if self.rng.random() < 0.2:
                self.t[EditorialRole].add(
                    article_id=article, person_id=self.rng.choice(reviewers), role=EditorialRoleKind.REVIEWER
                )
        self.next_article_index = scale.articles

    def byline(self, teams: list[list[int]], people: list[int]) -> list[int]:
        """One team's authors, now and then with a researcher from elsewhere."""
        team = self.rng.choice(teams)
        authors = self.rng.sample(team, min(len(team), self.scale.authors_per_article))
        if self.rng.random() < 0.3:
            outsider = self.rng.choice(people)
            if outsider not in authors:
                authors[-1] = outsider
        return authors

    def record_for(self, person: int, researcher: Researcher, home: int, published: set[int], ties) -> tuple[int, str]:
        """The record an authorship of this researcher points at, and the name printed.

        After their first article, some authorships get a record of their own under the name as
        printed, as an import makes them; only for researchers without ties, so that every audit rule
        reads the registry as before (a tie stays on one record).
        """
        first = person not in published
        published.add(person)
        if first or person in ties or self.rng.random() >= DUPLICATE_SHARE:
            return person, researcher.name
        printed = variant_name(self.rng, researcher)
        record = self.person(researcher, printed)
        self.identities.researcher_of[record] = person
        self.t[Affiliation].add(person_id=record, organization_id=home)
        return record, printed

    def _remember_org_names(self) -> None:
        name_column = self.t[Organization].index["name"]
        for row in self.t[Organization].rows:
            self._org_names[row[0]] = row[name_column]

    def set_public_flags(self) -> None:
        """Queue the public set's flags with the values the data gives them (`benchmark.public_flags`)."""
        t = self.t
        set_public_flags(
            people=t[Person],
            organizations=t[Organization],
            articles=t[Article],
            authorships=t[Authorship],
            disclosures=t[Disclosure],
            interests=t[Interest],
            declarations=t[DeclaredInterest],
            fundings=t[ArticleFunding],
        )

    def write(self) -> None:
        self.set_public_flags()
        t = self.t
        # One transaction: PostgreSQL refreshes the public set once, at its commit, over every row written
        # (registry/public_set.py), where a commit per table refreshed people, organizations and articles
        # after each of the tables they depend on.
        with transaction.atomic(), pending_lists_for_bulk_load():
            for model in TABLES:
                t[model].flush()
            self.article_topics.flush()
            self.organization_topics.flush()
            reset_sequences([*TABLES, Article.topics.through, Organization.topics.through])
            # As the migration that made the index indexed every record already there.
            rebuild_lookup_keys()
            # Before the commit, so that the refresh is planned with the statistics of the tables just filled.
            analyze()
        # The tables whose public rows the lists count, as a running registry has them.
        settle([Person, Organization, Article])

    # --- planted conflicts ---------------------------------------------------------------------------

    def plant_all(self) -> None:
        self.progress("planted conflicts")
        planters = [
            self.plant_missing_disclosure,
            self.plant_none_declared,
            self.plant_undisclosed,
            self.plant_inconsistent,
            self.plant_multiple_ties,
            self.plant_relevant,
            self.plant_funder_tie,
            self.plant_name_variant,
            self.plant_reviewer_conflict,
            self.plant_significant_financial_interest,
        ]
        for planter in planters:
            for _ in range(self.scale.planted_per_rule):
                planter()

    def new_article(self, received: date | None = None, topics: list[int] | None = None) -> tuple[int, date]:
        received = received or date(2018, 1, 1) + timedelta(days=self.rng.randrange(2500))
        article = self.article(self.next_article_index, received, topics or [self.rng.choice(self.article_pool)])
        self.next_article_index += 1
        return article, received

    def new_company(self, **kwargs) -> int:
        org = self.organization(**kwargs)
        self._org_names[org] = self.t[Organization].rows[-1][self.t[Organization].index["name"]]
        return org

    def single_author(self, received: date | None = None, topics=None, *, declares_none=False):
        article, received = self.new_article(received, topics)
        person = self.person()
        authorship = self.authorship(article, person, 1)
        return article, received, person, authorship, self.disclosure(authorship, declares_none=declares_none)

    def plant_missing_disclosure(self) -> None:
        article, _ = self.new_article()
        self.disclosure(self.authorship(article, self.person(), 1), declares_none=True)
        authorship = self.authorship(article, self.person(), 2)
        self.planted.keys["MISSING_DISCLOSURE"].add(("a", authorship))

    def plant_none_declared(self) -> None:
        _, received, person, authorship, _ = self.single_author(declares_none=True)
        start = received - timedelta(days=365)
        self.interest(
            person,
            self.new_company(),
            InterestCategory.CONSULTING,
            start_date=start,
            ongoing=True,
            provenance=Provenance.IMPORT,
        )
        self.planted.keys["NONE_DECLARED_BUT_INTERESTS"].add(("a", authorship))

    def plant_undisclosed(self) -> None:
        _, received, person, authorship, disclosure = self.single_author()
        self.declare(disclosure, self.interest(person, self.new_company(), InterestCategory.LECTURES))
        hidden = self.interest(
            person,
            self.new_company(),
            InterestCategory.STOCK,
            start_date=received - timedelta(days=400),
            ongoing=True,
            provenance=Provenance.IMPORT,
        )
        self.planted.keys["UNDISCLOSED_INTEREST"].add(("ai", authorship, hidden))

    def plant_inconsistent(self) -> None:
        _, received, person, _, first_disclosure = self.single_author()
        tie = self.interest(person, self.new_company(), InterestCategory.CONSULTING)
        self.declare(first_disclosure, tie)
        second, _ = self.new_article(received + timedelta(days=300))
        second_authorship = self.authorship(second, person, 1)
        self.disclosure(second_authorship, declares_none=False)
        self.planted.keys["INCONSISTENT_ACROSS_ARTICLES"].add(("ai", second_authorship, tie))

    def plant_multiple_ties(self) -> None:
        _, _, person, authorship, disclosure = self.single_author()
        org = self.new_company()
        for category in (InterestCategory.CONSULTING, InterestCategory.STOCK):
            self.declare(disclosure, self.interest(person, org, category))
        self.planted.keys["MULTIPLE_TIES_SAME_ENTITY"].add(("ao", authorship, org))

    def plant_relevant(self) -> None:
        topic = self.rng.choice(self.article_pool)
        _, _, person, authorship, disclosure = self.single_author(topics=[topic])
        org = self.new_company(topic=topic)
        self.declare(disclosure, self.interest(person, org, InterestCategory.ADVISORY_BOARD))
        self.planted.keys["RELEVANT_INTEREST"].add(("ao", authorship, org))

    def plant_funder_tie(self) -> None:
        article, _, person, authorship, disclosure = self.single_author()
        funder = self.new_company()
        self.t[ArticleFunding].add(article_id=article, organization_id=funder)
        tie = self.interest(person, funder, InterestCategory.CONSULTING)
        self.declare(disclosure, tie)
        self.planted.keys["FUNDER_TIE"].add(("ai", authorship, tie))

    def plant_name_variant(self) -> None:
        name = f"{self.words.word(4).capitalize()} {self.words.word().capitalize()}"
        typo = name[:2] + ("a" if name[2] != "a" else "e") + name[3:]
        first, second = self.new_company(name=name), self.new_company(name=typo)
        # The rule is about ties: an author declares ties to the company under both names (Ledidi / Lididi).
        _, _, person, _, disclosure = self.single_author()
        self.declare(disclosure, self.interest(person, first, InterestCategory.CONSULTING))
        self.declare(disclosure, self.interest(person, second, InterestCategory.ADVISORY_BOARD))
        self.planted.keys["ORGANIZATION_NAME_VARIANT"].add(("oo", min(first, second), max(first, second)))

    def plant_reviewer_conflict(self) -> None:
        article, _, person, _, _ = self.single_author()
        home = self.new_company(kind=OrganizationKind.UNIVERSITY)
        reviewer = self.person()
        self.t[Affiliation].add(person_id=person, organization_id=home)
        self.t[Affiliation].add(person_id=reviewer, organization_id=home)
        self.t[EditorialRole].add(article_id=article, person_id=reviewer, role=EditorialRoleKind.REVIEWER)
        self.planted.keys["REVIEWER_CONFLICT"].add(("ap", article, person))

    def plant_significant_financial_interest(self) -> None:
        _, received, person, authorship, disclosure = self.single_author()
        if self.rng.random() < 0.5:
            org = self.new_company(public=False)
            self.declare(disclosure, self.interest(person, org, InterestCategory.STOCK))
        else:
            org = self.new_company(public=True)
            start = received - timedelta(days=90)
            tie = self.interest(person, org, InterestCategory.CONSULTING, amount=6000, currency="USD", start_date=start)
            self.declare(disclosure, tie)
        self.planted.keys["SIGNIFICANT_FINANCIAL_INTEREST"].add(("ao", authorship, org))
