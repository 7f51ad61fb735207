"""Split a long alternation by the first letters a match can start with, so each position tries only the
alternatives that could match there (the trigger grammar has two dozen; a word starts at most a few).

The letters come from the regular-expression parser of the standard library. Where it is missing or a
pattern is beyond this reading (a class such as \\w at the start), the alternative is kept for every
key, so the split never changes what matches: only how many alternatives are tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

try:  # the parser behind re.compile; private, so its absence only turns the split off
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python versions
    _parser = _c = None  # type: ignore[assignment]

ANY = None  # "a match may start with anything"
_MAX_RANGE = 64
_MAX_STRINGS = 4096
WORD_LETTERS = 8  # how many of a word's letters `PrefixDispatch.pattern_for_word` compares


class _Unknown(Exception):
    """A pattern this reading does not follow; its alternative is kept everywhere."""


def leading_strings(pattern: str, flags: int = 0, length: int = 2, space: str | None = None) -> frozenset[str] | None:
    """The lower-case strings a match of `pattern` can start with, cut to `length` characters (shorter
    where a match can end sooner); None when that cannot be told. With `space`, that character stands for
    any white space (\\s) in the strings; without it, white space is beyond this reading."""
    if _parser is None:
        return ANY
    try:
        return frozenset(_sequence(_parsed(pattern, flags), length, space))
    except (_Unknown, re.error, RecursionError):
        return ANY


@lru_cache(maxsize=256)  # a pattern is read for several lengths; this reading never changes the tree
def _parsed(pattern: str, flags: int):
    return _parser.parse(pattern, flags)


def _join(heads: set[str], tails_of, length: int) -> set[str]:
    """Each head followed by what comes next, as far as `length` characters."""
    out: set[str] = set()
    for head in heads:
        if len(head) >= length:
            out.add(head)
            continue
        out.update(head + tail for tail in tails_of(length - len(head)))
    if len(out) > _MAX_STRINGS:
        raise _Unknown
    return out


def _sequence(items, length: int, space: str | None) -> set[str]:
    strings = {""}
    for op, av in items:
        if all(len(s) >= length for s in strings):
            break
        strings = _join(strings, lambda room, op=op, av=av: _item(op, av, room, space), length)
    return strings


def _item(op, av, length: int, space: str | None) -> set[str]:
    if op is _c.LITERAL:
        return {chr(av).lower()}
    if op is _c.IN:
        return _charset(av, space)
    if op is _c.BRANCH:
        return set().union(*(_sequence(branch, length, space) for branch in av[1]))
    if op is _c.SUBPATTERN:
        return _sequence(av[-1], length, space)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av, length, space)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        found = {""} if low == 0 else set()
        current = {""}
        # Each repetition adds a character unless the body can match nothing; `length` rounds past the
        # minimum reach every string the repetition can start with.
        for count in range(1, min(high, max(low, 0) + length) + 1):
            current = _join(current, lambda room: _sequence(body, room, space), length)
            if count >= low:
                found |= current
        return found
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}  # zero-width: \b, lookahead, lookbehind
    raise _Unknown


def _charset(members, space: str | None) -> set[str]:
    letters: set[str] = set()
    for op, av in members:
        if op is _c.LITERAL:
            letters.add(chr(av).lower())
        elif op is _c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            letters.update(chr(code).lower() for code in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE and space is not None:
            letters.add(space)
        else:
            raise _Unknown  # a category (\w), a negated set or a wide range
    return letters


def with_first_letters(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern behind a look-ahead for the characters a match can start with, for a search of a
    long alternation: most positions are turned away by one test of a class instead of a try of every
    alternative. A pattern that heeds case gets the characters as written; otherwise they are read in lower
    case and the class ignores case (where the pattern heeds it in part, the class lets by a few more
    positions than its letters, never fewer). The pattern itself where the characters cannot be told, or a
    match may be empty."""
    exact = None if pattern.flags & re.IGNORECASE else first_characters(pattern.pattern, pattern.flags)
    if exact is not None:
        return re.compile(f"(?=[{''.join(re.escape(c) for c in sorted(exact))}])(?:{pattern.pattern})", pattern.flags)
    leads = leading_strings(pattern.pattern, pattern.flags, 1)
    if leads is ANY or not leads or any(len(s) != 1 for s in leads):
        return pattern
    letters = "".join(re.escape(c) for c in sorted(leads))
    return re.compile(f"(?=(?i:[{letters}]))(?:{pattern.pattern})", pattern.flags)


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, as written, for a pattern that heeds case; None
    when that cannot be told (a part that ignores case, a class such as \\w) or a match may be empty."""
    if _parser is None or flags & re.IGNORECASE:
        return None
    try:
        found, empty = _exact_sequence(_parsed(pattern, flags), False)
    except (_Unknown, re.error, RecursionError):
        return None
    return None if empty or not found else frozenset(found)


def _exact_sequence(items, ignore: bool) -> tuple[set[str], bool]:
    """(the characters a match of the sequence can start with, whether it can match nothing)."""
    found: set[str] = set()
    for op, av in items:
        chars, empty = _exact_item(op, av, ignore)
        found |= chars
        if not empty:
            return found, False
    return found, True


def _exact_item(op, av, ignore: bool) -> tuple[set[str], bool]:
    if op is _c.LITERAL and not ignore:
        return {chr(av)}, False
    if op is _c.IN and not ignore:
        chars: set[str] = set()
        for member, value in av:
            if member is _c.LITERAL:
                chars.add(chr(value))
            elif member is _c.RANGE and value[1] - value[0] <= _MAX_RANGE:
                chars.update(chr(code) for code in range(value[0], value[1] + 1))
            else:
                raise _Unknown  # a category (\w), a negated set or a wide range
        return chars, False
    if op is _c.BRANCH:
        chars, empty = set(), False
        for branch in av[1]:
            more, can_be_empty = _exact_sequence(branch, ignore)
            chars |= more
            empty = empty or can_be_empty
        return chars, empty
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, items = av
        return _exact_sequence(items, (ignore or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _exact_sequence(av, ignore)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _, body = av
        chars, empty = _exact_sequence(body, ignore)
        return chars, empty or low == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero-width: what follows it starts the match
    raise _Unknown


class PrefixDispatch:
    """An alternation split by the first `length` lower-case characters of the text at a position."""

    def __init__(self, alternatives: Iterable[str], flags: int = 0, length: int = 2) -> None:
        alternatives = list(alternatives)
        self.length = length
        leads = [leading_strings(alt, flags, length) for alt in alternatives]
        # Alternatives whose start is unknown, or that can match in fewer characters, are tried at every key.
        everywhere = [lead is ANY or any(len(s) < length for s in lead) for lead in leads]
        keys = sorted({s for lead in leads if lead is not ANY for s in lead if len(s) == length})
        self._table: dict[str, re.Pattern[str] | None] = {}
        self._chosen: dict[str, list[int]] = {}
        for key in keys:
            chosen = [k for k, (lead, wide) in enumerate(zip(leads, everywhere, strict=True)) if wide or key in lead]  # type: ignore[operator]
            self._chosen[key] = chosen
            self._table[key] = re.compile("|".join(alternatives[k] for k in chosen), flags)
        rest = [k for k, wide in enumerate(everywhere) if wide]
        self._rest_chosen = rest
        self._rest = re.compile("|".join(alternatives[k] for k in rest), flags) if rest else None
        self._all = re.compile("|".join(alternatives), flags)
        self._alternatives, self._flags = alternatives, flags
        self._leads: dict[tuple[int, int], frozenset[str] | None] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    def pattern_for(self, low: str) -> re.Pattern[str] | None:
        """The alternation to try where the text, lower-cased, starts with `low` (None: nothing can match)."""
        if len(low) < self.length:
            return self._all
        return self._table.get(low[: self.length], self._rest)

    def pattern_for_word(self, low: str) -> re.Pattern[str] | None:
        """The alternation to try at a word whose text, lower-cased, is `low`: of `pattern_for(low)`, only
        the alternatives that can start with the word's first letters (up to WORD_LETTERS of them), so
        a word no alternative can start with ("competing" among the "co" ones) tries none.

        Only for an ASCII word, where ignoring case is comparing lower case letter by letter."""
        if len(low) <= self.length or not low.isascii():
            return self.pattern_for(low)
        head = low[:WORD_LETTERS]
        candidates = self._chosen.get(low[: self.length], self._rest_chosen)
        chosen = tuple(k for k in candidates if self._may_start(k, head))
        pattern = self._compiled.get(chosen, ANY)
        if pattern is ANY:
            pattern = re.compile("|".join(self._alternatives[k] for k in chosen), self._flags) if chosen else None
            if len(self._compiled) < _MAX_STRINGS:
                self._compiled[chosen] = pattern
        return pattern

    def _may_start(self, k: int, head: str) -> bool:
        """Whether a match of alternative `k` can start with `head` (lower case), as far as its first
        letters can be told (a class such as \\w after a few letters ends what is known)."""
        for n in range(len(head), self.length - 1, -1):
            leads = self._leads.get((k, n), ANY)
            if leads is ANY and (k, n) not in self._leads:
                # a word holds no white space, so a string with any ("patent\\s+") is not this word's
                leads = self._leads[(k, n)] = leading_strings(self._alternatives[k], self._flags, n, space=" ")
            if leads is not ANY:
                start = head[:n]
                # a string shorter than n letters is a match that may end there
                return any(s == start or (len(s) < n and start.startswith(s)) for s in leads)
        return True
