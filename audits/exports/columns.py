"""The columns of every export, in one place: their names, kinds and meanings.

Names are stable: users build spreadsheets and scripts on them, so add columns, never rename one.
Every format carries the same columns in the same order. Codes (severity, category, status, ...)
are written as their stable slugs, not their display labels.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Count, Expression, OuterRef, Subquery, TextField
from django.db.models.functions import Cast, Coalesce

from audits.enums import Presence, ReviewStatus, Severity, SubjectType
from registry.enums import ArticleStatus, DisclosureForm, DisclosureStatus, Payee, Provenance
from registry.models import DeclaredInterest


def one_of(choices) -> str:
    """A choice set's codes as a column's meaning says them: "a, b or c" (written from the set, so a
    new code is never left out)."""
    values = list(choices.values)
    return f"{', '.join(values[:-1])} or {values[-1]}"


class Kind(StrEnum):
    """How a value is written: CSV and JSON write dates as ISO 8601 and decimals as exact text."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"  # an amount, with its currency in a column of its own
    DATE = "date"
    BOOLEAN = "boolean"
    JSON = "json"  # a JSON document: text in CSV, XLSX and Parquet, an object in JSON


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    meaning: str
    # The ORM lookup (or expression) it is read with; None when the dataset adds it after the query.
    source: str | Expression | None = None


def _declared_interest_count() -> Expression:
    # A correlated count, not a GROUP BY over every selected column of the streamed rows.
    declared = DeclaredInterest.objects.filter(disclosure=OuterRef("pk")).order_by()
    return Coalesce(Subquery(declared.values("disclosure").annotate(n=Count("pk")).values("n")), 0)


TEXT, INTEGER, DECIMAL, DATE, BOOLEAN, JSON = Kind.TEXT, Kind.INTEGER, Kind.DECIMAL, Kind.DATE, Kind.BOOLEAN, Kind.JSON

FINDING_COLUMNS = (
    Column("id", INTEGER, "Finding id; stable across runs", "id"),
    Column("fingerprint", TEXT, "What identifies the finding from run to run", "fingerprint"),
    Column("rule_code", TEXT, "Rule that flagged it, e.g. UNDISCLOSED_INTEREST", "rule_code"),
    Column("rule_version", INTEGER, "Version of the rule", "rule_version"),
    Column("severity", TEXT, one_of(Severity), "severity"),
    Column("subject_type", TEXT, f"What it is about: {one_of(SubjectType)}", "subject_type"),
    Column("summary", TEXT, "The finding in one sentence", "summary"),
    Column("article_id", INTEGER, "Article it concerns, if any", "article_id"),
    Column("article_doi", TEXT, "DOI of that article", "article__doi"),
    Column("article_title", TEXT, "Title of that article", "article__title"),
    Column("person_id", INTEGER, "Person it concerns, if any", "person_id"),
    Column("person", TEXT, "Name of that person", "person__name"),
    Column("organization_id", INTEGER, "Organization it concerns, if any", "organization_id"),
    Column("organization", TEXT, "Canonical name of that organization", "organization__name"),
    Column("interest_id", INTEGER, "Interest it concerns, if any", "interest_id"),
    Column("review_status", TEXT, one_of(ReviewStatus), "review_status"),
    Column("presence", TEXT, f"{one_of(Presence)} in the latest run covering it", "presence"),
    Column("first_seen_run", INTEGER, "Audit run that first found it", "first_seen_run_id"),
    Column("last_seen_run", INTEGER, "Audit run that last found it", "last_seen_run_id"),
    # Read as the stored text: CSV needs it as text, and decoding a million documents only to
    # encode them again would cost a third of the export's time.
    Column("evidence", JSON, "The records behind the finding, frozen when it was found", Cast("evidence", TextField())),
    Column("reviewed_by", TEXT, "User name of the latest reviewer"),
    Column("reviewed_on", DATE, "Date of the latest review"),
    Column("review_reason", TEXT, "Why it was confirmed or dismissed, in the reviewer's words"),
)
"""One row per finding."""

DISCLOSURE_COLUMNS = (
    Column("disclosure_id", INTEGER, "Disclosure id", "id"),
    Column("article_id", INTEGER, "Article the disclosure is for", "authorship__article_id"),
    Column("article_doi", TEXT, "DOI of that article", "authorship__article__doi"),
    Column("article_title", TEXT, "Title of that article", "authorship__article__title"),
    Column("journal", TEXT, "Journal of that article", "authorship__article__journal"),
    Column("article_status", TEXT, one_of(ArticleStatus), "authorship__article__status"),
    Column("article_published_date", DATE, "Date the article was published", "authorship__article__published_date"),
    Column("person_id", INTEGER, "The author", "authorship__person_id"),
    Column("person", TEXT, "The author's name in the registry", "authorship__person__name"),
    Column("orcid", TEXT, "The author's ORCID iD", "authorship__person__orcid"),
    Column("author_position", INTEGER, "1 for the first author", "authorship__position"),
    Column("name_as_printed", TEXT, "The author's name as printed on the article", "authorship__name_as_printed"),
    Column("form", TEXT, one_of(DisclosureForm), "form"),
    Column("completed_on", DATE, "Date the disclosure was completed", "completed_on"),
    Column("declares_none", BOOLEAN, "The author explicitly declared no interests", "declares_none"),
    Column("declared_interests", INTEGER, "Number of interests it declares", _declared_interest_count()),
    Column("status", TEXT, one_of(DisclosureStatus), "status"),
    Column("status_changed_on", DATE, "Date it was corrected or withdrawn", "status_changed_on"),
    Column("status_note", TEXT, "Why it was corrected or withdrawn", "status_note"),
    Column("statement", TEXT, "The statement as the author wrote it", "statement"),
)
"""One row per disclosure. An authorship with no disclosure on file has no row (see MISSING_DISCLOSURE)."""

INTEREST_COLUMNS = (
    Column("interest_id", INTEGER, "Interest id; repeated on each declaration of it", "id"),
    Column("person_id", INTEGER, "The person holding the interest", "person_id"),
    Column("person", TEXT, "That person's name", "person__name"),
    Column("orcid", TEXT, "That person's ORCID iD", "person__orcid"),
    Column(
        "category", TEXT, "ICMJE 2021 item slug (consulting, grants, stock, ...), employment or founder", "category"
    ),
    Column("organization_id", INTEGER, "Counterparty in the registry, if resolved", "organization_id"),
    Column("organization", TEXT, "Canonical name of the counterparty", "organization__name"),
    Column("organization_as_written", TEXT, "The counterparty's name as declared", "organization_name"),
    Column("payee", TEXT, one_of(Payee), "payee"),
    Column("amount", DECIMAL, "Amount, exact to the cent, in `currency`", "amount"),
    Column("currency", TEXT, "ISO 4217 code of the amount", "currency"),
    Column("start_date", DATE, "Start of the interest", "start_date"),
    Column("end_date", DATE, "End of the interest; empty when ongoing or unknown", "end_date"),
    Column("ongoing", BOOLEAN, "The interest continues", "ongoing"),
    Column("specification", TEXT, "What the tie is, in words", "specification"),
    Column("provenance", TEXT, one_of(Provenance), "provenance"),
    Column("provenance_detail", TEXT, "File, register record id or note on where it came from", "provenance_detail"),
    Column(
        "declaration_id", INTEGER, "The declaration; empty for an interest no disclosure declares", "declarations__id"
    ),
    Column("disclosure_id", INTEGER, "Disclosure that declares it", "declarations__disclosure_id"),
    Column("article_id", INTEGER, "Article of that disclosure", "declarations__disclosure__authorship__article_id"),
    Column("article_doi", TEXT, "DOI of that article", "declarations__disclosure__authorship__article__doi"),
    Column("disclosure_status", TEXT, one_of(DisclosureStatus), "declarations__disclosure__status"),
    Column("declared_as", TEXT, "The words of the statement that declare it", "declarations__text_as_written"),
)
"""One row per interest and disclosure declaring it; an interest declared nowhere (from an import or
a register) has one row with the declaration columns empty."""

DATASET_COLUMNS = {"findings": FINDING_COLUMNS, "disclosures": DISCLOSURE_COLUMNS, "interests": INTEREST_COLUMNS}
