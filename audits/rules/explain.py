"""Words for findings: how a tie, a list and a date read in a sentence."""

from collections.abc import Iterable
from datetime import date

from registry.enums import InterestCategory

# How each kind of tie reads, and the word that joins it to the organization.
TIE_PHRASES = {
    InterestCategory.MANUSCRIPT_SUPPORT: ("support for the manuscript", "from"),
    InterestCategory.GRANTS: ("grants", "from"),
    InterestCategory.ROYALTIES: ("royalties or licence income", "from"),
    InterestCategory.CONSULTING: ("consultancy fees", "from"),
    InterestCategory.LECTURES: ("lecture fees or honoraria", "from"),
    InterestCategory.EXPERT_TESTIMONY: ("expert testimony fees", "from"),
    InterestCategory.TRAVEL: ("travel support", "from"),
    InterestCategory.PATENTS: ("patents", "with"),
    InterestCategory.ADVISORY_BOARD: ("an advisory board seat", "at"),
    InterestCategory.LEADERSHIP: ("a board or leadership role", "at"),
    InterestCategory.STOCK: ("shares or stock options", "in"),
    InterestCategory.GIFTS: ("equipment, materials or gifts", "from"),
    InterestCategory.OTHER: ("another tie", "to"),
    InterestCategory.EMPLOYMENT: ("employment", "at"),
    InterestCategory.FOUNDER: ("a founder role", "at"),
}

# Ties that are ownership or a stake in the organization's fortunes.
EQUITY_CATEGORIES = frozenset({InterestCategory.STOCK, InterestCategory.FOUNDER, InterestCategory.EMPLOYMENT})

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}


def tie_phrase(category: str) -> str:
    return TIE_PHRASES.get(category, (category, "with"))[0]


def describe_tie(category: str, counterparty: str, *, named: bool = True) -> str:
    """'consultancy fees from BMS'; for an unnamed counterparty, 'shares or stock options (a clinic ...)'."""
    phrase, preposition = TIE_PHRASES.get(category, (category, "with"))
    return f"{phrase} {preposition} {counterparty}" if named else f"{phrase} ({counterparty})"


def join_words(words: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = [w for w in words if w]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def number_word(n: int) -> str:
    return NUMBER_WORDS.get(n, str(n))


def quoted(title: str) -> str:
    return f"“{title}”"


def day(value: date) -> str:
    return value.isoformat()


_CATEGORY_ORDER = {value: index for index, value in enumerate(InterestCategory.values)}


def ordered_categories(categories: Iterable[str]) -> list[str]:
    """Categories in the ICMJE item order, so sentences read the same each run."""
    return sorted(set(categories), key=lambda c: _CATEGORY_ORDER.get(c, 99))


def category_order(interest) -> tuple[int, int]:
    """Sort key for interests: ICMJE item order, then record id."""
    return _CATEGORY_ORDER.get(interest.category, 99), interest.id
