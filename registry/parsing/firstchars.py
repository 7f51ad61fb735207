"""Split a long alternation by the first letters a match can start with, so each position tries only the
alternatives that could match there (the trigger grammar has two dozen; a word starts at most a few).

The letters come from the regular-expression parser of the standard library. Where it is missing or a
pattern is beyond this reading (a class such as \\w at the start), the alternative is kept for every
key, so the split never changes what matches: only how many alternatives are tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # the parser behind re.compile; private, so its absence only turns the split off
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - other Python versions
    _parser = _c = None  # type: ignore[assignment]

ANY = None  # "a match may start with anything"
_MAX_RANGE = 64
_MAX_STRINGS = 4096


class _Unknown(Exception):
    """A pattern this reading does not follow; its alternative is kept everywhere."""


def leading_strings(pattern: str, flags: int = 0, length: int = 2) -> frozenset[str] | None:
    """The lower-case strings a match of `pattern` can start with, cut to `length` characters (shorter
    where a match can end sooner); None when that cannot be told."""
    if _parser is None:
        return ANY
    try:
        return frozenset(_sequence(_parser.parse(pattern, flags), length))
    except (_Unknown, re.error, RecursionError):
        return ANY


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


def _sequence(items, length: int) -> set[str]:
    strings = {""}
    for op, av in items:
        if all(len(s) >= length for s in strings):
            break
        strings = _join(strings, lambda room, op=op, av=av: _item(op, av, room), length)
    return strings


def _item(op, av, length: int) -> set[str]:
    if op is _c.LITERAL:
        return {chr(av).lower()}
    if op is _c.IN:
        return _charset(av)
    if op is _c.BRANCH:
        return set().union(*(_sequence(branch, length) for branch in av[1]))
    if op is _c.SUBPATTERN:
        return _sequence(av[-1], length)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(av, length)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, body = av
        found = {""} if low == 0 else set()
        current = {""}
        # Each repetition adds a character unless the body can match nothing; `length` rounds past the
        # minimum reach every string the repetition can start with.
        for count in range(1, min(high, max(low, 0) + length) + 1):
            current = _join(current, lambda room: _sequence(body, room), length)
            if count >= low:
                found |= current
        return found
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}  # zero-width: \b, lookahead, lookbehind
    raise _Unknown


def _charset(members) -> set[str]:
    letters: set[str] = set()
    for op, av in members:
        if op is _c.LITERAL:
            letters.add(chr(av).lower())
        elif op is _c.RANGE and av[1] - av[0] <= _MAX_RANGE:
            letters.update(chr(code).lower() for code in range(av[0], av[1] + 1))
        else:
            raise _Unknown  # a category (\w), a negated set or a wide range
    return letters


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
        for key in keys:
            chosen = [
                alt for alt, lead, wide in zip(alternatives, leads, everywhere, strict=True) if wide or key in lead
            ]
            self._table[key] = re.compile("|".join(chosen), flags)
        rest = [alt for alt, wide in zip(alternatives, everywhere, strict=True) if wide]
        self._rest = re.compile("|".join(rest), flags) if rest else None
        self._all = re.compile("|".join(alternatives), flags)

    def pattern_for(self, low: str) -> re.Pattern[str] | None:
        """The alternation to try where the text, lower-cased, starts with `low` (None: nothing can match)."""
        if len(low) < self.length:
            return self._all
        return self._table.get(low[: self.length], self._rest)
