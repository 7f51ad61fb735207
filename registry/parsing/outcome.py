"""The end of a parse: whom a no-conflict sentence covers, and the items and authors a statement gives."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

import numpy as np
from rapidfuzz import fuzz, process

from .nameshapes import named_beside
from .nothing import DECLARED_BY_RE, icmje_closing, no_other, says_others
from .orgnames import norm
from .result import ParsedItem, ParseResult
from .state import DraftItem, ParseState
from .subjects import scan_subject

# The authors a no-conflict phrase speaks for, named after it: "None declared for the other authors".
OTHERS_AFTER_RE: Final = re.compile(
    r"[^.;]{0,40}?\b(?:for|by|from)\s+(?:all\s+)?(?:the\s+)?(?:other|remaining)\s+(?:co-?)?authors\b", re.IGNORECASE
)


EXCEPTION_BEFORE_RE: Final = re.compile(
    r"\b(?:with\s+the\s+exception\s+of|except(?:\s+for)?|apart\s+from|other\s+than)\s", re.IGNORECASE
)


def none_scope(state: ParseState, sa: int, pos: int, current, label) -> tuple[str, list[int | None]]:
    text = state.text
    if says_others(text, sa, pos) or icmje_closing(text, pos):
        return "others", []
    if OTHERS_AFTER_RE.match(text, pos):
        return "others", []  # "None declared for the other authors."
    subj = scan_subject(text, state.toks.between(sa, pos), pos, state.index)
    if subj.kind == "persons":
        if EXCEPTION_BEFORE_RE.search(text, sa, pos):
            # "With the exception of JAS, who has received fees from X, the authors declare no competing
            # interests": the persons named are the exception, the others declare nothing
            return "others", []
        return "authors", subj.authors
    by = DECLARED_BY_RE.match(text, pos)
    if by is not None:
        end = text.find(".", by.end() + 3)
        end = len(text) if end < 0 else end + 1  # "by AC and MMH.": the dot may end the last initials' token
        toks = state.toks.between(by.end(), end)
        named = scan_subject(text, toks, len(text), state.index)
        if named.kind == "persons":
            return "authors", named.authors
        # "disclosed by A. H-W.": initials written with a space between their parts
        spaced = state.index.by_initials("".join(t.text for t in toks)) if 1 < len(toks) <= 4 else None
        if spaced is not None:
            return "authors", [spaced]
    if subj.kind == "all":
        return "all", []
    if subj.kind in ("pronoun", "author") and (current or state.single):
        return "authors", list(current or [0])
    if subj.kind == "author" or label:
        return ("authors", list(label)) if label else ("all", [])
    if no_other(text, pos) and not label:
        return "no_other", []
    return "subjectless", list(current or [])


def finish(state: ParseState) -> ParseResult:
    index = state.index
    items = _dedupe(_joined_as_elsewhere(state.items, state.text) if " and " in state.text else state.items)
    if any(it.org is None for it in items):
        items = named_beside(items, state.text)
    with_items = {it.author for it in items if it.author is not None}
    everyone = index.all_authors()
    chosen: set[int] = set()
    for kind, group in state.nones:
        if kind == "others":
            chosen.update(i for i in everyone if i not in state.covered)
        elif kind == "no_other":
            # "No other interests are declared" speaks for the persons, not for a consortium in the byline
            chosen.update(i for i in everyone if i not in state.covered and not index.collab[i])
        elif kind == "all" or (kind == "subjectless" and not group and not with_items):
            chosen.update(everyone)
        elif kind == "subjectless" and state.single:
            chosen.add(0)
        else:
            chosen.update(i for i in group if i is not None)
    names = index.names
    declares = [names[i] for i in everyone if i in chosen and i not in with_items]
    parsed = []
    for it in items:
        author = names[it.author] if it.author is not None else None
        parsed.append(ParsedItem(author, it.category, it.org, it.payee, it.spec, it.span))  # type: ignore[arg-type]
    return ParseResult(declares, parsed, _variants(parsed), state.warnings)


def _joined_as_elsewhere(items: list[DraftItem], text: str) -> list[DraftItem]:
    """ "grants from Fisher and Paykel Ltd. ... and from Fisher and Paykel Healthcare": a one-word name and the
    name after its "and", read as two companies, are one when the statement names them as one elsewhere
    ("Fisher and Paykel" inside another organization's name)."""
    names = {it.org for it in items if it.org and " and " in it.org}
    if not names:
        return items
    drop: set[int] = set()
    joined: dict[int, str] = {}
    for k, first in enumerate(items):
        if not first.org or " " in first.org or k in drop:
            continue
        for j in range(k + 1, min(k + 40, len(items))):
            second = items[j]
            if (
                second.author != first.author
                or second.category != first.category
                or not second.org
                or f"{first.org} and {second.org}" not in text
            ):
                continue
            head = f"{first.org} and {second.org.split()[0]}"
            if any(n.startswith(head) and n != f"{first.org} and {second.org}" for n in names):
                joined[k] = f"{first.org} and {second.org}"
                drop.add(j)
                break
    if not joined:
        return items
    for k, name in joined.items():
        items[k].org = name
    return [it for k, it in enumerate(items) if k not in drop]


def _dedupe(items: list[DraftItem]) -> list[DraftItem]:
    seen, out = set(), []
    for it in items:
        key = (it.author, it.category, norm(it.org) if it.org else "")
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


def _variants(items: list[ParsedItem]) -> list[tuple[str, str]]:
    names = list(dict.fromkeys(it.organization for it in items if it.organization))[:200]
    if len(names) < 2:
        return []
    normed = [norm(name) for name in names]
    sizes = [len(n) for n in normed]
    if len(names) > MATRIX_FROM:
        return _variant_matrix(names, normed, sizes)
    ratio = fuzz.ratio
    pairs = []
    for i, a in enumerate(names):
        na, la = normed[i], sizes[i]
        for j in range(i + 1, len(names)):
            nb, lb = normed[j], sizes[j]
            if na == nb:
                pairs.append((a, names[j]))
                continue
            short, long = (la, lb) if la <= lb else (lb, la)
            # A ratio of 80 needs the shorter name to be at least 2/3 of the longer: skip the others.
            if short >= 4 and 3 * short >= 2 * long and ratio(na, nb) >= 80:
                pairs.append((a, names[j]))
    return pairs


# From this many names on, the pairs are scored in one call (rapidfuzz's cdist) rather than one by one: an
# ICMJE list of 90 companies has 4,000 pairs (below it the call costs more than the loop).
MATRIX_FROM: Final = 32


def _variant_matrix(names: list[str], normed: list[str], sizes: list[int]) -> list[tuple[str, str]]:
    """The pairs `_variants` finds, the same ones in the same order, from a matrix of ratios."""
    scores = process.cdist(normed, normed, scorer=fuzz.ratio, dtype=np.float64, workers=1)
    lengths = np.array(sizes)
    short = np.minimum.outer(lengths, lengths)
    long = np.maximum.outer(lengths, lengths)
    close = (scores >= 80) & (short >= 4) & (3 * short >= 2 * long)
    first: dict[str, int] = {}
    codes = np.array([first.setdefault(n, k) for k, n in enumerate(normed)])
    same = codes[:, None] == codes[None, :]
    rows, cols = np.nonzero(np.triu(same | close, k=1))  # row by row, as the loop goes
    return [(names[i], names[j]) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)]


def spelt_as_given(result: ParseResult, read: str, given: str) -> ParseResult:
    """The result with each organization spelt as in the statement given (its typographic hyphens back)."""

    def spelt(name: str | None) -> str | None:
        at = read.find(name) if name and "-" in name else -1
        return given[at : at + len(name)] if at >= 0 else name  # type: ignore[arg-type]

    items = [replace(it, organization=spelt(it.organization)) for it in result.items]
    variants = [(spelt(a), spelt(b)) for a, b in result.variants]
    return replace(result, items=items, variants=variants)  # type: ignore[arg-type]


def spans_before_removal(result: ParseResult, removed: list[tuple[int, int]]) -> ParseResult:
    """The result with each span moved back to the statement as given, where `removed` lists what reading
    left out (offset in the text read, length)."""

    def back(pos: int, end: bool = False) -> int:
        return pos + sum(length for at, length in removed if at < pos or (at == pos and not end))

    items = [replace(it, span=(back(it.span[0]), back(it.span[1], end=True))) for it in result.items]
    return replace(result, items=items)
