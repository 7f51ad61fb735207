"""Splitting the object of a relation phrase into organizations ("from A, B, and C"; "A; B")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .nameshapes import SPINOFF_WORDS, after_spinoff
from .orgnames import (
    AND_NAME_HEADS,
    BODY_HEADS,
    FAMILY_HEADS,
    FIELD_WORDS,
    WEAK_AND_HEADS,
    and_joins,
    clean_name,
    field_series,
    first_run,
    foreign_and,
    in_series,
    is_company_form,
    is_counterparty,
    is_name_token,
    possessive,
    run_from,
    trailing_name,
)
from .text import DOTTED_INITIALS_RE, INITIALS_RE, PERSON_VERBS, Tok, words

# "and" in English and in the languages whose statements take the same shapes ("von A und B", "de A y B").
AND_WORDS: Final = frozenset({"and", "und", "et", "y", "e"})
ITEM_SEPS: Final = frozenset({",", ";", "or"}) | AND_WORDS
# A capital "E" or "Y" is a letter of a name ("Vitamin E Society"), never "and".
# Words that may sit between chained relation phrases without naming anything:
# "founder, shareholder and consultant of", "employed by and hold shares in", "consultant on advisory boards".
FILLER: Final = words(
    "and or a an the has have had been is are was were also as member members of its on "
    "in at by for from with to participated received receives receive conducted serves served serving holds hold "
    "held own owns currently now being paid unpaid informal his her their including , ; / ( ) : - \u2013 a"
    # fees that say what for ("received honoraria for lecturing") leave only the second phrase
    " honoraria honorarium honorariums personal fees refund refunds reimbursement reimbursements"
    # and what they were paid for, named before another tie ("honoraria for speaking, and research funding from X",
    # "options granted for service on the Scientific Advisory Board of X")
    " speaking lecturing teaching granted service"
    # a degree says what a scholarship is for ("supported by a PhD scholarship from X")
    " phd ph.d. doctoral postdoctoral predoctoral"
)
# Words that end a listed name rather than continue it.
NOT_TAIL: Final = FILLER | words(
    "outside during regarding including unrelated which who that via since between related about over "
    "inc ltd respectively each all both other others various several until before after"
)
LEAD_WORDS: Final = words("from for of in with at by to on through via , : the a an")
PATENT_MARKERS: Final = (
    re.compile(r"\bon\s+behalf\s+of\b|\bassigned\s+to\b|\b(?:owned|held)\s+by\b", re.IGNORECASE),
    re.compile(r"\bby\b", re.IGNORECASE),
)


@dataclass(slots=True, init=False)
class Org:
    name: str
    start: int
    end: int

    # __init__ written out: the one dataclass writes runs as Python even where mypyc compiles the class
    def __init__(self, name: str, start: int, end: int) -> None:
        self.name = name
        self.start = start
        self.end = end


def visible(text: str, toks: list[Tok], masked: list[tuple[int, int]]) -> list[Tok]:
    """Tokens outside parentheses, quotes (a title: "royalties for the book \u201cMusic and the Brain\u201d") and
    masked spans (payee phrases, person mentions)."""
    if not toks:
        return toks
    span = text[toks[0].start : toks[-1].end]
    if not masked and "(" not in span and ")" not in span and "\u201c" not in span and "[" not in span:
        return toks  # a bracket is always a token of its own, so the text tells
    out, depth, quoted = [], 0, False
    for t in toks:
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth = max(0, depth - 1)
        elif t.text in ("\u201c", "\u201d"):
            quoted = t.text == "\u201c"
        elif depth == 0 and not quoted:
            start = t.start
            for a, b in masked:
                if a <= start < b:
                    break  # masked
            else:
                out.append(t)
    return out


def is_filler(toks: list[Tok]) -> bool:
    return all(t.low in FILLER for t in toks)


def split_items(toks: list[Tok]) -> list[list[Tok]]:
    items: list[list[Tok]] = [[]]
    series_end = -1  # "Secretariat for Education, Research and Innovation": fields listed inside one name
    for pos, t in enumerate(toks):
        if pos < series_end:
            items[-1].append(t)
            continue
        low = t.low
        if low not in ITEM_SEPS:  # the common case: a word of an item
            items[-1].append(t)
            continue
        if low == "," and items[-1] and in_series(items[-1][-1].low):
            series_end = field_series(toks, pos, items[-1])
            if series_end > pos:
                items[-1].append(t)
                continue
        sep = low in ("and", ",", ";", "or") or t.text == low
        joined = low in AND_WORDS and (
            (pos and toks[pos - 1].text == "-")
            or (low != "and" and foreign_and(toks, pos, items[-1]))
            or _inside_name(toks, pos, items[-1], listed=_listed_before(items))
            or (low == "and" and _and_in_listed_item(toks, pos, items))
        )
        if sep and not joined:  # "Intensiv- und Notfallmedizin": a word completed after "and"
            if items[-1]:
                items.append([])
        else:
            items[-1].append(t)
    return [it for it in items if it]


def _and_in_listed_item(toks: list[Tok], pos: int, items: list[list[Tok]]) -> bool:
    """ "from Fisher and Paykel Healthcare, Smith and Nephew, Abbott and Pfizer": a list joins its items with
    commas and only its last with "and", so an "and" between two names inside an item the list goes on after
    belongs to a name (after the list's own "and" it stays ambiguous: "..., and Pfizer and Novartis"). Two
    names of a word or two each, neither an acronym nor a company with its form."""
    item = items[-1][_lead(items[-1]) :]
    if not item or len(item) > 3 or not all(t.cap and not t.text.isupper() for t in item):
        return False
    if any(is_company_form(t) for t in item):
        return False
    end = pos + 1 + _short_name(toks, pos + 1)
    if end == pos + 1 or is_company_form(toks[end - 1]):
        return False  # "Regeneron and Pfizer Inc": the form belongs to the last of two companies
    if any(t.low in BODY_NAME_HEADS for t in (*item, *toks[pos + 1 : end])):
        return False  # "Gates Foundation and Wellcome Trust": each a body's whole name
    return end < len(toks) and toks[end].low == "," and _list_goes_on(toks, end + 1)


BODY_NAME_HEADS: Final = AND_NAME_HEADS | WEAK_AND_HEADS | FAMILY_HEADS | BODY_HEADS


def _described(item: list[Tok], start: int) -> bool:
    """Whether the item opens with lower-case words of a description and its first name comes after a
    relative pronoun inside it ("companies that make medicines to treat COPD")."""
    k = _lead(item)
    if k >= start or not item[k].text[:1].islower() or item[k].low in FILLER:
        return False
    return any(t.low in ("that", "which", "who") for t in item[k:start])


# What a list may say of some of its sources without naming them, and the capitalised words it may say it with.
GENERIC_SOURCES: Final = words(
    "bodies organizations organisations companies agencies foundations institutions sources funders charities "
    "entities sponsors governments firms manufacturers"
)
GENERIC_CAPS: Final = words(
    "national international local federal state government governmental private public charitable various "
    "several other multiple regional non-profit nonprofit academic pharmaceutical industrial"
)


def _without_generic_sources(toks: list[Tok]) -> list[Tok]:
    """ "from National and International government and charitable bodies, Roche Diagnostics and Medtronic":
    sources described before the ones named; the list goes on with the named ones."""
    comma = next((c for c in range(min(len(toks), 12)) if toks[c].text == ","), None)
    if comma is None or comma + 1 >= len(toks) or toks[comma - 1].low not in GENERIC_SOURCES:
        return toks  # the common case: no described sources before a comma
    k = _lead(toks)
    if comma - k < 2:
        return toks
    if not all(not t.cap or t.low in GENERIC_CAPS for t in toks[k:comma]):
        return toks
    return toks[:k] + toks[comma + 1 :]


def _lead(item: list[Tok]) -> int:
    """How many words before an item's name say where it comes from ("from the")."""
    k = 0
    while k < len(item) - 1 and (item[k].low in NEW_SOURCE_WORDS or item[k].low == "the"):
        k += 1
    return k


def _names_joined(item: list[Tok]) -> tuple[int, int] | None:
    """The range of an item's capitalised words around an "and" the list joined ("from Smith and Nephew")."""
    k = _lead(item)
    name = item[k:]
    if 3 <= len(name) <= 6 and any(t.low == "and" for t in name) and all(t.cap or t.low == "and" for t in name):
        return k, len(item)
    return None


def _short_name(toks: list[Tok], i: int) -> int:
    """How many words (one or two, capitalised, no acronym) the name at toks[i] has; 0 if none starts there."""
    k = 0
    while k < 2 and i + k < len(toks) and toks[i + k].cap and toks[i + k].low not in ITEM_SEPS:
        if toks[i + k].text.isupper() and len(toks[i + k].text) > 1:
            return 0
        k += 1
    nxt = toks[i + k] if i + k < len(toks) else None
    return 0 if nxt is not None and nxt.cap else k  # a longer name is read by the other rules


def _list_goes_on(toks: list[Tok], i: int) -> bool:
    """Whether names separated by commas follow from toks[i] and the list closes with "and" before a name."""
    for _ in range(40):
        if i < len(toks) and toks[i].low == "and":
            return i + 1 < len(toks) and is_name_token(toks[i + 1])
        if i >= len(toks) or not is_name_token(toks[i]):
            return False
        i = run_from(toks, i)
        if i < len(toks) and toks[i].low == "and":
            continue
        if i >= len(toks) or toks[i].low != ",":
            return False
        i += 1
    return False


def _listed_before(items: list[list[Tok]]) -> bool:
    """Whether the item being read follows others in the same list ("from A and from B" starts a new one)."""
    return len(items) > 1 and not (items[-1] and items[-1][0].low in NEW_SOURCE_WORDS)


def _inside_name(toks: list[Tok], pos: int, item: list[Tok], listed: bool = False) -> bool:
    """ "from the Laura and John Arnold Foundation": this "and" joins two parts of one name.

    At the end of a list ("Eli Lilly and Company, Regeneron and Pfizer Inc") the "and" closes the list:
    two one-word names there are two companies, the company form belonging to the last."""
    after = toks[pos + 1 : pos + 15]
    if not after or not is_name_token(after[0]):
        return False
    if pos and toks[pos].start - toks[pos - 1].end > 3:
        return False  # "Program of China (2018YFC0910500) and Neil Shen's Fund": a bracket closed the name
    left, right = trailing_name(item), after[: run_from(after, 0)]
    if listed and len(left) == 1 and len(right) == 2 and is_company_form(right[1]):
        return False
    the = len(item) >= 2 and len(left) == 1 and item[-2].low == "the"
    return and_joins(left, right, after_the=the)


def organizations(text: str, toks: list[Tok], is_person, unit_in_org: bool = False) -> list[Org]:
    """Names listed in a relation's object; the list ends at the first appositive or new clause.

    After a heading ("Research grants: Pulsus foundation, Finnish society of cardiology") each item is
    a whole name, lower-case words included."""
    orgs: list[Org] = []
    heading = bool(toks) and toks[0].text == ":"
    items = split_items(toks[1:] if heading else _without_generic_sources(toks))
    if heading:
        whole = [item for item in items if _whole_name(item)]
        if len(whole) == len(items):
            for item in whole:
                if orgs and len(item) == 1 and is_company_form(item[0]):
                    orgs[-1] = _extend(text, orgs[-1], item)  # "BioXcel Therapeutics, Inc."
                elif not is_person(item):
                    orgs.append(Org(clean_name(text, item), item[0].start, item[-1].end))
            return orgs
    closed = False
    places = _places(items)
    for pos, item in enumerate(items):
        if pos in places:
            continue
        if not closed and _titled_company(item):
            orgs.append(Org(clean_name(text, item), item[0].start, item[-1].end))
            continue
        if closed or (orgs and (_ends_list(item) or _clause(item))):
            # A closed list goes on with another "from" ("from A to develop X, from B to ...").
            if not _from_name(item):
                closed = True
                continue
            closed = False
        elif orgs and _national_company(item):
            orgs[-1] = _extend(text, orgs[-1], item)  # "Lundbeck, Australia Pty Ltd": the company's branch there
            continue
        elif orgs and is_company_form(item[0]):
            orgs[-1] = _extend(text, orgs[-1], item[:1])
            if len(item) > 1:
                closed = True  # "Olana Technologies, Inc. which produced ...": the name ends with its company form
            continue
        if orgs and _campus_item(orgs[-1], items, pos) and text[orgs[-1].end : item[0].start].strip() == ",":
            orgs[-1] = _extend(text, orgs[-1], item)
            continue
        if len(item) > 2 and any(t.low in SPINOFF_WORDS for t in item):
            item = after_spinoff(item)
        rng = _names_joined(item) or first_run(item)
        if rng is not None and _described(item, rng[0]):
            rng = None  # "from pharmaceutical companies that make medicines to treat COPD": no one is named
        if rng is None:
            closed = bool(orgs)
            continue
        rng = _department(item, rng) if unit_in_org else rng
        run = item[rng[0] : rng[1]]
        if run[0].low == "the":
            run = run[1:]
        rest = item[rng[1] :]
        # "... Intensiv- und Notfallmedizin (DGIIN)": the name's own abbreviation in brackets after its tail
        bracket = _abbreviation_after(rest)
        tail = rest[:bracket]
        if run and _name_tail(tail) and (_listed(items, pos) or any(t.low in FOREIGN_PARTICLES for t in tail)):
            # "ADHS digital, Infectopharm, ...": a lower-case word ends a listed name
            run, rest = run + tail, rest[bracket:]
        if run and all(is_company_form(t) for t in run):
            run = _written_small(items, pos, item, rng[0]) + run
        if run and is_counterparty(run) and not is_person(run):
            orgs.append(Org(clean_name(text, run), run[0].start, run[-1].end))
        if (
            rest
            and not all(t.low in FILLER for t in rest)
            and not (len(rest) == 2 and _is_country(rest))
            and not _channel(rest)
        ):
            closed = True  # trailing words ("Merck on issues regarding ...") close the list, a country does not
            # ("TEVA the Netherlands, Novartis and Pfizer")
    return orgs


def _written_small(items: list[list[Tok]], pos: int, item: list[Tok], start: int) -> list[Tok]:
    """ "biotx.ai GmbH", "neurocare group AG", "nference, Inc": a company whose name is written in lower case
    comes before its company form, in the same item or as the item before."""
    before = item[:start]
    k = len(before)
    while k and len(before) - k < 3 and before[k - 1].text[0].islower() and before[k - 1].low not in FILLER:
        k -= 1
    if k < len(before):
        return before[k:]
    if start or not pos:
        return []
    prev = items[pos - 1]
    while prev and prev[0].low in FILLER:
        prev = prev[1:]  # "from nference, Inc"
    if 0 < len(prev) <= 2 and all(t.text[0].islower() and t.low not in FILLER for t in prev):
        return prev
    return []


# Lower-case words inside names in other languages ("Fonds de la recherche en santé").
FOREIGN_PARTICLES: Final = words("de la le du des di da en für und y i et del della do dos das der von")
HEADING_INNER: Final = words("of for and & the de la du der")


def _whole_name(item: list[Tok]) -> bool:
    """A short item that starts with a name and holds only words ("Finnish society of cardiology")."""
    if not 0 < len(item) <= 7 or not is_name_token(item[0]):
        return False
    return all(t.low in HEADING_INNER or (t.text[0].isalnum() and t.low not in NOT_TAIL) for t in item)


US_STATES: Final = words(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
    "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)


COUNTRIES: Final = words(
    "uk u.k. usa u.s.a. us u.s. england scotland wales ireland switzerland germany france italy spain portugal "
    "netherlands belgium luxembourg austria denmark sweden norway finland iceland poland hungary greece israel "
    "japan china korea taiwan singapore india australia canada brazil mexico argentina chile "
    "czechia slovakia slovenia croatia serbia romania bulgaria estonia latvia lithuania ukraine russia turkey "
    "egypt iran pakistan thailand malaysia vietnam indonesia philippines colombia peru uruguay nigeria kenya "
    "ghana qatar uae"
)
# Two-letter country codes, a place only after a town at the end of a list ("Agendia NV, Amsterdam, NL").
COUNTRY_CODES: Final = words("NL DE FR CH IT ES SE DK BE AT NO FI JP CN AU IE IL KR BR PL PT GR NZ SG IN HU CZ")
# US states and Canadian provinces written out ("Pfizer, New York"; "Vaxco, Massachusetts"): a place after a
# company, but never the country that makes the name before it a town.
STATES: Final = words(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho "
    "illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota "
    "mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah "
    "vermont virginia washington wisconsin wyoming ontario quebec alberta"
)
COUNTRY_PAIRS: Final = words(
    "united_kingdom united_states new_zealand south_korea south_africa the_netherlands czech_republic hong_kong "
    "saudi_arabia"
)
PAIR_FIRSTS: Final = frozenset(p.split("_")[0] for p in COUNTRY_PAIRS) | {
    "new",
    "north",
    "south",
    "west",
    "rhode",
    "british",
}
STATE_PAIRS: Final = words(
    "new_york new_jersey new_mexico new_hampshire north_carolina south_carolina north_dakota south_dakota "
    "west_virginia rhode_island british_columbia"
)


def _is_country(item: list[Tok], singles: frozenset[str] = COUNTRIES, pairs: frozenset[str] = COUNTRY_PAIRS) -> bool:
    """A country alone, or followed by words that close the list ("Sanofi, Switzerland outside of the work")."""
    first = item[0]
    n = len(item)
    if first.cap and first.low.rstrip(".") in singles:
        return n == 1 or _closing(item, 1)
    if n >= 2 and first.low in PAIR_FIRSTS and f"{first.low}_{item[1].low.rstrip('.')}" in pairs:
        return n == 2 or _closing(item, 2)
    return False


def _national_company(item: list[Tok]) -> bool:
    """A country and company forms alone ("Australia Pty Ltd"): the national company of the name before."""
    if len(item) < 2 or not is_company_form(item[-1]):
        return False  # most items end with a name, not a company form
    k = next((k for k, t in enumerate(item) if is_company_form(t)), 0)
    return k > 0 and all(is_company_form(t) for t in item[k:]) and _is_country(item[:k])


def _closing(item: list[Tok], k: int) -> bool:
    """Whether the words from item[k] on are lower-case words or signs that close a list."""
    return all(t.text[0].islower() or not t.text[0].isalnum() for t in item[k:])


def _places(items: list[list[Tok]]) -> set[int]:
    """Items that say where a company is: a town and a US state ("IDEXX Laboratories, Westbrook, ME"), a
    country, or a town and a country at the end of the list ("Watermeadow Medical, Witney, UK")."""
    if len(items) < 2:
        return set()  # a lone item is the name itself
    found = _countries(items)
    if len(items) < 3 or not any(len(item[0].text) <= 3 and item[0].text.isupper() for item in items[2:]):
        return found
    for pos in range(1, len(items) - 1):
        town, state = items[pos], items[pos + 1]
        lone = len(state) == 1 or not is_name_token(state[1])  # "ME within the past 3 years"
        is_town = 0 < len(town) <= 2 and all(is_name_token(t) for t in town)
        if lone and is_town and state[0].text.rstrip(".") in US_STATES:
            found.update((pos, pos + 1))
    return found


def _countries(items: list[list[Tok]]) -> set[int]:
    found: set[int] = set()
    for pos in range(1, len(items)):
        if _is_code(items, pos):
            found.update((pos - 1, pos))
            continue
        if not _is_country(items[pos]):
            if _is_country(items[pos], STATES, STATE_PAIRS):
                found.add(pos)
            continue
        found.add(pos)
        town = items[pos - 1]
        last = pos + 1 == len(items) or not is_name_token(items[pos + 1][0])
        if pos >= 2 and last and 0 < len(town) <= 2 and all(is_name_token(t) for t in town) and pos - 2 not in found:
            found.add(pos - 1)  # not "Sanofi, Denmark and Novartis, Switzerland": a name after a country
    return found


def _is_code(items: list[list[Tok]], pos: int) -> bool:
    """A country code closing the list after a town: "..., Amsterdam, NL"."""
    item = items[pos]
    if pos < 2 or item[0].text.rstrip(".") not in COUNTRY_CODES or not (len(item) == 1 or _closing(item, 1)):
        return False
    town = items[pos - 1]
    last = pos + 1 == len(items) or not is_name_token(items[pos + 1][0])
    return last and 0 < len(town) <= 2 and all(is_name_token(t) for t in town)


def _listed(items: list[list[Tok]], pos: int) -> bool:
    """Whether a name follows in the list after item `pos`."""
    return pos + 1 < len(items) and is_name_token(items[pos + 1][0])


def _channel(rest: list[Tok]) -> bool:
    """ "Mary Ann and Stanley Snider via Combined Jewish Philanthropies, Harmony Biosciences, ...": the way a
    listed gift came names no tie of its own and does not end the list."""
    return len(rest) >= 2 and rest[0].low == "via" and all(is_name_token(t) for t in rest[1:])


def _abbreviation_after(rest: list[Tok]) -> int:
    """Where the end of a name's tail is: before a closing bracket of capitals ("(DGIIN)") and the punctuation
    after it."""
    n = len(rest)
    while n and rest[n - 1].text in (".", ",", ";"):
        n -= 1  # the sentence's or the list's own punctuation
    if n >= 3 and rest[n - 1].text == ")" and rest[n - 3].text == "(" and rest[n - 2].text.isupper():
        return n - 3
    return n


def _name_tail(rest: list[Tok]) -> bool:
    """Words that may end a name inside a list ("ADHS digital", "Daimler und Benz Stiftung", "Institut
    d'investigacions Biomediques"): a few words, none of them one that starts a clause or a phrase."""
    return 0 < len(rest) <= 6 and all(t.text == "-" or (t.text[0].isalpha() and t.low not in NOT_TAIL) for t in rest)


# Words that start a new source or party inside one list ("from A, and from B"; "with A, Boston, and with B").
NEW_SOURCE_WORDS: Final = words("from with by to")


def _from_name(item: list[Tok]) -> bool:
    """ "from the FDA", "from Medtronic", "and with Sparks Therapeutics": a new source in the same list."""
    if item[0].low not in NEW_SOURCE_WORDS or len(item) < 2:
        return False
    k = 2 if item[1].low == "the" else 1
    return k < len(item) and is_name_token(item[k])


def _department(item: list[Tok], rng: tuple[int, int]) -> tuple[int, int]:
    """ "Head of Oncology in Novartis Institutes ...": the organization is the one after "in"/"at"."""
    j = rng[1]
    if j + 1 < len(item) and item[j].low in ("in", "at") and is_name_token(item[j + 1]):
        k = j + 1
        return k, run_from(item, k)
    # "Director of Research for Survivor Corps": a field before "for" names the unit, the body follows
    k = rng[0]
    while k < j and item[k].low in FIELD_WORDS:
        k += 1
    if rng[0] < k < j - 1 and item[k].low in ("for", "at", "in") and is_name_token(item[k + 1]):
        return k + 1, j
    return rng


def _extend(text: str, org: Org, item: list[Tok]) -> Org:
    """ "Vutara" + ", Inc." or "University of California" + ", San Francisco": one name as written."""
    name = clean_name(text, [Tok(org.start, org.start + 1, text[org.start]), item[-1]])
    return Org(name, org.start, item[-1].end)


def _campus_item(org: Org, items: list[list[Tok]], pos: int) -> bool:
    item = items[pos]
    if not org.name.startswith("University") or len(item) > 2:
        return False
    if not all(is_name_token(t) for t in item):
        return False
    return pos + 1 >= len(items) or _ends_list(items[pos + 1])


def _clause(item: list[Tok]) -> bool:
    """Initials and a verb start a clause, not a name: "fees from Exergen, MB is Senior Vice President"."""
    if len(item) < 2 or item[1].low not in PERSON_VERBS:
        return False
    return bool(INITIALS_RE.fullmatch(item[0].text) or DOTTED_INITIALS_RE.fullmatch(item[0].text))


# Words that end a company's name after a founder's title ("Dr. Falk Pharma", "Dr. Reddy's Laboratories"), as
# its company form does ("Dr. Willmar Schwabe GmbH").
TITLED_COMPANY_HEADS: Final = words("pharma pharmaceuticals laboratories labs")


def _titled_company(item: list[Tok]) -> bool:
    """ "Dr. Reddy's Laboratories", "Dr. Falk Pharma": a company named after a doctor, not a person."""
    if len(item) < 3 or item[0].low not in ("dr", "dr.") or not all(t.cap for t in item[1:]):
        return False
    return possessive(item[1]) or item[-1].low in TITLED_COMPANY_HEADS or is_company_form(item[-1])


def _ends_list(item: list[Tok]) -> bool:
    first = item[0]
    if is_name_token(first) or is_company_form(first):
        return False
    return not (first.low == "the" and len(item) > 1 and is_name_token(item[1]))


# ICMJE: "has a patent X issued to Y", "a patent X pending to Y, and a patent Z licensed to W": the holder
# of each patent follows its own "issued/pending/licensed to".
ICMJE_PATENT_RE: Final = re.compile(r"\b(?:issued|pending|licen[sc]ed|granted)\b", re.IGNORECASE)
PATENT_TO_RE: Final = re.compile(
    r"\b(?:issued|pending|licen[sc]ed|granted)\s+to\s+(?:the\s+)?(?=(?-i:[A-Z]))", re.IGNORECASE
)


def patent_holders(text: str, toks: list[Tok], is_person) -> list[Org] | None:
    """The names after each "to" in ICMJE patent wording, or None when the wording is not ICMJE's."""
    if not toks or not ICMJE_PATENT_RE.search(text, toks[0].start, toks[-1].end):
        return None
    holders: list[Org] = []
    marks = list(PATENT_TO_RE.finditer(text, toks[0].start, toks[-1].end))
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else toks[-1].end
        holders += organizations(text, [t for t in toks if m.end() <= t.start < end], is_person)
    return holders


def patent_holder_region(text: str, toks: list[Tok]) -> list[Tok]:
    """Patents name their holder after "on behalf of", "assigned to", "by"; "on X" is the subject matter."""
    if not toks:
        return []
    if toks[0].low in ("in", "with"):
        # "ownership interest (including patents) in Peptidream Inc."; "a patent application with X": filed
        # together with its holder
        return toks
    a, b = toks[0].start, toks[-1].end
    for marker in PATENT_MARKERS:  # "filed by J Cate and O Ryan on behalf of the Regents": the Regents hold it
        m = marker.search(text, a, b)
        if m:
            return [t for t in toks if t.start >= m.end()]
    return []


def description(text: str, toks: list[Tok]) -> str:
    """The object as written when no name is given ("a clinic providing ketamine treatment")."""
    i = 0
    while i < len(toks) and toks[i].low in LEAD_WORDS - {"a", "an", "the"}:
        i += 1
    j = len(toks)
    while j > i and toks[j - 1].low in DANGLING_ENDS:
        j -= 1  # "on brain monitoring during sedation, and a": the words that lead into the next phrase
    if i >= j:
        return ""
    desc = text[toks[i].start : toks[j - 1].end].strip(" .,;:")
    return desc[:200]


DANGLING_ENDS: Final = words(", ; : and or a an the with as")
