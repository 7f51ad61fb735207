"""From a pasted statement to disclosures an editor confirms: the parser's rows with each organization
resolved to a registry record (or marked new, with close existing names), and the confirmed rows
written through the services. Nothing is written until `confirm_parsed_statement()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Prefetch, QuerySet

from registry import services
from registry.enums import DisclosureForm
from registry.models import Article, Authorship, DeclaredInterest, Disclosure, Organization
from registry.parsing import parse_statement
from registry.selectors import resolve_organizations, similar_organizations_for

PARSED_REASON = "Parsed from the statement and confirmed by an editor"


@dataclass
class ProposedRow:
    """One tie read from the statement, as the editor will see it and may correct it."""

    authorship: Authorship | None  # None: the statement names no author; the editor chooses one
    category: str
    organization_name: str  # as written; "" when the text names no counterparty
    payee: str
    specification: str
    span: tuple[int, int]
    organization: Organization | None = None  # the registry record the name resolves to
    candidates: tuple[Organization, ...] = ()  # several records share the name
    suggestions: list[tuple[Organization, float]] = field(default_factory=list)  # close names when new

    @property
    def is_new(self) -> bool:
        return bool(self.organization_name) and self.organization is None and not self.candidates

    def choices(self) -> list[tuple[str, str]]:
        """Options of the "organization in the registry" select: the resolved record, the records sharing
        the name or the close names, then "new"."""
        options = []
        if self.organization is not None:
            options.append((str(self.organization.pk), self.organization.name))
        options += [(str(org.pk), f"{org.name} (same name)") for org in self.candidates]
        options += [(str(org.pk), f"{org.name} ({score:.0f}% similar)") for org, score in self.suggestions]
        none = "New — not in the registry yet" if self.organization_name else "No organization named"
        return [*options, ("", none)]


@dataclass
class Proposal:
    """Everything the confirmation page shows: the statement, the rows and what the parser noticed."""

    statement: str
    authorships: list[Authorship]
    rows: list[ProposedRow]
    declares_none: set[int]  # pks of the authorships the statement says declare nothing
    variants: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def segments(self) -> list[tuple[str, tuple[int, ...]]]:
        return highlight(self.statement, [row.span for row in self.rows])


def authorships_with_disclosures(authorships: QuerySet[Authorship]) -> list[Authorship]:
    """The authorships in byline order, with what is on file for each (three queries in all)."""
    declared = DeclaredInterest.objects.select_related("interest")
    return list(
        authorships.select_related("person", "article", "disclosure")
        .prefetch_related(Prefetch("disclosure__declared_interests", queryset=declared))
        .order_by("position")
    )


def article_authorships(article: Article) -> list[Authorship]:
    return authorships_with_disclosures(Authorship.objects.filter(article=article))


def disclosure_authorships(disclosure: Disclosure) -> list[Authorship]:
    return authorships_with_disclosures(Authorship.objects.filter(pk=disclosure.authorship_id))


def author_name(authorship: Authorship) -> str:
    return authorship.name_as_printed or authorship.person.name


def propose(statement: str, authorships: Sequence[Authorship]) -> Proposal:
    """Parse the statement against the authors in byline order and resolve every organization named."""
    authorships = list(authorships)
    result = parse_statement(statement, [author_name(a) for a in authorships], single_author=len(authorships) == 1)
    by_name: dict[str, Authorship] = {}
    for authorship in authorships:
        by_name.setdefault(author_name(authorship), authorship)
    only = authorships[0] if len(authorships) == 1 else None
    rows = [
        ProposedRow(
            authorship=by_name.get(item.author) if item.author is not None else only,
            category=item.category,
            organization_name=item.organization or "",
            payee=item.payee,
            specification=item.specification,
            span=item.span,
        )
        for item in result.items
    ]
    resolve_rows(rows)
    none = {by_name[name].pk for name in result.declares_none if name in by_name}
    return Proposal(statement, authorships, rows, none, result.variants, result.warnings)


def resolve_rows(rows: Sequence[ProposedRow]) -> None:
    """Set each row's organization, or its candidates and close names (five queries at most, any row count)."""
    names = {row.organization_name for row in rows if row.organization_name}
    resolutions = resolve_organizations(names)
    unresolved = {name for name, found in resolutions.items() if found.organization is None and not found.ambiguous}
    close = similar_organizations_for(unresolved)
    for row in rows:
        found = resolutions.get(row.organization_name)
        row.organization = found.organization if found else None
        row.candidates = found.candidates if found and found.ambiguous else ()
        row.suggestions = close.get(row.organization_name, [])


def highlight(statement: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, tuple[int, ...]]]:
    """The statement cut where spans start and end: (text, numbers of the rows whose span covers it)."""
    cuts = sorted({0, len(statement)} | {p for span in spans for p in span if 0 <= p <= len(statement)})
    segments: list[tuple[str, tuple[int, ...]]] = []
    for start, end in pairwise(cuts):
        rows = tuple(number for number, (a, b) in enumerate(spans, start=1) if a <= start and end <= b)
        if segments and segments[-1][1] == rows:
            segments[-1] = (segments[-1][0] + statement[start:end], rows)
        else:
            segments.append((statement[start:end], rows))
    return segments


# ---- confirming ----


@dataclass(frozen=True)
class ConfirmedRow:
    """A row as the editor confirmed it."""

    authorship: Authorship
    category: str
    organization: Organization | None
    organization_name: str
    payee: str
    specification: str
    span: tuple[int, int]


@dataclass
class Outcome:
    written: list[Disclosure] = field(default_factory=list)
    corrected: list[Disclosure] = field(default_factory=list)
    unchanged: list[Authorship] = field(default_factory=list)


def _on_file(authorship: Authorship) -> Disclosure | None:
    try:
        return authorship.disclosure
    except Disclosure.DoesNotExist:
        return None


def declares_same(
    authorship: Authorship, rows: Sequence[ConfirmedRow], declares_none: bool, statement: str | None
) -> bool:
    """Whether the disclosure on file already says this (and, given a statement, in these words)."""
    disclosure = _on_file(authorship)
    if disclosure is None or disclosure.declares_none != declares_none:
        return False
    if statement is not None and disclosure.statement != statement:
        return False
    on_file = {services.tie_key(declared.interest) for declared in disclosure.declared_interests.all()}
    return on_file == {services.tie_key(_interest_input(row, statement or "")) for row in rows}


def plan(
    authorships: Sequence[Authorship],
    rows: Sequence[ConfirmedRow],
    declares_none: set[int],
    *,
    statement: str,
    whole_statement: bool,
) -> tuple[list[Authorship], list[Authorship]]:
    """(authorships to write, of which those that correct a published article's disclosure).

    `whole_statement`: the statement is this one author's own (the disclosure page), so a change of
    wording alone is a change. Otherwise (the article page) an author the statement says nothing
    about is left as is, and a disclosure on file that declares the same ties keeps its own wording.
    """
    write, corrections = [], []
    for authorship in authorships:
        own = [row for row in rows if row.authorship.pk == authorship.pk]
        none = authorship.pk in declares_none
        if not whole_statement and not own and not none:
            continue
        if declares_same(authorship, own, none, statement if whole_statement else None):
            continue
        write.append(authorship)
        if services.corrects_published(_on_file(authorship)):
            corrections.append(authorship)
    return write, corrections


@transaction.atomic
def confirm_parsed_statement(
    *,
    actor: AbstractBaseUser | None,
    statement: str,
    authorships: Sequence[Authorship],
    rows: Sequence[ConfirmedRow],
    declares_none: set[int],
    whole_statement: bool,
    change_reason: str = "",
) -> Outcome:
    """Record each author's disclosure as the editor confirmed it, all or nothing.

    A published article's disclosure that changes is marked corrected, with the editor's reason
    (services.record_disclosures refuses it without one).
    """
    write, corrections = plan(authorships, rows, declares_none, statement=statement, whole_statement=whole_statement)
    items = []
    for authorship in write:
        existing = _on_file(authorship)
        items.append(
            services.DisclosureInput(
                authorship=authorship,
                statement=statement,
                form=existing.form if existing else DisclosureForm.FREE_TEXT,
                completed_on=existing.completed_on if existing else None,
                declares_none=authorship.pk in declares_none,
                interests=[_interest_input(row, statement) for row in rows if row.authorship.pk == authorship.pk],
            )
        )
    written = services.record_disclosures(actor=actor, items=items, reason=PARSED_REASON, correction_note=change_reason)
    return Outcome(
        written=written,
        corrected=[disclosure for disclosure in written if disclosure.authorship in corrections],
        unchanged=[authorship for authorship in authorships if authorship not in write],
    )


def _interest_input(row: ConfirmedRow, statement: str) -> services.InterestInput:
    start, end = row.span
    return services.InterestInput(
        category=row.category,
        organization=row.organization,
        organization_name=row.organization_name,
        payee=row.payee,
        specification=row.specification,
        text_as_written=statement[start:end],
        span=(start, end),
    )
