"""What an importer reads from a file, before anything is written: plain data, no database.

JATS, Crossref and PubMed readers all produce an ArticleRecord; the article writer stores it.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from registry.importers.articles.statements import StatementPlans


@dataclass
class OrganizationRef:
    """An organization as a source names it, with the identifiers it gives."""

    name: str
    ror_id: str | None = None
    identifiers: tuple[tuple[str, str], ...] = ()  # (IdentifierScheme, value)
    country: str = ""  # ISO 3166-1 alpha-2, or empty when unknown
    kind: str = ""  # OrganizationKind, or empty to guess from the name


@dataclass
class AffiliationRecord:
    organization: OrganizationRef
    department: str = ""
    city: str = ""
    text: str = ""  # as printed


@dataclass
class AuthorRecord:
    name: str
    given_names: str = ""
    family_name: str = ""
    orcid: str | None = None
    corresponding: bool = False
    affiliations: list[AffiliationRecord] = field(default_factory=list)
    statement_keys: list[str] = field(default_factory=list)  # per-author statements linked to them
    location: str = ""
    contributor_id: str = ""  # a publisher's stable id of the person, scoped: "10.7554/author-1031"
    email: str = ""
    byline_role: str = ""  # a role printed under the name ("Editor-in-Chief"), not a CRediT contribution


@dataclass
class EditorRecord(AuthorRecord):
    """Someone who handled the article (its handling or senior editor, a named reviewer): matched
    to registry people the way authors are, and recorded as an editorial role, never as an author."""

    role: str = ""  # EditorialRoleKind


@dataclass
class FunderRecord:
    organization: OrganizationRef
    award_ids: list[str] = field(default_factory=list)


@dataclass
class StatementRecord:
    """A competing-interest statement as printed; `key` is its id when authors link to it."""

    text: str
    key: str = ""
    location: str = ""


@dataclass
class ArticleRecord:
    doi: str  # empty when the source gives none (then the article is found by its PMID)
    title: str
    pmid: str = ""
    pmid_version: int | None = None
    journal: str = ""
    article_type: str = ""
    received_date: date | None = None
    accepted_date: date | None = None
    published_date: date | None = None
    topics: list[str] = field(default_factory=list)
    funders: list[FunderRecord] = field(default_factory=list)
    funding_statement: str = ""
    authors: list[AuthorRecord] = field(default_factory=list)
    statements: list[StatementRecord] = field(default_factory=list)
    editors: list[EditorRecord] = field(default_factory=list)
    location: str = ""
    # The preprint this article is the published version of, as the source names it.
    preprint_doi: str = ""
    preprint_pmid: str = ""
    # What each author declares, when the process that read the record planned it (statements.py).
    planned: "StatementPlans | None" = field(default=None, compare=False, repr=False)
