"""Result types of the competing-interest statement parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Payee = Literal["self", "institution"]

CATEGORIES = (
    "manuscript_support",
    "grants",
    "royalties",
    "consulting",
    "lectures",
    "expert_testimony",
    "travel",
    "patents",
    "advisory_board",
    "leadership",
    "stock",
    "gifts",
    "other",
    "employment",
    "founder",
)


@dataclass(frozen=True, slots=True)
class ParsedItem:
    """One tie: an author, a category slug, a counterparty as written and where it was read."""

    author: str | None
    category: str
    organization: str | None
    payee: Payee
    specification: str
    span: tuple[int, int]

    def to_dict(self) -> dict[str, str | None]:
        return {
            "author": self.author,
            "category": self.category,
            "organization": self.organization,
            "payee": self.payee,
            "specification": self.specification,
        }


@dataclass(frozen=True, slots=True)
class ParseResult:
    """Everything read from one statement; organization names are never resolved or merged here."""

    declares_none: list[str] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)
    variants: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
