"""Which relation phrases of one sentence share an object or a subject: "X are shareholders and Y are
option holders in the company", "other from X including salary and stock options", "fees and other
honoraria from X"."""

from __future__ import annotations

from typing import Final

from .categories import Trigger
from .lists import is_filler
from .mentions import is_nameish, read_mentions
from .orgnames import is_company_form, is_name_token
from .state import ParseState
from .subjects import evaluate as evaluate_mentions
from .text import Tok, words

SUBJECT_JOINS: Final = words("and , while whereas but")


def after_name(state: ParseState, trig: Trigger, sa: int) -> bool:
    before = state.toks.before(trig.start, sa, 1)
    return bool(before) and is_name_token(before[0])


# Verbs that end a subject before its relation phrase ("... and CS are option holders").
SUBJECT_VERBS: Final = words(
    "are is was were has have had hold holds held received receives receive serve serves served own owns "
    "report reports reported also currently"
)


ROLE_LEAD: Final = words("a an the member members of one")


def mid_subjects(
    state: ParseState, triggers: list[Trigger], who: list[int | None]
) -> tuple[list[list[int | None]], list[tuple[int, int]]]:
    """ "EF and MM are shareholders and CS and KVP are option holders in the company": a new subject
    after "and" owns the ties from there on; its span is masked so the two ties share their object."""
    whos = [who] * len(triggers)
    spans: list[tuple[int, int]] = []
    for i in range(1, len(triggers)):
        tail = state.text[max(triggers[i - 1].end, triggers[i].start - 40) : triggers[i].start].lower().split()
        while tail and tail[-1] in ROLE_LEAD:
            tail.pop()  # "H.O.S. is a member of the board": the verb stands before the membership's words
        if SUBJECT_VERBS.isdisjoint(tail[-3:]):
            # "R Lee speaker fees BMS, M Rowe honoraria from X": a name after a comma, right before the phrase
            named = _listed_subject(state, triggers[i - 1].end, triggers[i].start)
            if named is not None:
                whos[i:] = [named[0]] * (len(triggers) - i)
                spans.append(named[1])
            continue  # otherwise the subject's verb stands right before the phrase
        seg = state.toks.between(triggers[i - 1].end, triggers[i].start)
        if len(seg) < 3:
            continue
        for p, tok in enumerate(seg):
            if tok.low not in SUBJECT_JOINS or p + 1 >= len(seg) or not is_nameish(seg[p + 1]):
                continue
            mentions, end = read_mentions(seg, p + 1)
            if end == p + 1 or end >= len(seg):
                continue
            group = evaluate_mentions(mentions, state.index, False, strict=True)
            if (group is None or group == [None]) and _own_clause(seg, p, end, mentions):
                # "CH receives fees from X, MB is Vice President of X": initials the byline does not
                # spell begin a clause of their own; its tie is nobody's we know, not the first subject's
                group = [None]
            elif group is None or group == [None] or not (is_filler(seg[end:]) or _verb_then_words(seg[end:])):
                continue
            whos[i:] = [group] * (len(triggers) - i)
            spans.append((seg[p + 1].start, seg[end - 1].end))
            break
    return whos, spans


CLAUSE_VERBS: Final = words("is are was were has have had")


def _verb_then_words(rest: list[Tok]) -> bool:
    """ "... and P.M.A. has a research appointment with X": the new subject's verb, then words in lower case."""
    return rest[0].low in CLAUSE_VERBS and all(not t.cap for t in rest[1:])


def _own_clause(seg: list[Tok], p: int, end: int, mentions: list[list[Tok]]) -> bool:
    """Initials after a comma, right before "is"/"has": the subject of a clause of their own."""
    return (
        seg[p].text == ","
        and seg[end].low in CLAUSE_VERBS
        and seg[end - 1] is mentions[-1][-1]  # not "Neuvotion, LLC and is an inventor"
        and all(
            len(m) == 1 and 2 <= len(m[0].text) <= 4 and m[0].text.isupper() and not is_company_form(m[0])
            for m in mentions
        )
    )


def _listed_subject(state: ParseState, a: int, b: int) -> tuple[list, tuple[int, int]] | None:
    """Authors named between a comma and the relation phrase at `b`, and their span."""
    seg = state.toks.between(a, b)
    if seg and seg[-1].text == "(":
        seg = seg[:-1]  # "JAS (consultancy: Pfizer), AL (grants: Bayer)": the author's ties in a bracket
    elif len(seg) > 2 and seg[-1].low == "who" and seg[-2].text == ",":
        seg = seg[:-2]  # "JAS, who is an employee of X, and AL, who consults for Y": the name before "who"
        if len(seg) > 2 and seg[-2].low == "and" and seg[-3].text == ",":
            seg = [*seg[:-2], seg[-1]]  # ", and AL": the list's comma before the name
    p = len(seg) - 1
    while p >= 0 and seg[p].text not in (",", ";"):
        p -= 1
    if p < 0 or p + 1 >= len(seg) or len(seg) - p > 6 or not is_nameish(seg[p + 1]):
        return None
    mentions, end = read_mentions(seg, p + 1)
    if end != len(seg):
        return None
    group = evaluate_mentions(mentions, state.index, False)
    if group is None or None in group:
        return None
    return group, (seg[p + 1].start, seg[-1].end)


DETAIL_WORDS: Final = words("including includes include namely incl. incl")


def detailed_other(state: ParseState, triggers: list[Trigger], results, sb: int) -> dict[int, int | None]:
    """ICMJE "other from Inovio including salary and stock options": the ties after "including" are
    what the "other" was, each with its company; the "other" itself is dropped (None)."""
    out: dict[int, int | None] = {}
    for i, trig in enumerate(triggers[:-1]):
        if trig.kind != "other" or not results[i][0]:
            continue
        nxt = triggers[i + 1].start
        between = state.toks.between(trig.end, nxt)
        if not between or between[-1].low not in DETAIL_WORDS:
            continue
        k = i + 1
        while k < len(triggers) and not results[k][0]:
            out[k] = i
            k += 1
            end = triggers[k].start if k < len(triggers) else sb
            if not is_filler(state.toks.between(triggers[k - 1].end, end)):
                break  # "salary and stock options, outside the submitted work": the details end
        if k > i + 1:
            out[i] = None
    return out


# Words that make the stretch between two relation phrases an object or a clause of its own
# ("invented the implant and are shareholders in X").
OBJECT_WORDS: Final = words(
    "from by with to at in on of for via through who which that the a an are is was were has have had been "
    "be his her their its this these"
)


def names_nothing(vis: list[Tok]) -> bool:
    """ "consultant fees and other honoraria from X", "as well as proctoring fees from X": a few words
    between two relation phrases that name nothing, so both phrases share the object that follows."""
    return len(vis) <= 5 and not any(is_name_token(t) or t.low in OBJECT_WORDS or t.text[0].isdigit() for t in vis)
