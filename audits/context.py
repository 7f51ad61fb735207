"""The data an audit reads, fetched once per run with a few set-wise queries and shared by rules.

Rows are plain tuples (NamedTuple) so a rule works over memory, never issuing a query per article.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple

from django.db import connection
from django.db.models import BigIntegerField, CharField, Q, Value
from django.db.models.functions import Coalesce, Length
from django.utils import timezone

from audits.dates import months_before
from audits.scope import AuditScope
from registry.models import (
    Affiliation,
    Article,
    ArticleFunding,
    Authorship,
    DeclaredInterest,
    EditorialRole,
    Interest,
    Organization,
    PaymentRecord,
    Person,
    Topic,
    TopicSynonym,
)
from registry.names import normalize_organization_name, normalize_term
from registry.notices import corrected_title, is_notice, title_key

# The kinds of row of the topic rules' query.
NAME, SYNONYM, RELATED, ARTICLE_TOPIC, INTEREST_TOPIC = "name", "synonym", "related", "article", "interest"
BLANK = Value("", output_field=CharField())


class ArticleRow(NamedTuple):
    id: int
    title: str
    doi: str | None
    ref_date: date
    dated: bool  # False when the article has neither a received nor a publication date
    journal: str = ""
    # A notice (correction, retraction: registry.notices) about an article also in the registry: the
    # article is audited, the notice, which prints its statement again, is not.
    notice: bool = False
    statement: bool = True  # the article's competing-interests statement is on file
    from_pubmed: bool = False  # last read from a PubMed file
    # A notice about an article not in the registry, audited in its place: its date is the notice's, later
    # than the submission of the article whose statement it prints, which the registry does not hold.
    stands_in: bool = False
    submitted: bool = False  # ref_date is the received (submission) date, not the publication date


class AuthorshipRow(NamedTuple):
    id: int
    article_id: int
    person_id: int
    position: int
    disclosure_id: int | None
    declares_none: bool


class InterestRow(NamedTuple):
    id: int
    person_id: int
    category: str
    organization_id: int | None
    organization_name: str
    specification: str
    start_date: date | None
    end_date: date | None
    ongoing: bool
    provenance: str
    payee: str
    amount: Decimal | None
    currency: str
    org_key: str  # one organization however the tie names it: record, else name, else description

    @property
    def dated(self) -> bool:
        return self.start_date is not None or self.end_date is not None or self.ongoing


def organization_key(organization_id: int | None, name: str, specification: str) -> str:
    if organization_id:
        return f"o{organization_id}"
    if name:
        return f"n{normalize_organization_name(name)}"
    return f"s{normalize_term(specification)}"


class PaymentRow(NamedTuple):
    """A register payment matched to a person (registry.models.payments)."""

    id: int
    person_id: int
    record_id: str
    kind: str
    payer_id: int | None
    payer_name: str
    amount: Decimal
    payment_date: date
    nature: str
    match_method: str
    match_confidence: float


class Declaration(NamedTuple):
    """An interest as declared in one disclosure."""

    disclosure_id: int
    authorship_id: int
    article_id: int
    interest_id: int


class AuditContext:
    """Everything the rules read, for one scope at one moment.

    Reads clear the models' default ordering (.order_by()): it joins other tables to sort
    millions of rows that the rules put in dictionaries anyway.
    """

    def __init__(self, scope: AuditScope, *, today: date | None = None):
        self.scope = scope
        self.today = today or timezone.localdate()
        # Memos shared by rules: several rules ask the same questions of the same rows.
        self._windows: dict[tuple[int, int], tuple[date, date]] = {}
        self.memo: dict[tuple, object] = {}
        self._descriptions: dict[int, str] = {}  # of the organizations read, those that have one

    # --- articles and authorships in scope -------------------------------------------------

    @cached_property
    def articles(self) -> dict[int, ArticleRow]:
        rows = (
            self.scope.articles()
            .order_by()
            .values_list(
                "pk",
                "title",
                "doi",
                Coalesce("received_date", "published_date"),
                "journal",
                "article_type",
                Length("competing_interests_text"),
                "pubmed_file",
                "received_date",
            )
        )
        rows = list(rows)
        notices = {row[0]: corrected_title(row[1]) for row in rows if is_notice(row[5], row[1])}
        repeated = self._notices_of_articles_on_file(rows, notices) if notices else set()
        return {
            pk: ArticleRow(
                pk,
                title,
                doi,
                ref or self.today,
                ref is not None,
                journal,
                pk in repeated,
                bool(size),
                bool(file),
                pk in notices and pk not in repeated,
                received is not None,
            )
            for pk, title, doi, ref, journal, _kind, size, file, received in rows
        }

    def _notices_of_articles_on_file(self, rows, notices: dict[int, str]) -> set[int]:
        """Which of the notices (id: the title they name) are about an article the registry holds, found
        by title: among the articles read when the scope is everything, else with one query."""
        named = {title for title in notices.values() if title}  # "Erratum." names no title
        if not named:
            return set()
        if self.scope.is_full:
            titles = [(row[1], row[5]) for row in rows if row[0] not in notices]
        else:
            wanted = Q()
            for title in named:
                wanted |= Q(title__iexact=title)
            titles = Article.objects.filter(wanted).order_by().values_list("title", "article_type")
        on_file = {title_key(title) for title, kind in titles if not is_notice(kind, title)}
        return {pk for pk, title in notices.items() if title and title_key(title) in on_file}

    @cached_property
    def authorships(self) -> list[AuthorshipRow]:
        """The authorships the rules examine: those in scope, but not of a notice about an article on
        file (a correction printing the article's statement again: its findings would be the article's)."""
        articles = self.articles
        return [row for row in self.authorships_in_force if not articles[row.article_id].notice]

    @cached_property
    def authorships_in_force(self) -> list[AuthorshipRow]:
        """Authorships in scope, each with its disclosure in force: a withdrawn one reads as none on file."""
        rows = (
            Authorship.objects.with_disclosure_in_force()
            .filter(article__in=self.scope.articles_for_filter())
            .order_by()
            .values_list(
                "pk",
                "article_id",
                "person_id",
                "position",
                "disclosure_in_force__pk",
                "disclosure_in_force__declares_none",
            )
        )
        return [AuthorshipRow(a, b, c, d, e, bool(f)) for a, b, c, d, e, f in rows]

    @cached_property
    def person_ids(self) -> set[int]:
        return {row.person_id for row in self.authorships}

    def authors_for_filter(self):
        """What `person_id__in=` takes for the authors in scope: a narrowed scope's few as ids, from the
        authorships read anyway (a subquery costs more to build and plan than it saves there), a full
        scope's as a subquery."""
        if not self.scope.is_full:
            return sorted(self.person_ids)
        return Authorship.objects.filter(article__in=self.scope.articles()).values("person_id")

    @cached_property
    def person_names(self) -> dict[int, str]:
        """Names of authors, editors and reviewers in scope; of everyone in a full run, whose
        registry-wide rules may name people with ties but no article."""
        people = Person.objects.all()
        if not self.scope.is_full:
            people = people.filter(pk__in=self.people_in_scope)
        return dict(people.order_by().values_list("pk", "name"))

    def person_name(self, person_id: int) -> str:
        return self.person_names[person_id]

    # --- interests: what the registry knows, and what each disclosure declares --------------

    @cached_property
    def interests(self) -> dict[int, InterestRow]:
        """Every interest of every person in scope, whatever its source."""
        interests = Interest.objects.all()
        if not self.scope.is_full:
            interests = interests.filter(person_id__in=self.authors_for_filter())
        rows = interests.order_by().values_list(
            "pk",
            "person_id",
            "category",
            "organization_id",
            "organization_name",
            "specification",
            "start_date",
            "end_date",
            "ongoing",
            "provenance",
            "payee",
            "amount",
            "currency",
        )
        return {row[0]: InterestRow(*row, organization_key(row[3], row[4], row[5])) for row in rows}

    @cached_property
    def interests_by_person(self) -> dict[int, list[InterestRow]]:
        grouped: dict[int, list[InterestRow]] = defaultdict(list)
        for row in self.interests.values():
            grouped[row.person_id].append(row)
        return grouped

    @cached_property
    def declarations(self) -> list[Declaration]:
        """Every declaration in force of an interest of a person in scope, on any article (for comparisons).

        A withdrawn disclosure's declarations do not count: the author is taken not to have declared them.
        """
        if self.scope.is_full:
            # Every disclosure is in scope: two narrow columns, mapped through the authorships already read.
            # Those hold only disclosures in force, so a declaration in any other one has no entry and is
            # left out here, without joining a million declarations to their disclosures.
            where = {row.disclosure_id: row for row in self.authorships_in_force if row.disclosure_id is not None}
            rows = (
                DeclaredInterest.objects.order_by()
                .values_list("disclosure_id", "interest_id")
                .iterator(chunk_size=20000)
            )
            return [
                Declaration(disclosure, where[disclosure].id, where[disclosure].article_id, interest)
                for disclosure, interest in rows
                if disclosure in where
            ]
        rows = (
            DeclaredInterest.objects.in_force()
            .filter(interest__person_id__in=self.authors_for_filter())
            .order_by()
            .values_list(
                "disclosure_id", "disclosure__authorship_id", "disclosure__authorship__article_id", "interest_id"
            )
        )
        return [Declaration(*row) for row in rows]

    @cached_property
    def declared_by_disclosure(self) -> dict[int, list[Declaration]]:
        grouped: dict[int, list[Declaration]] = defaultdict(list)
        for row in self.declarations:
            grouped[row.disclosure_id].append(row)
        return grouped

    def declared_interest_ids(self, disclosure_id: int | None) -> set[int]:
        key = ("declared_interest_ids", disclosure_id)
        if key not in self.memo:
            self.memo[key] = {d.interest_id for d in self.declared_by_disclosure.get(disclosure_id, ())}
        return self.memo[key]

    @cached_property
    def authorship_by_id(self) -> dict[int, AuthorshipRow]:
        return {row.id: row for row in self.authorships}

    def declared_groups(self, interest_ids: set[int]) -> dict[tuple[int, str], list[InterestRow]]:
        """The given interests as in-scope disclosures declare them, grouped by (authorship,
        organization key). Rules first narrow the interests to candidates: grouping every
        declaration of a large registry costs more than the rules' own work."""
        grouped: dict[tuple[int, str], list[InterestRow]] = defaultdict(list)
        in_scope, interests = self.authorship_by_id, self.interests
        for declaration in self.declarations:
            if declaration.interest_id in interest_ids and declaration.authorship_id in in_scope:
                interest = interests[declaration.interest_id]
                grouped[(declaration.authorship_id, interest.org_key)].append(interest)
        return grouped

    @cached_property
    def declared_articles_by_interest(self) -> dict[int, set[int]]:
        grouped: dict[int, set[int]] = defaultdict(set)
        for row in self.declarations:
            grouped[row.interest_id].add(row.article_id)
        return grouped

    @cached_property
    def other_article_dates(self) -> dict[int, ArticleRow]:
        """Articles outside the scope on which people in scope declared interests (for their windows)."""
        missing = {row.article_id for row in self.declarations} - set(self.articles)
        rows = (
            Article.objects.filter(pk__in=missing)
            .order_by()
            .values_list("pk", "title", "doi", Coalesce("received_date", "published_date"), "journal")
        )
        return {
            pk: ArticleRow(pk, title, doi, ref or self.today, ref is not None, journal)
            for pk, title, doi, ref, journal in rows
        }

    def article(self, article_id: int) -> ArticleRow:
        return self.articles.get(article_id) or self.other_article_dates[article_id]

    def window(self, article_id: int, months: int) -> tuple[date, date]:
        key = (article_id, months)
        found = self._windows.get(key)
        if found is None:
            ref = self.article(article_id).ref_date
            found = self._windows[key] = (months_before(ref, months), ref)
        return found

    # --- organizations and topics ------------------------------------------------------------

    @cached_property
    def organizations(self) -> dict[int, tuple[str, int | None, str, bool | None]]:
        """(name, parent id, kind, publicly traded) of every organization tied to people in scope,
        their parents and the articles' funders."""
        found: dict[int, tuple[str, int | None, str, bool | None]] = {}
        if self.scope.is_full:
            rows = Organization.objects.order_by().values_list(*ORGANIZATION_COLUMNS)
            for row in rows.iterator(chunk_size=20000):
                _keep_organization(row, found, self._descriptions)
            return found
        ids = {row.organization_id for row in self.interests.values() if row.organization_id}
        ids |= set(self.funders_by_article_ids)
        ids |= {org for _, org, _, _ in self.affiliations}
        _read_with_parents(ids, found, self._descriptions)
        return found

    def organization_description(self, org_id: int) -> str:
        """What is recorded about an organization of the run (read with it): the topic rules look for
        topics in it."""
        return self._descriptions.get(org_id, "") if org_id in self.organizations else ""

    def organization_name(self, org_id: int) -> str:
        return self.organizations[org_id][0]

    def lineage(self, org_id: int) -> list[int]:
        """The organization and its parents, nearest first."""
        key = ("lineage", org_id)
        if key not in self.memo:
            self.memo[key] = self._lineage(org_id)
        return self.memo[key]

    def _lineage(self, org_id: int) -> list[int]:
        chain, current = [], org_id
        while current and current not in chain:
            chain.append(current)
            current = self.organizations.get(current, ("", None, "", None))[1]
        return chain

    def counterparty(self, interest: InterestRow) -> str:
        """The other side of a tie as a reader knows it: the record's name, else the words declared."""
        if interest.organization_id:
            name = self.organization_name(interest.organization_id)
            written = interest.organization_name
            if written and normalize_organization_name(written) != normalize_organization_name(name):
                return f"{written} ({name})"
            return name
        return interest.organization_name or interest.specification or "an unnamed organization"

    @cached_property
    def _topic_rows(self) -> list[tuple[str, int, int | None, str]]:
        """What the topic rules read besides the organizations' topics, in one query: the three small
        tables they read whole, ("related", topic, related topic, ""), ("name", topic, None, name) and
        ("synonym", topic, None, normalized synonym); and for a narrowed scope the topics of its articles
        and of its authors' interests, ("article", article, topic, "") and ("interest", interest, topic,
        ""). A round trip each was a tenth of a one-article audit's time on PostgreSQL. A full scope reads
        the latter two on their own, streamed (`_scoped_topics`)."""
        none = Value(None, output_field=BigIntegerField())
        # The first branch types every column (PostgreSQL settles a union's types from the left).
        related = Topic.related.through.objects.values_list(Value(RELATED), "from_topic_id", "to_topic_id", BLANK)
        names = Topic.objects.values_list(Value(NAME), "pk", none, "name")
        synonyms = TopicSynonym.objects.values_list(Value(SYNONYM), "topic_id", none, "normalized_name")
        branches = [names, synonyms]
        if not self.scope.is_full:
            branches += [self._scoped_topics(ARTICLE_TOPIC), self._scoped_topics(INTEREST_TOPIC)]
        return list(related.order_by().union(*(branch.order_by() for branch in branches), all=True))

    def _scoped_topics(self, kind: str):
        """The (kind, owner, topic, "") rows of the articles' (ARTICLE_TOPIC) or the authors' interests'
        (INTEREST_TOPIC) topics in scope."""
        if kind == ARTICLE_TOPIC:
            rows = Article.topics.through.objects.filter(article__in=self.scope.articles_for_filter())
            return rows.values_list(Value(kind), "article_id", "topic_id", BLANK)
        rows = Interest.topics.through.objects.filter(interest__person_id__in=self.authors_for_filter())
        return rows.values_list(Value(kind), "interest_id", "topic_id", BLANK)

    def _topics_by(self, kind: str) -> dict[int, set[int]]:
        grouped: dict[int, set[int]] = defaultdict(set)
        rows = self._topic_rows
        if self.scope.is_full and kind in (ARTICLE_TOPIC, INTEREST_TOPIC):
            rows = self._scoped_topics(kind).order_by().iterator(chunk_size=20000)
        for row_kind, owner, topic, _ in rows:
            if row_kind == kind:
                grouped[owner].add(topic)
        return grouped

    @cached_property
    def topic_names(self) -> dict[int, str]:
        return {pk: name for kind, pk, _, name in self._topic_rows if kind == NAME}

    @cached_property
    def related_topics(self) -> dict[int, set[int]]:
        return self._topics_by(RELATED)

    @cached_property
    def topic_terms(self) -> dict[str, int]:
        """Normalized topic names and synonyms → topic, for reading topics out of descriptions."""
        terms = {normalize_term(name): pk for pk, name in self.topic_names.items()}
        terms.update({term: pk for kind, pk, _, term in self._topic_rows if kind == SYNONYM})
        return {term: pk for term, pk in terms.items() if term}

    @cached_property
    def article_topics(self) -> dict[int, set[int]]:
        return self._topics_by(ARTICLE_TOPIC)

    @cached_property
    def organization_topics(self) -> dict[int, set[int]]:
        grouped: dict[int, set[int]] = defaultdict(set)
        through = Organization.topics.through.objects.all()
        if not self.scope.is_full:
            through = through.filter(organization_id__in=list(self.organizations))
        for org_id, topic_id in through.order_by().values_list("organization_id", "topic_id"):
            grouped[org_id].add(topic_id)
        return grouped

    @cached_property
    def interest_topics(self) -> dict[int, set[int]]:
        return self._topics_by(INTEREST_TOPIC)

    # --- funders, affiliations, editorial roles ------------------------------------------------

    @cached_property
    def funders_by_article(self) -> dict[int, set[int]]:
        grouped: dict[int, set[int]] = defaultdict(set)
        rows = (
            ArticleFunding.objects.filter(article__in=self.scope.articles_for_filter())
            .order_by()
            .values_list("article_id", "organization_id")
        )
        for article_id, org_id in rows:
            grouped[article_id].add(org_id)
        return grouped

    @cached_property
    def funders_by_article_ids(self) -> set[int]:
        return {org for orgs in self.funders_by_article.values() for org in orgs}

    @cached_property
    def editorial_roles(self) -> list[tuple[int, int, int, str]]:
        """(article, person, role id, role) for articles in scope, notices about articles on file left out."""
        rows = (
            EditorialRole.objects.filter(article__in=self.scope.articles_for_filter())
            .order_by()
            .values_list("article_id", "person_id", "pk", "role")
        )
        articles = self.articles
        return [row for row in rows if not articles[row[0]].notice]

    @cached_property
    def affiliations(self) -> list[tuple[int, int, date | None, date | None]]:
        """(person, organization, start, end) of authors, editors and reviewers in scope."""
        rows = Affiliation.objects.all()
        if not self.scope.is_full:
            rows = rows.filter(person_id__in=self.people_in_scope)
        return list(rows.order_by().values_list("person_id", "organization_id", "start_date", "end_date"))

    @cached_property
    def people_in_scope(self) -> list[int]:
        """Authors, editors and reviewers of a narrowed scope, as ids (an OR of two subqueries
        makes PostgreSQL scan whole tables), from the rows already read for the rules."""
        return sorted(self.person_ids | {person for _, person, _, _ in self.editorial_roles})

    @cached_property
    def affiliations_by_person(self) -> dict[int, list[tuple[int, date | None, date | None]]]:
        grouped: dict[int, list] = defaultdict(list)
        for person, org, start, end in self.affiliations:
            grouped[person].append((org, start, end))
        return grouped

    # --- register payments ----------------------------------------------------------------------

    @cached_property
    def payments_by_person(self) -> dict[int, list[PaymentRow]]:
        """Register payments matched to the authors in scope, in one query (payment_person_date)."""
        payments = PaymentRecord.objects.filter(person__isnull=False)
        if not self.scope.is_full:
            payments = payments.filter(person_id__in=self.authors_for_filter())
        rows = payments.order_by().values_list(*PaymentRow._fields)
        if self.scope.is_full:
            # Streamed: a whole register's matched payments. A narrowed scope's few are read at once,
            # as a server-side cursor costs PostgreSQL three more round trips (declare, fetch, close).
            rows = rows.iterator(chunk_size=20000)
        grouped: dict[int, list[PaymentRow]] = defaultdict(list)
        for row in rows:
            grouped[row[1]].append(PaymentRow(*row))
        return grouped

    def include_organizations(self, ids: set[int]) -> None:
        """Add organizations (and their parents) that no tie in scope names, such as payers, so
        `lineage()` sees their groups; a query per level of parents, none when all are known."""
        _read_with_parents(
            {org for org in ids if org not in self.organizations}, self.organizations, self._descriptions
        )


ORGANIZATION_COLUMNS = ("pk", "name", "parent_id", "kind", "publicly_traded", "description")


def _keep_organization(row: tuple, into: dict, descriptions: dict[int, str]) -> None:
    into[row[0]] = row[1:5]
    if row[5]:
        descriptions[row[0]] = row[5]


def _read_with_parents(ids: set[int], into: dict, descriptions: dict[int, str]) -> None:
    """Read these organizations and their parents' line into `into` (their descriptions into
    `descriptions`), in one recursive query (a query a level of parents was a round trip more on
    PostgreSQL for most one-article audits)."""
    if not ids:
        return
    table = connection.ops.quote_name(Organization._meta.db_table)
    columns = ", ".join(
        f"o.{connection.ops.quote_name(Organization._meta.get_field(name).column)}"
        for name in ("id", *ORGANIZATION_COLUMNS[1:])
    )
    parent = connection.ops.quote_name(Organization._meta.get_field("parent").column)
    places = ", ".join(["%s"] * len(ids))
    # UNION (not ALL) keeps each organization once, so a loop of parents ends.
    sql = (
        f"WITH RECURSIVE line(id) AS (SELECT id FROM {table} WHERE id IN ({places}) "
        f"UNION SELECT p.{parent} FROM {table} p JOIN line ON p.id = line.id WHERE p.{parent} IS NOT NULL) "
        f"SELECT {columns} FROM {table} o WHERE o.id IN (SELECT id FROM line)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(ids))
        for row in cursor.fetchall():
            _keep_organization(row, into, descriptions)
