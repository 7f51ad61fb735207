"""What the parser keeps while it reads one statement: its text, tokens, author index and the ties so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from .authors import AuthorIndex
from .text import TokenIndex

# Both classes write out their __init__: the one dataclass writes runs as Python even where mypyc compiles
# the class.


@dataclass(slots=True, init=False)
class DraftItem:
    author: int | None
    category: str
    org: str | None
    payee: str
    spec: str
    span: tuple[int, int]
    footnote: int

    def __init__(
        self,
        author: int | None,
        category: str,
        org: str | None,
        payee: str,
        spec: str,
        span: tuple[int, int],
        footnote: int,
    ) -> None:
        self.author = author
        self.category = category
        self.org = org
        self.payee = payee
        self.spec = spec
        self.span = span
        self.footnote = footnote


@dataclass(slots=True, init=False)
class ParseState:
    text: str
    index: AuthorIndex
    single: bool
    toks: TokenIndex
    items: list[DraftItem] = field(default_factory=list)
    nones: list[tuple[str, list[int | None]]] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    def __init__(
        self,
        text: str,
        index: AuthorIndex,
        single: bool,
        toks: TokenIndex,
        items: list[DraftItem] | None = None,
        nones: list[tuple[str, list[int | None]]] | None = None,
        covered: set[int] | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        self.text = text
        self.index = index
        self.single = single
        self.toks = toks
        self.items = [] if items is None else items
        self.nones = [] if nones is None else nones
        self.covered = set() if covered is None else covered
        self.warnings = [] if warnings is None else warnings
