"""Result types of the competing-interest statement parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal

Payee = Literal["self", "institution"]

CATEGORIES: Final = (
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


@dataclass(frozen=True, slots=True, init=False)
class ParsedItem:
    """One tie: an author, a category slug, a counterparty as written and where it was read."""

    author: str | None
    category: str
    organization: str | None
    payee: Payee
    specification: str
    span: tuple[int, int]

    # __init__ written out: the one dataclass writes runs as Python even where mypyc compiles the class
    def __init__(
        self,
        author: str | None,
        category: str,
        organization: str | None,
        payee: Payee,
        specification: str,
        span: tuple[int, int],
    ) -> None:
        if NATIVE_ITEMS:
            # compiled, an assignment here sets the field itself, with no call: the class's __setattr__, which
            # keeps an item frozen, is for assignments from elsewhere (and from Python)
            self.author = author  # type: ignore[misc]
            self.category = category  # type: ignore[misc]
            self.organization = organization  # type: ignore[misc]
            self.payee = payee  # type: ignore[misc]
            self.specification = specification  # type: ignore[misc]
            self.span = span  # type: ignore[misc]
            return
        set_field = object.__setattr__  # frozen: the fields are set past the class's own __setattr__
        set_field(self, "author", author)
        set_field(self, "category", category)
        set_field(self, "organization", organization)
        set_field(self, "payee", payee)
        set_field(self, "specification", specification)
        set_field(self, "span", span)

    def __reduce__(self) -> tuple[type, tuple]:
        # pickled by its fields: compiled, the class is rebuilt by calling it, which needs them (the PubMed
        # import's reading process sends parsed records to the writing one)
        return (ParsedItem, (self.author, self.category, self.organization, self.payee, self.specification, self.span))

    def to_dict(self) -> dict[str, str | None]:
        return {
            "author": self.author,
            "category": self.category,
            "organization": self.organization,
            "payee": self.payee,
            "specification": self.specification,
        }


def _native_items() -> bool:
    """Whether ParsedItem is a class compiled by mypyc, which object.__new__ may not build."""
    try:
        object.__new__(ParsedItem)
    except TypeError:
        return True
    return False


NATIVE_ITEMS: Final = _native_items()


@dataclass(frozen=True, slots=True, init=False)
class ParseResult:
    """Everything read from one statement; organization names are never resolved or merged here."""

    declares_none: list[str] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)
    variants: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __init__(
        self,
        declares_none: list[str] | None = None,
        items: list[ParsedItem] | None = None,
        variants: list[tuple[str, str]] | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        set_field = object.__setattr__
        set_field(self, "declares_none", [] if declares_none is None else declares_none)
        set_field(self, "items", [] if items is None else items)
        set_field(self, "variants", [] if variants is None else variants)
        set_field(self, "warnings", [] if warnings is None else warnings)

    def __reduce__(self) -> tuple[type, tuple]:
        return (ParseResult, (self.declares_none, self.items, self.variants, self.warnings))
