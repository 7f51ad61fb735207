"""One search over the public registry: people by name or ORCID, organizations by name or alias,
articles by title, DOI, their authors' statements and their topics. Forgives typos (see `fuzzy`), ranks
the closest first, and gives each result its context. Reads only published data."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from registry.enums import OrganizationKind
from registry.models import (
    Affiliation,
    Article,
    Authorship,
    DeclaredInterest,
    Disclosure,
    Organization,
    OrganizationAlias,
    Person,
    Topic,
    TopicSynonym,
)
from registry.names import fold, normalize_organization_name, normalize_person_name
from registry.querysets import is_public_organization
from registry.reader.counts import distinct_count
from registry.reader.fuzzy import candidates, scores_of
from registry.validators import normalize_doi, normalize_orcid

MAX_QUERY_LENGTH = 200
SEARCH_PAGE_SIZE = 20
KIND_LABELS = dict(OrganizationKind.choices)
KIND_ORDER = {"person": 0, "organization": 1, "article": 2}
# A statement or a topic that matches says less about an article than its own title does.
STATEMENT_WEIGHT = 0.9
TOPIC_WEIGHT = 0.95
SNIPPET_CONTEXT = 60  # characters either side of the matching word


@dataclass(frozen=True)
class Snippet:
    """A matching passage: `match` is the word found, shown marked between `before` and `after`."""

    label: str  # where it comes from: "Statement by Ann Example", "Also known as", "Topic"
    before: str
    match: str
    after: str


@dataclass
class Hit:
    kind: str  # person, organization or article
    id: int
    score: float
    label: str
    snippet: Snippet | None = None


@dataclass
class Result:
    kind: str
    id: int
    label: str
    detail: str  # ORCID, organization kind or DOI
    extra: str  # the journal of an article, the country of an organization
    context: list[str] = field(default_factory=list)  # affiliation, counts of articles and ties
    snippet: Snippet | None = None

    @property
    def kind_label(self) -> str:
        return {"person": "Person", "organization": "Organization", "article": "Article"}[self.kind]

    @property
    def detail_label(self) -> str:
        return KIND_LABELS.get(self.detail, self.detail) if self.kind == "organization" else self.detail


def clean_query(raw: str | None) -> str:
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search(query: str) -> list[Hit]:
    """Public people, organizations and articles matching the query, closest first (6 to 8 queries).

    Every word of the query must be in a name or title, or within a typo of one of its words, in any
    order ("andreasen ole" finds Ole A. Andreassen); a statement must hold every word as written.
    """
    hits: dict[tuple[str, int], Hit] = {}
    for hit in [*_people(query), *_organizations(query), *_articles(query)]:
        known = hits.get((hit.kind, hit.id))
        if known is None or hit.score > known.score:
            hits[(hit.kind, hit.id)] = hit
    return sorted(hits.values(), key=lambda hit: (-hit.score, KIND_ORDER[hit.kind], fold(hit.label), hit.id))


def matching_ids(kind: str, query: str) -> list[int]:
    """The ids of public records of one kind ("person", "organization", "article") matching the query."""
    finders = {"person": _people, "organization": _organizations, "article": _articles}
    return list(dict.fromkeys(hit.id for hit in finders[kind](query)))


def results(hits: Iterable[Hit]) -> list[Result]:
    """The hits of one page with their context, in their order (3 queries)."""
    hits = list(hits)
    ids = {kind: [hit.id for hit in hits if hit.kind == kind] for kind in KIND_ORDER}
    found = {
        **{("person", row.pk): _person_result(row) for row in _people_in_context(ids["person"])},
        **{
            ("organization", row.pk): _organization_result(row)
            for row in _organizations_in_context(ids["organization"])
        },
        **{("article", row.pk): _article_result(row) for row in _articles_in_context(ids["article"])},
    }
    page = []
    for hit in hits:
        if result := found.get((hit.kind, hit.id)):
            result.snippet = hit.snippet
            page.append(result)
    return page


# Matching -----------------------------------------------------------------------------------------


def _people(query: str) -> list[Hit]:
    key = normalize_person_name(query)
    orcid = as_identifier(normalize_orcid, query)
    rows = candidates(Person.objects.published(), "normalized_name", key, also=Q(orcid=orcid) if orcid else None)
    rows = list(rows.values_list("pk", "name", "normalized_name", "orcid"))
    scores = scores_of(key.split(), [normalized for _, _, normalized, _ in rows], folded=True)
    hits = []
    for position, (pk, name, _, person_orcid) in enumerate(rows):
        score = 101.0 if orcid and person_orcid == orcid else scores.get(position)
        if score:
            hits.append(Hit("person", pk, score, name))
    return hits


def _organizations(query: str) -> list[Hit]:
    key = normalize_organization_name(query)
    names = candidates(Organization.objects.public(), "normalized_name", key)
    hits = [
        Hit("organization", pk, score, name)
        for (pk, name, _), score in _scored(key, names.values_list("pk", "name", "normalized_name"))
    ]
    aliases = candidates(
        OrganizationAlias.objects.filter(is_public_organization("organization_id")), "normalized_name", key
    )
    for (pk, label, alias, _), score in _scored(
        key, aliases.values_list("organization_id", "organization__name", "name", "normalized_name")
    ):
        hits.append(Hit("organization", pk, score, label, Snippet("Also known as", "", alias, "")))
    return hits


def _scored(key: str, rows: Iterable[tuple]) -> list[tuple[tuple, float]]:
    """The rows whose last column, a normalized name, matches every word of the key, each with its score,
    in their order."""
    rows = list(rows)
    scores = scores_of(key.split(), [row[-1] for row in rows], folded=True)
    return [(rows[position], scores[position]) for position in sorted(scores)]


def _articles(query: str) -> list[Hit]:
    return [*_by_title_or_doi(query), *_by_statement(query), *_by_topic(query)]


def _by_title_or_doi(query: str) -> list[Hit]:
    key = fold(query)
    doi = as_identifier(normalize_doi, query)
    doi_match = Q(doi__contains=query.lower()) | (Q(doi=doi) if doi else Q(pk__in=[]))
    rows = candidates(Article.objects.published(), "title", key, also=doi_match)
    rows = list(rows.values_list("pk", "doi", "title"))
    scores = scores_of(key.split(), [title for _, _, title in rows])
    hits = []
    for position, (pk, article_doi, title) in enumerate(rows):
        if article_doi and article_doi == doi:
            score = 101.0
        elif article_doi and query.lower() in article_doi:
            score = 100.0
        else:
            score = scores.get(position)
        if score:
            hits.append(Hit("article", pk, score, title))
    return hits


def _by_statement(query: str) -> list[Hit]:
    """Articles whose authors' statements in force hold every word of the query."""
    statements = (
        Disclosure.objects.published()
        .in_force()
        .filter(contains_words("statement", query, lookup="icontains"))
        .values_list("authorship__article_id", "authorship__article__title", "authorship__person__name", "statement")
        .order_by("authorship__article_id", "authorship__position")
    )
    return [
        Hit("article", pk, 100.0 * STATEMENT_WEIGHT, title, snippet(f"Statement by {person}", statement, query))
        for pk, title, person, statement in statements
    ]


def _by_topic(query: str) -> list[Hit]:
    """Articles on a topic whose name or synonym is the query, or within a typo of it."""
    key = fold(query)
    scores: dict[int, tuple[float, str]] = {}
    topics = candidates(Topic.objects.all(), "normalized_name", key).values_list("pk", "name", "normalized_name")
    synonyms = candidates(TopicSynonym.objects.all(), "normalized_name", key).values_list(
        "topic_id", "topic__name", "normalized_name"
    )
    for (pk, name, _), score in _scored(key, [*topics, *synonyms]):
        if score > scores.get(pk, (0.0, ""))[0]:
            scores[pk] = (score, name)
    if not scores:
        return []
    articles = Article.objects.published().filter(topics__in=scores).values_list("pk", "title", "topics")
    return [
        Hit("article", pk, scores[topic][0] * TOPIC_WEIGHT, title, Snippet("Topic", "", scores[topic][1], ""))
        for pk, title, topic in articles
    ]


def snippet(label: str, text: str, query: str) -> Snippet:
    """The passage of `text` around the first word of the query it holds."""
    folded = text.casefold()
    spans = [(folded.find(word.casefold()), len(word)) for word in query.split()]
    start, length = min(((at, size) for at, size in spans if at >= 0), default=(0, 0))
    before = text[max(0, start - SNIPPET_CONTEXT) : start]
    after = text[start + length : start + length + SNIPPET_CONTEXT]
    return Snippet(
        label,
        ("…" if start > SNIPPET_CONTEXT else "") + before,
        text[start : start + length],
        after + ("…" if start + length + SNIPPET_CONTEXT < len(text) else ""),
    )


# Context ------------------------------------------------------------------------------------------


def _public_ties() -> QuerySet:
    return DeclaredInterest.objects.published().in_force()


def _people_in_context(ids: list[int]) -> QuerySet:
    current = Affiliation.objects.filter(person=OuterRef("pk"), end_date__isnull=True).order_by("-start_date", "pk")
    return Person.objects.filter(pk__in=ids).annotate(
        article_count=distinct_count(Authorship.objects.published(), "person", "article"),
        tie_count=distinct_count(_public_ties(), "interest__person", "interest"),
        affiliation_name=Subquery(current.values("organization__name")[:1]),
        affiliation_role=Subquery(current.values("role")[:1]),
    )


def _organizations_in_context(ids: list[int]) -> QuerySet:
    return Organization.objects.filter(pk__in=ids).annotate(
        person_count=distinct_count(_public_ties(), "interest__organization", "interest__person"),
        article_count=distinct_count(_public_ties(), "interest__organization", "disclosure__authorship__article"),
    )


def _articles_in_context(ids: list[int]) -> QuerySet:
    return Article.objects.filter(pk__in=ids).annotate(
        tie_count=distinct_count(_public_ties(), "disclosure__authorship__article", "interest"),
        author_count=distinct_count(Authorship.objects.all(), "article", "person"),
    )


def _counted(count: int, singular: str, plural: str = "") -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _person_result(person: Person) -> Result:
    affiliation = ", ".join(part for part in [person.affiliation_role, person.affiliation_name] if part)
    context = [affiliation] if affiliation else []
    context += [_counted(person.article_count, "article"), _counted(person.tie_count, "declared tie")]
    return Result("person", person.pk, person.name, person.orcid or "", "", context)


def _organization_result(organization: Organization) -> Result:
    context = [
        _counted(organization.person_count, "person", "people") + " with declared ties",
        _counted(organization.article_count, "article", "articles") + " declaring ties",
    ]
    return Result("organization", organization.pk, organization.name, organization.kind, organization.country, context)


def _article_result(article: Article) -> Result:
    context = [_counted(article.author_count, "author"), _counted(article.tie_count, "declared tie")]
    if article.published_date:
        context.insert(0, str(article.published_date.year))
    return Result("article", article.pk, article.title, article.doi or "", article.journal, context)


# Shared with the API's filters -------------------------------------------------------------------


def person_name_matches(query: str) -> Q:
    """People whose published name holds every word of the query (name variants are private)."""
    return contains_words("normalized_name", normalize_person_name(query))


def organization_name_matches(query: str) -> Q:
    """Organizations whose name or one of whose aliases holds every word of the query."""
    key = normalize_organization_name(query)
    alias = OrganizationAlias.objects.filter(contains_words("normalized_name", key), organization=OuterRef("pk"))
    return contains_words("normalized_name", key) | Q(Exists(alias))


def contains_words(field: str, key: str, *, lookup: str = "contains") -> Q:
    """Values containing every word of the key; nothing when it has no word to look for."""
    words_ = key.split()
    if not words_:
        return Q(pk__in=[])
    return Q(*(Q(**{f"{field}__{lookup}": word}) for word in words_))


def as_identifier(normalizer, query: str) -> str | None:
    """The query as an identifier (an ORCID iD or a DOI, also as a link), or None."""
    try:
        return normalizer(query)
    except ValidationError:
        return None
