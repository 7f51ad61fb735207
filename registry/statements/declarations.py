"""What each author of an article has on file, read once and in byline order, for the statement writer."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from registry.enums import Payee
from registry.models import Article, Authorship, DeclaredInterest, Disclosure
from registry.validators import normalize_doi


@dataclass(frozen=True, slots=True)
class Tie:
    """One declared interest as the statement names it."""

    category: str  # an InterestCategory value
    organization: str  # the name as declared (else the registry's name); "" when none is named
    payee: str = Payee.SELF
    specification: str = ""


@dataclass(frozen=True, slots=True)
class AuthorDeclaration:
    """One author of the article: the name as printed and what their disclosure in force declares.

    `on_file` False means no disclosure is on file (or it was withdrawn): the statement says nothing
    about that author, which is a different fact from declaring nothing (`ties` empty while on file).
    """

    name: str
    on_file: bool
    ties: tuple[Tie, ...] = ()

    @property
    def declares_nothing(self) -> bool:
        return self.on_file and not self.ties


def article_by_doi(doi: str) -> Article | None:
    """The article with this DOI (any spelling normalize_doi accepts), or None; ValidationError if not a DOI."""
    return Article.objects.filter(doi=normalize_doi(doi)).first()


def article_declarations(article: Article) -> list[AuthorDeclaration]:
    """Every author of the article in byline order with their disclosure in force, in three queries:
    the authorships with their people, the disclosures in force, and their declared interests with the
    interests and organizations."""
    # Query 1: authorships and people.
    authorships = list(Authorship.objects.filter(article=article).select_related("person").order_by("position"))
    declared = DeclaredInterest.objects.select_related("interest__organization").order_by("pk")
    # Query 2: disclosures in force (a withdrawn one declares nothing any more); query 3: their interests.
    disclosures = {
        disclosure.authorship_id: disclosure
        for disclosure in Disclosure.objects.in_force()
        .filter(authorship__article=article)
        .prefetch_related(Prefetch("declared_interests", queryset=declared))
    }
    return [_declaration(authorship, disclosures.get(authorship.pk)) for authorship in authorships]


def _declaration(authorship: Authorship, disclosure: Disclosure | None) -> AuthorDeclaration:
    name = authorship.name_as_printed or authorship.person.name
    if disclosure is None:
        return AuthorDeclaration(name, on_file=False)
    ties = []
    for row in disclosure.declared_interests.all():
        interest = row.interest
        organization = interest.organization_name or (interest.organization.name if interest.organization else "")
        ties.append(Tie(interest.category, organization.strip(), interest.payee, interest.specification.strip()))
    # Declared ties win over a "declares none" flag that contradicts them.
    return AuthorDeclaration(name, on_file=True, ties=tuple(dict.fromkeys(ties)))
