"""The words of a written statement: a phrase per category, lists of organizations, sentences per style.

Every phrase is one the statement parser (`registry.parsing`) reads back as its category, and the
sentences are built so that it assigns each tie to the right author and payee: tests/registry/statements
check the round trip on generated disclosures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from registry.enums import InterestCategory, Payee, StatementStyle
from registry.statements.declarations import AuthorDeclaration, Tie

C = InterestCategory

# (phrase, preposition before the organization). The phrase starts with the words the parser knows the
# category by: a "grants and consulting fees from X" then gives X to both.
PHRASES: dict[str, tuple[str, str]] = {
    C.MANUSCRIPT_SUPPORT: ("support for the present manuscript", "from"),
    C.GRANTS: ("grants", "from"),
    C.ROYALTIES: ("royalties", "from"),
    C.CONSULTING: ("consulting fees", "from"),
    C.LECTURES: ("lecture fees", "from"),
    C.EXPERT_TESTIMONY: ("expert testimony", "from"),
    C.TRAVEL: ("travel support", "from"),
    C.PATENTS: ("patents", "held by"),
    C.ADVISORY_BOARD: ("participation on an advisory board", "for"),
    C.LEADERSHIP: ("a leadership role on the board", "of"),
    C.STOCK: ("stock or stock options", "in"),
    C.GIFTS: ("donated equipment or materials", "from"),
    C.OTHER: ("other interests affiliated", "with"),
    C.EMPLOYMENT: ("employment", "by"),
    C.FOUNDER: ("a founder role", "at"),
}
# Ties whose counterparty is not named: the phrase alone, with the specification in brackets. "Other" is only
# read with its preposition ("affiliated with"), so it names an unnamed organization.
UNNAMED_PHRASES = {
    **{category: phrase for category, (phrase, _) in PHRASES.items()},
    C.OTHER: "other interests affiliated with an organization",
}
CATEGORY_ORDER = {category: position for position, category in enumerate(PHRASES)}
# Payments are named together per organization in the ICMJE wording ("grants and consulting fees from X").
FROM_CATEGORIES = frozenset(category for category, (_, preposition) in PHRASES.items() if preposition == "from")
# The parser reads a payee per sentence, so each payee gets sentences of its own.
PAYEE_TAILS = {
    Payee.SELF: "",
    Payee.INSTITUTION: ", paid to their institution",
    Payee.FAMILY: ", held by a family member",
}
OUTSIDE = ", outside the submitted work"
DURING = ", during the conduct of the study"
NO_INTERESTS = "no competing interests"


@dataclass(frozen=True, slots=True)
class _Clause:
    text: str
    names_organization: bool


def render_statement(declarations: Sequence[AuthorDeclaration], *, style: StatementStyle) -> str:
    """The statement for these authors (byline order) in `style`; "" when no author has a disclosure on file.

    Authors without a disclosure on file are left out: the statement never says they declare nothing.
    """
    if style == StatementStyle.ICMJE:
        return _icmje(declarations)
    return _per_author(declarations)


# ---- ICMJE: "Jane Smith reports grants and consulting fees from A and from B, outside the submitted work." ----


def _icmje(declarations: Sequence[AuthorDeclaration]) -> str:
    """Support for the present manuscript first (ICMJE item 1), then each author's other ties."""
    groups = [(author, group) for author in declarations for group in _sentence_groups(author.ties)]
    sentences: list[str] = []
    named: set[str] = set()
    for author, group in sorted(groups, key=lambda pair: not pair[1].support):
        verb = "also reports" if author.name in named else "reports"
        named.add(author.name)
        tail = group.tail + ("" if group.support else OUTSIDE)
        sentences.append(f"{author.name} {verb} {_series(c.text for c in _icmje_clauses(group.ties))}{tail}.")
    nothing = _declaring_nothing(declarations)
    if nothing:
        sentences.append(nothing)
    return " ".join(sentences)


def _icmje_clauses(ties: Sequence[Tie]) -> list[_Clause]:
    """Payments grouped per organization ("grants and lecture fees from A"), organizations with the same
    payments listed together; every other category on its own ("stock or stock options in B and in C")."""
    payments: dict[str, list[str]] = {}
    rest: list[Tie] = []
    for tie in ties:
        if tie.category in FROM_CATEGORIES and tie.organization:
            payments.setdefault(tie.organization, []).append(tie.category)
        else:
            rest.append(tie)
    by_payments: dict[tuple[str, ...], list[str]] = {}
    for organization, categories in payments.items():
        key = tuple(sorted(set(categories), key=CATEGORY_ORDER.__getitem__))
        by_payments.setdefault(key, []).append(organization)
    clauses = [
        _Clause(f"{_series(PHRASES[c][0] for c in categories)} {_organizations('from', organizations)}", True)
        for categories, organizations in sorted(by_payments.items(), key=lambda pair: _category_rank(pair[0]))
    ]
    return _ordered(clauses + _category_clauses(rest))


def _category_rank(categories: tuple[str, ...]) -> list[int]:
    return [CATEGORY_ORDER[c] for c in categories]


# ---- per author: "Jane Smith: grants from A, B, and C; stock or stock options in D." ----


def _per_author(declarations: Sequence[AuthorDeclaration]) -> str:
    paragraphs: list[str] = []
    for author in declarations:
        if not author.on_file:
            continue
        if not author.ties:
            paragraphs.append(f"{author.name} declares {NO_INTERESTS}.")
            continue
        sentences = []
        # The sentence ending in a name comes last: "... from Smith & Nephew Ltd. Grants ..." would read as
        # one sentence (a full stop after "Ltd" is the abbreviation's), and a payee is read per sentence.
        groups = sorted(_sentence_groups(author.ties), key=lambda group: not group.tail)
        for number, group in enumerate(groups):
            text = "; ".join(c.text for c in _ordered(_category_clauses(group.ties))) + group.tail
            # The first sentence names the author; the parser gives the next ones to the same author.
            sentences.append(f"{author.name}: {text}." if number == 0 else f"{text[0].upper()}{text[1:]}.")
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


# ---- shared ----


@dataclass(frozen=True, slots=True)
class _Group:
    ties: list[Tie]
    payee: str
    support: bool  # support for the present manuscript

    @property
    def tail(self) -> str:
        return PAYEE_TAILS.get(self.payee, "") + (DURING if self.support else "")


def _sentence_groups(ties: Iterable[Tie]) -> list[_Group]:
    """Ties split into sentences: support for the present manuscript apart (the parser reads grants next
    to it as part of that support), and one sentence per payee; the author's own payments first."""
    groups: dict[tuple[bool, str], list[Tie]] = {}
    for tie in ties:
        payee = tie.payee if tie.payee in PAYEE_TAILS else Payee.SELF
        groups.setdefault((tie.category == C.MANUSCRIPT_SUPPORT, payee), []).append(tie)
    order = list(PAYEE_TAILS)
    keys = sorted(groups, key=lambda key: (not key[0], order.index(key[1])))
    return [_Group(groups[key], key[1], key[0]) for key in keys]


def _category_clauses(ties: Iterable[Tie]) -> list[_Clause]:
    """One clause per category: its organizations listed, or the specifications of unnamed ones."""
    named: dict[str, list[str]] = {}
    unnamed: dict[str, list[str]] = {}
    for tie in ties:
        if tie.organization:
            named.setdefault(tie.category, []).append(tie.organization)
        else:
            unnamed.setdefault(tie.category, []).append(tie.specification)
    clauses = []
    for category in sorted(named.keys() | unnamed.keys(), key=CATEGORY_ORDER.__getitem__):
        phrase, preposition = PHRASES[category]
        if category in named:
            clauses.append(_Clause(f"{phrase} {_organizations(preposition, named[category])}", True))
        if category in unnamed:
            specifications = [s for s in dict.fromkeys(unnamed[category]) if s]
            detail = f" ({'; '.join(specifications)})" if specifications else ""
            clauses.append(_Clause(f"{UNNAMED_PHRASES[category]}{detail}", False))
    return clauses


def _ordered(clauses: list[_Clause]) -> list[_Clause]:
    """Clauses naming no organization go last: the parser gives a phrase followed only by "and" the
    object of the next phrase ("founder and consultant of X"), so one must not precede a named one."""
    return [c for c in clauses if c.names_organization] + [c for c in clauses if not c.names_organization]


def _organizations(preposition: str, names: Sequence[str]) -> str:
    """ "from A", "from A and from B", "in A, and B", "from A, B, and C": the serial comma, and two names kept
    apart by a second "from" or by a comma, since "A and B" may read as one name ("Bill and Melinda Gates
    Foundation", "University of Oslo and Pfizer")."""
    # A university last: "University of Oslo, Pfizer" before the end of a list reads as a campus
    # ("University of California, San Francisco").
    names = sorted((_written(name) for name in dict.fromkeys(names)), key=lambda name: name.startswith("University"))
    if len(names) == 2:
        second = f"{preposition} {names[1]}" if preposition == "from" else names[1]
        return f"{preposition} {names[0]}{' ' if preposition == 'from' else ', '}and {second}"
    return f"{preposition} {_series(names)}"


def _written(name: str) -> str:
    """An organization's name with "&" for an "and" inside it ("Smith & Nephew"): the registry reads both
    the same, and no reader takes "Smith and Nephew" for two companies."""
    return name.replace(" and ", " & ")


def _series(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])}, and {items[-1]}"


def _declaring_nothing(declarations: Sequence[AuthorDeclaration]) -> str:
    """The ICMJE closing sentence on authors whose disclosure on file declares nothing.

    "The other authors" only when every author has a disclosure on file; otherwise they are named, so
    that an author with nothing on file is never said to declare nothing.
    """
    nothing = [author.name for author in declarations if author.declares_nothing]
    if not nothing:
        return ""
    everyone_on_file = all(author.on_file for author in declarations)
    if everyone_on_file and len(nothing) == len(declarations):
        return f"The author declares {NO_INTERESTS}." if len(nothing) == 1 else f"The authors declare {NO_INTERESTS}."
    if everyone_on_file and len(nothing) > 1:
        return f"The other authors declare {NO_INTERESTS}."
    verb = "declares" if len(nothing) == 1 else "declare"
    return f"{_series(nothing)} {verb} {NO_INTERESTS}."
