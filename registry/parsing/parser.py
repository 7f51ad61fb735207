"""Statement → items: footnote labels, sentence subjects, relation phrases and their objects."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from typing import Final, cast

from rapidfuzz import fuzz

from .authors import author_index
from .brackets import RoleBracket, is_generic, role_brackets
from .categories import (
    BOILERPLATE_SEARCH_RE,
    MONEY,
    ROLE_MODIFIERS,
    WORK_FUNDING_OPENINGS,
    Trigger,
    find_triggers,
    is_boilerplate,
    sentence_negated,
)
from .clauses import join_headed_lists, split_clauses
from .codes import read_form
from .labels import leading_label, mid_labels
from .lists import COUNTRIES, Org, description, is_filler, organizations, patent_holder_region, patent_holders, visible
from .nameshapes import new_clause, passive_source, topic_word
from .nothing import no_author_scope, none_position, stock_none
from .objects import bare, board_named, dangling, describes_company, relationship_with, same_clause, source_before
from .orgnames import (
    NAME_PARTICIPLES,
    TITLE_WORDS,
    clean_name,
    is_counterparty,
    is_field,
    is_name_token,
    norm,
    possessive,
    run_from,
    trailing_name,
)
from .outcome import finish, none_scope, spans_before_removal, spelt_as_given
from .payees import PAYEE_BRACKET_RE, form_brackets, payee_spans
from .result import ParseResult
from .sharing import SUBJECT_VERBS, after_name, detailed_other, mid_subjects, names_nothing
from .spelling import fold, looks_like_initials
from .state import DraftItem, ParseState
from .subjects import Subject, persons_anywhere, scan_subject
from .text import Tok, TokenIndex, footnotes, sentences, skip_header, token_index, words

STUDY_SUBJECT_RE: Final = re.compile(
    r"(?:the|this|these|our)\s+(?:present\s+|current\s+)?(?:(?-i:[A-Z][\w\-]*)\s+)?(?:study|studies|work|research"
    r"|trials?|projects?|analysis"
    r"|analyses|experiments)\s+(?:was|is|has|have|were|are|received)\b"
    rf"|{WORK_FUNDING_OPENINGS}",
    re.IGNORECASE,
)
# "Writing support was provided by X": help given to the work, no author's tie unless a person is named.
PASSIVE_SUPPORT_RE: Final = re.compile(
    r"(?:(?:medical|editorial|statistical)\s+)?(?:writing|editorial|statistical)\s+(?:support|assistance)\s+"
    r"(?:was|were|has\s+been)\s+(?:provided|funded|supported)\b"
    # "Lumit SARS-CoV-2 Immunoassay kits were provided at no cost by Promega": materials for the study
    r"|(?:[\w-]+\s+){0,5}?(?:kits?|reagents?|materials?|drugs?|devices?|equipment|supplies|medications?)\s+"
    r"(?:was|were|has\s+been|have\s+been)\s+(?:kindly\s+|generously\s+)?(?:provided|donated|supplied|loaned)\b",
    re.IGNORECASE,
)
# "The authors declare that this study received funding from X" (Frontiers' wording): the study's funding,
# as "This study received funding from X" is, not a tie of every author.
DECLARE_THAT_RE: Final = re.compile(
    r"(?:the\s+|all\s+)?authors?\s+(?:declares?|states?|confirms?|acknowledges?|reports?)\s+that\s+", re.IGNORECASE
)
ANAPHORA: Final = frozenset({"the company", "this company", "that company", "the firm", "the same company"})
PREMOD_STOP: Final = words(
    "scientific senior reviewing deputy associate academic guest editorial advisory medical clinical "
    "chief executive board member former current vice global head international national european us "
    "usa provisional patent co founding principal lead"
)


TYPOGRAPHIC_HYPHENS: Final = str.maketrans({"\u2010": "-", "\u2011": "-"})


def parse_statement(
    statement: object, authors: Iterable[str] | None, *, single_author: bool | None = None
) -> ParseResult:
    """Read a competing-interest statement (a str); `authors` are full names in byline order. Any other
    type of statement or of name is a ValueError (the types are checked here, not at the call)."""
    # Reading a statement makes a few thousand short-lived objects (its tokens above all), and the cyclic
    # garbage collector, which runs every 700 objects alive, walked those still in use again and again:
    # about 4 % of the compiled parser's instructions. It is paused while one statement is read and set going
    # again after (never when it was off already); the objects are freed as they were, by their counts,
    # and a cycle made meanwhile is collected a statement later.
    if not gc.isenabled():
        return _read_statement(statement, authors, single_author)
    gc.disable()
    try:
        return _read_statement(statement, authors, single_author)
    finally:
        gc.enable()


def _read_statement(statement: object, authors: Iterable[str] | None, single_author: bool | None) -> ParseResult:
    if statement is None:
        statement = ""
    if not isinstance(statement, str):
        raise ValueError(f"statement must be a str, not {type(statement).__name__}")
    names: list[object] = list(authors or [])
    if not all(isinstance(a, str) for a in names):
        raise ValueError("authors must be a list of str")
    authors = cast("list[str]", names)
    # Typographic hyphens (U+2010, U+2011) read as "-" ("co\u2010founder", "non\u2010financial"); the text keeps
    # its length, so every offset still points into the statement as given.
    removed: list[tuple[int, int]] = []
    if "10.13039/" in statement:
        statement, removed = _without_funder_ids(statement)
    given = statement
    if "\u2010" in statement or "\u2011" in statement:  # two substring tests cost less than translate()
        statement = statement.translate(TYPOGRAPHIC_HYPHENS)
    index = author_index(tuple(authors))
    single = single_author if single_author is not None else len(authors) == 1
    state = ParseState(statement, index, single and len(authors) >= 1, TokenIndex([]))
    spans = footnotes(statement)
    seen: list[list] = []
    for number, (a, b) in enumerate(spans):
        if len(spans) > 1 and _repeats(statement[a:b], seen):
            # A copy adds only the ties the first reading missed, not the same ties under other spellings
            before = len(state.items)
            earlier = _folded_keys(state.items)
            _read_footnote(state, number, a, b)
            state.items[before:] = [it for it in state.items[before:] if not _spelt_otherwise(it, earlier)]
            continue
        _read_footnote(state, number, a, b)
    result = finish(state)
    if given != statement:
        result = spelt_as_given(result, statement, given)
    return spans_before_removal(result, removed) if removed else result


# Crossref funder ids that publishers glue before a funder's name ("10.13039/100004339Sanofi/10.13039/
# 100009857Regeneron"): read without them, so the names and their joins are what was meant.
FUNDER_DOI_RE: Final = re.compile(r"10\.13039/\d{6,12}(?=[A-Za-z])")


def _without_funder_ids(statement: str) -> tuple[str, list[tuple[int, int]]]:
    """The statement without its glued funder ids, and where each was (offset in the result, length)."""
    removed: list[tuple[int, int]] = []
    parts: list[str] = []
    last = cut = 0
    for m in FUNDER_DOI_RE.finditer(statement):
        parts.append(statement[last : m.start()])
        removed.append((m.start() - cut, m.end() - m.start()))
        cut += m.end() - m.start()
        last = m.end()
    parts.append(statement[last:])
    return "".join(parts), removed


# ---- footnotes ----

FOLDED_WORD_RE: Final = re.compile(r"[^\W_]+")
# The first three of those words (None for each one missing).
OPENING_WORDS_RE: Final = re.compile(r"[\W_]*([^\W_]+)(?:[\W_]+([^\W_]+))?(?:[\W_]+([^\W_]+))?")
NO_WORDS: Final = (None, None, None)


def _spelt_otherwise(item: DraftItem, earlier: list[tuple[int | None, str, str]]) -> bool:
    """Whether an earlier item, as `_folded_keys()` gives them, is this one spelt otherwise ("LVR Klinikum
    Düsseldorf", "... Duesseldorf")."""
    name = _folded_name(item.org)
    for author, category, other in earlier:
        if author != item.author or category != item.category:
            continue
        if name == other or (name and other and (name in other or other in name)):
            return True
        if name and other and fuzz.ratio(name, other) >= 85:
            return True
    return False


def _folded_keys(items: list[DraftItem]) -> list[tuple[int | None, str, str]]:
    return [(it.author, it.category, _folded_name(it.org)) for it in items]


def _folded_name(org: str | None) -> str:
    return " ".join(FOLDED_WORD_RE.findall(fold(org or "")))


def _repeats(footnote: str, seen: list[list]) -> bool:
    """Whether a footnote repeats an earlier one in other typography ("Göppingen" for "Goeppingen", curly
    quotes for straight ones), as preprint servers print the manuscript's statement beside their own copy:
    it starts with the same words and shares nine words in ten. Footnotes for other authors start with
    other names.

    `seen` holds [first three words, text, words, bag of words] of each earlier footnote; the words are
    folded only when another footnote starts like it, which per-author footnotes ("RP: ...", "CB: ...")
    never do."""
    head: tuple[str | None, ...]
    if footnote.isascii():
        # folding ASCII is lower-casing, which changes no word's extent: the first words are read alone,
        # and only they are lower-cased
        ws = None
        m = OPENING_WORDS_RE.match(footnote)
        if m is None:
            head = NO_WORDS
        else:
            first, second, third = m.groups()
            head = (first.lower(), second and second.lower(), third and third.lower())
    else:
        ws = FOLDED_WORD_RE.findall(fold(footnote))
        head = (*ws[:3], *NO_WORDS[len(ws) :])
    entry = [head, footnote, ws, None]
    for earlier in seen:
        if earlier[0] != head:
            continue
        words, bag = _folded_words(entry)
        if len(words) < 12:
            break
        _, earlier_bag = _folded_words(earlier)
        if len(bag & earlier_bag) >= 0.9 * len(bag | earlier_bag):
            return True
    seen.append(entry)
    return False


def _folded_words(entry: list) -> tuple[list[str], set[str]]:
    """The folded words of a `seen` entry of `_repeats` and their bag, worked out once."""
    if entry[2] is None:
        entry[2] = FOLDED_WORD_RE.findall(fold(entry[1]))
    if entry[3] is None:
        entry[3] = set(entry[2])
    return entry[2], entry[3]


def _read_footnote(state: ParseState, number: int, a: int, b: int) -> None:
    text = state.text
    a = skip_header(text, a, b)
    stock = stock_none(text, a, b)
    if stock is not None:
        if stock == "author" and state.single:
            state.nones.append(("authors", [0]))
        else:
            state.nones.append(("others", []) if stock == "others" else ("all", []))
        return
    if read_form(state, number, a, b):
        return
    state.toks = token_index(text, a, b)
    label, a = leading_label(state, a, b)
    first_item = len(state.items)
    for group, label_start, content_start in mid_labels(text, state.toks, a, b, state.index):
        _read_block(state, number, a, label_start, label)
        state.covered.update(i for i in group if i is not None)
        label, a = list(group), content_start
    _read_block(state, number, a, b, label)
    _merge_patents(state, first_item)


def _read_block(state: ParseState, number: int, a: int, b: int, label: list[int | None] | None) -> None:
    """The sentences of one footnote, or of one author's labelled block inside it."""
    text = state.text
    current: list[int | None] | None = label
    last_org: Org | None = None
    for sa, sb in join_headed_lists(state, split_clauses(state, sentences(text, state.toks, a, b))):
        low = text[sa:sb].lower()
        if is_boilerplate(text, sa, sb, low):
            sb = _before_boilerplate(text, sa, sb)
            if sb == sa:
                continue
            low = text[sa:sb].lower()
        pos = none_position(text, sa, sb, low)
        if sentence_negated(text, sa, sb):
            # "None of the authors has any conflict of interest": all of them declare nothing; "No author
            # received funding from X" names no tie either way
            says_ties = pos is not None or "conflict" in low or "competing" in low
            scope = no_author_scope(text, sa, sb) if says_ties else None
            if scope is not None:
                state.nones.append((scope, []))
            exception = NEGATED_EXCEPT_RE.search(text, sa, sb) if "exc" in low or "apart" in low else None
            if exception is None:
                continue
            # "None of the authors has any conflict, except that this research was funded by X": the
            # exception is read as a sentence of its own
            sa = exception.end()
            low = text[sa:sb].lower()
            pos = none_position(text, sa, sb, low)
        if pos is not None:
            state.nones.append(none_scope(state, sa, pos, current, label))
        toks = state.toks.between(sa, sb)
        triggers = _not_initials(state, find_triggers(text, toks, sa, sb))
        brackets = role_brackets(text, toks, triggers) if "(" in low else []
        if brackets:
            triggers = [t for t in triggers if not any(b.start <= t.start < b.end for b in brackets)]
        if (
            pos is not None
            and triggers
            and triggers[0].start > pos
            and not EXCEPT_RE.search(text, pos, triggers[0].start)
        ):
            continue  # "no affiliations with any entity with a financial interest (such as honoraria; grants ...)"
        if pos is not None and triggers and _editors_subject(text, sa, triggers[0]):
            continue  # "The editors and reviewers of this article have no conflicts of interest": no author's role
        if triggers and text[sb - 1] == ":" and FOLLOWING_RE.search(text, sa, sb) is not None:
            # "One or more of the authors has declared the following potential conflict of interest or source
            # of funding:": the kinds of tie it names in general are announced, not declared
            triggers, brackets = [], []
        if not triggers and not brackets and label is not None and pos is None and _bare_list(toks, sa, label):
            # "N.C.Q.: Abbvie, Advanz Pharma, Ipsen.": an author's block that lists companies without saying
            # what the ties are
            trig = Trigger("other", sa, sa, "")
            orgs, _ = _objects(state, trig, toks)
            if orgs:
                _add_items(state, number, trig, orgs, "", label, "self")
            continue
        if not triggers and not brackets:
            heading = text[sb - 1] == ":" or (pos is None and FOLLOWING_RE.search(text, sa, sb) is not None)
            if pos is None and label is None and toks:
                subject = scan_subject(text, toks, sb, state.index)
                if subject.kind != "persons":
                    continue
                if (len(toks) <= 8 or heading) and (heading or _only_mentions(subject, sa, sb, text)):
                    # "Robert B Darnell. Reviewing editor, eLife."; "D.B.W. reports the following: ..."; "G.K.
                    # and K.L.S. declare the following competing interests. <the ties, without a subject>"
                    current = subject.authors
                elif subject.spans[0][0] == toks[0].start and _verb_after(toks, subject.spans[0][1]):
                    # "DS is a patent attorney in private practice. He advises ...": who "he" is
                    current = subject.authors
            elif pos is not None and label is None and toks:
                subject = scan_subject(text, toks, pos, state.index)
                if subject.kind == "persons" and subject.spans[0][0] == toks[0].start:
                    # "NJD has no conflicts related to the submitted work. Outside it, he declares ...": who "he" is
                    current = subject.authors
            continue
        if not brackets:
            first = triggers[0].start
        else:
            first = min(triggers[0].start, brackets[0].org.start) if triggers else brackets[0].org.start
        subject = scan_subject(text, toks, first, state.index)
        if subject.kind != "persons" and triggers and AS_ROLE_RE.match(text, sa):
            subject = _after_role_opening(state, subject, triggers, sa, sb)
        if subject.kind == "all" and triggers and triggers[0].kind == "other":
            named = _authors_in_brackets(state, toks, triggers)
            if named:
                # "Authors affiliated with deCODE (VS, GT and KS) are employed by deCODE Genetics": the
                # affiliation says which authors; the tie is what follows
                subject, triggers = Subject("persons", named), triggers[1:]
        who = _sentence_authors(state, subject, current, toks)
        if (
            who is current
            and current is not label
            and (STUDY_SUBJECT_RE.match(text, sa) or PASSIVE_SUPPORT_RE.match(text, sa))
        ):
            who = [None]  # "The study was funded by Inflammatix": the study's funding, no author's tie
        if subject.kind == "all" and (_declares_study_funding(text, sa) or _some_authors(text, sa, triggers)):
            who = [None]
        if subject.kind == "org" and who is current and current is not label:
            who = [None]  # "The Northern Ireland Biobank is funded by X": a body's tie, not the last author's
        if subject.kind == "none" and who is current and current is not label and _staff_subject(text, triggers):
            # "SINOVAC employees contributed to the design": the company's staff, no author named; said after
            # the authors who are, it names no other tie
            if any(it.category == "employment" for it in state.items):
                continue
            who = [None]
        if subject.kind in ("none", "pronoun") and not current and not state.single and _given_to_authors(state, toks):
            # "This study was supported by grants to Dr. Gruber from CIHR": the study's funding is named
            # authors' grants (a fellowship "(C50104/A17592—RTG)" stays support for the work)
            for t in triggers:
                if t.kind == "manuscript_support":
                    t.kind = "grants"
        if subject.kind == "persons":
            current = subject.authors
        last_org = _relations(state, number, (sa, sb), triggers, subject, who, last_org, brackets)
        for br in brackets:
            for category in br.categories:
                trig = Trigger(category, br.start, br.end, text[br.start + 1 : br.end - 1])
                _add_items(state, number, trig, [br.org], "", who, "self")


# "personal fees from Pfizer for serving on a data safety monitoring board": the role the fees were paid for,
# named a few words after "for".
FOR_SERVING_RE: Final = re.compile(
    r"\bfor\s+(?:serving|participating|participation|membership|sitting|acting|work(?:ing)?)\s+(?:on|in|as|with)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "As a consultant and/or advisory panel member, Stephen Silberstein receives honoraria from: ...": the role
# opens the sentence, and its subject follows the comma.
AS_ROLE_RE: Final = re.compile(r"\W*As\s+an?\s")


def _after_role_opening(state: ParseState, subject: Subject, triggers: list[Trigger], sa: int, sb: int) -> Subject:
    comma = state.text.find(",", triggers[0].end, sb)
    if comma == -1:
        return subject
    nxt = next((t.start for t in triggers if t.start > comma), sb)
    named = scan_subject(state.text, state.toks.between(comma + 1, nxt), nxt, state.index)
    return named if named.kind == "persons" else subject


# "The authors employed by ILSI participated as part of their employment": only some authors, and which
# the sentence does not say.
SOME_AUTHORS_RE: Final = re.compile(
    r"\W*(?:the\s+)?(?:co-?)?authors\s+(?:who\s+(?:are|were)\s+)?(?=employed|funded|paid|affiliated)", re.IGNORECASE
)


# "... a patent application (WO2020100144A1) This does not alter the authors' adherence ...": a sentence whose
# full stop was lost runs into the boilerplate after it.
BOILERPLATE_OPENING_RE: Final = re.compile(r"[)\w]\s+(?-i:This|These)\s+(?:\w+\s+){0,2}$")


def _before_boilerplate(text: str, sa: int, sb: int) -> int:
    """Where a sentence's boilerplate begins when a sentence without its full stop stands before it; `sa`
    when the whole sentence is boilerplate."""
    m = BOILERPLATE_SEARCH_RE.search(text, sa, sb)
    if m is None:
        return sa
    opening = BOILERPLATE_OPENING_RE.search(text, max(sa, m.start() - 40), m.start())
    if opening is None or opening.start() - sa < 20:
        return sa
    return opening.start() + 1


def _initials_not_name(state: ParseState, word: str) -> bool:
    """Whether a lone word before a relation phrase is initials rather than a name: "DKO employee of X", but
    not "SINOVAC employees" (seven capitals that are no author's)."""
    if not looks_like_initials(word):
        return False
    return len(word.replace(".", "")) <= 4 or state.index.by_initials(word, strict=True) is not None


# "SINOVAC employees contributed to ...": the staff of a company are the sentence's subject.
STAFF_SUBJECT_RE: Final = re.compile(r"(?:employees|staff)\s+(?:contributed|were|are|participated|did|helped|had)\b")


def _staff_subject(text: str, triggers: list[Trigger]) -> bool:
    if not triggers or triggers[0].kind != "employment":
        return False
    return STAFF_SUBJECT_RE.match(text, triggers[0].start) is not None


def _bracketed_list(state: ParseState, trig: Trigger, end: int) -> list[Org]:
    """The names listed in a bracket right after a relation phrase, when it holds nothing but names."""
    vis = state.toks.between(trig.end, end)
    close = next((k for k in range(1, min(len(vis), 40)) if vis[k].text == ")"), None)
    if close is None or close < 2:
        return []
    inner = vis[1:close]
    if not all(t.cap or t.text in (",", ";", "&") or t.low in ("and", "of", "the") for t in inner):
        return []
    if trig.text[:1].isupper() or (len(inner) == 1 and (inner[0].text.isupper() or _is_place(inner[0]))):
        return []  # "Strategic Advisory Group (England)", "scientific advisory board (SAB)": a name's parts
    if any(any(c.isdigit() for c in t.text) for t in inner):
        return []  # "grants (CUP E53D23013280006)": a grant's number
    is_person = lambda run: _is_person(state, run)  # noqa: E731
    return organizations(state.text, inner, is_person, False)


def _is_place(tok: Tok) -> bool:
    return tok.low.rstrip(".") in COUNTRIES


FUNDER_CLAUSE_RE: Final = re.compile(r",\s+(?:which|that|who)\s+(?:also\s+|has\s+|have\s+|partly\s+|partially\s+)?$")
THIS_WORK_RE: Final = re.compile(
    r"\s+(?:(?:in\s+part|partly|partially)\s+)?(?:this|the\s+present|the\s+current)\s+(?:work|study|research|trial|project)\b"
)


RELATIVE_RE: Final = re.compile(r"[\s,]*(?:which|that)\s+(?:(?:also|has|have|had|partly|partially|previously)\s+)*$")


def _relative_to(text: str, org: Org, trig: Trigger) -> bool:
    """Whether the phrase opens a relative clause about the organization right before it ("X, which funded")."""
    return 0 <= trig.start - org.end <= 30 and RELATIVE_RE.fullmatch(text, org.end, trig.start) is not None


def _funder_clause(text: str, trig: Trigger) -> bool:
    """ "..., which funded this study": a relative clause about the company just named."""
    return (
        FUNDER_CLAUSE_RE.search(text, max(0, trig.start - 24), trig.start) is not None
        and THIS_WORK_RE.match(text, trig.end) is not None
    )


def _editors_subject(text: str, sa: int, trig: Trigger) -> bool:
    """Whether the sentence's subject is the journal's editors ("The editors and reviewers of ...")."""
    before = text[sa : trig.start].strip().lower()
    return trig.kind == "leadership" and "editor" in trig.text.lower() and before in ("", "the", "all", "all the")


def _bare_list(toks: list[Tok], sa: int, label: list[int | None]) -> bool:
    """A sentence that opens an author's labelled block and is nothing but names separated by commas."""
    if not toks or None in label or toks[0].start != sa:
        return False
    pieces = 1
    for k, t in enumerate(toks):
        if t.text in (",", ";", "&") or t.low == "and":
            pieces += t.text != "&"
            if k + 1 < len(toks) and not toks[k + 1].cap:
                return False
        elif not (t.cap or t.text == "." or (k and t.text[0].isalnum() and toks[k - 1].cap)):
            return False
    return pieces >= 2 or len(toks) <= 4


def _verb_after(toks: list[Tok], end: int) -> bool:
    """Whether the word after a subject's names is its verb ("DS is", "IBH was", "AC has also")."""
    nxt = next((t for t in toks if t.start >= end), None)
    return nxt is not None and (nxt.low in SUBJECT_VERBS or nxt.low in DECLARING_VERBS)


DECLARING_VERBS: Final = words("declares declared declare discloses disclosed serves works worked")


def _some_authors(text: str, sa: int, triggers: list[Trigger]) -> bool:
    at = SOME_AUTHORS_RE.match(text, sa)
    return at is not None and at.end() == triggers[0].start


def _declares_study_funding(text: str, sa: int) -> bool:
    said = DECLARE_THAT_RE.match(text, sa)
    return said is not None and STUDY_SUBJECT_RE.match(text, said.end()) is not None


# "G.K. and W.E.A. declare the following competing interests.": what follows are those authors' ties.
FOLLOWING_RE: Final = re.compile(
    r"\b(?:declare[ds]?|disclose[ds]?|report(?:s|ed)?|have|has)\s+the\s+following\s+(?:competing|conflicts?|financial"
    r"|potential|interests?|disclosures?)",
    re.IGNORECASE,
)
PASSIVE_BY_RE: Final = re.compile(r"\s+by\b")


def _passive_by(text: str, trig: Trigger) -> bool:
    """Whether a money phrase is put in the passive with its source after it ("funded by X")."""
    return trig.text.endswith("ed") and PASSIVE_BY_RE.match(text, trig.end) is not None


GRANT_ARTICLES: Final = words("a an the his her their")
GRANT_SOURCE_RE: Final = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:from|by|of)\s")


def _names_the_next(state: ParseState, trig: Trigger, vis: list[Tok], nxt: Trigger | None, later) -> bool:
    """Whether the words after a money phrase name the grant of the next one, which has its own source:
    "supported by a VICI grant from the NWO"."""
    if nxt is None or not vis or trig.kind not in MONEY or nxt.kind not in MONEY or not later[0][0]:
        return False
    if len(vis) > 4 or vis[0].low not in GRANT_ARTICLES or not all(is_name_token(t) for t in vis[1:]):
        return False  # only "a NAME grant": an article and a name, nothing listed before the next phrase
    return not state.text[vis[-1].end : nxt.start].strip() and GRANT_SOURCE_RE.match(state.text, nxt.end) is not None


PASSIVE_GAP: Final = words("( was were is are has have had been jointly originally")


def _founded(state: ParseState, trig: Trigger, sa: int) -> list[Org]:
    """The company before "(was) founded by": "Vaxco was cofounded by AC", "Sentilus Inc. (cofounded by AC)"."""
    before = state.toks.before(trig.start, sa, 12)
    while before and before[-1].low in PASSIVE_GAP:
        before = before[:-1]
    run = trailing_name(before)
    if not run or not is_counterparty(run) or _is_person(state, run):
        return []
    return [Org(clean_name(state.text, run), run[0].start, run[-1].end)]


def _not_initials(state: ParseState, triggers: list[Trigger]) -> list[Trigger]:
    """Relation phrases written in capitals ("VP", "CEO") that are an author's initials ("VP and JML
    reported no conflict") name that author, not a role."""
    for t in triggers:
        if t.text.isupper():
            break
    else:
        return triggers  # the common case, told without a generator
    return [t for t in triggers if not (t.text.isupper() and state.index.match([t.text]) is not None)]


NEGATED_EXCEPT_RE: Final = re.compile(
    r",?\s*\b(?:except|apart\s+from|with\s+the\s+exception\s+of)\s+(?:that\s+|for\s+)?", re.IGNORECASE
)
EXCEPT_RE: Final = re.compile(
    r"\b(?:except|excepting|other\s+than|apart\s+from|aside\s+from|besides|but|however|save\s+for|beyond)\b|;",
    re.IGNORECASE,
)


def _authors_in_brackets(state: ParseState, toks: list[Tok], triggers: list[Trigger]) -> list[int | None]:
    """Authors named in a bracket between the first relation phrase and the second."""
    end = triggers[1].start if len(triggers) > 1 else -1
    inner = [t for t in toks if triggers[0].end <= t.start < end]
    if "(" not in [t.text for t in inner]:
        return []
    opened = [t.text for t in inner].index("(")
    named, _ = persons_anywhere(inner[opened + 1 :], state.index)
    return list(named)


def _given_to_authors(state: ParseState, toks: list[Tok]) -> bool:
    """Whether the sentence names authors as recipients: "grants to Dr. Gruber", "awarded to AB"."""
    _, spans = persons_anywhere(toks, state.index)
    starts = {a for a, _ in spans}
    return any(t.low == "to" and toks[k + 1].start in starts for k, t in enumerate(toks[:-1]))


def _only_mentions(subject: Subject, sa: int, sb: int, text: str) -> bool:
    return bool(subject.spans) and not text[subject.spans[0][1] : sb].strip(" .,;:")


def _sentence_authors(
    state: ParseState, subj: Subject, current: list[int | None] | None, toks: list[Tok]
) -> list[int | None]:
    """Authors a sentence's ties belong to, falling back to the footnote label or the single author."""
    if subj.kind == "persons":
        return subj.authors
    if subj.kind == "latter" and current:
        return current[-1:]
    if subj.kind == "all" and not state.single:
        return [i for i in state.index.all_authors() if not state.index.collab[i]]
    if subj.kind == "others":
        covered = state.covered | {it.author for it in state.items if it.author is not None}
        return [i for i in state.index.all_authors() if not state.index.collab[i] and i not in covered] or [None]
    if subj.kind == "org" or (subj.kind in ("none", "pronoun") and not current):
        named, _ = persons_anywhere(toks, state.index)
        if named:
            return list(named)
    if current:
        return current
    if state.single:
        return [0]
    return [None]


# ---- relation phrases ----


def _relations(
    state: ParseState,
    number: int,
    sent: tuple[int, int],
    triggers: list[Trigger],
    subj: Subject,
    who: list[int | None],
    last_org: Org | None,
    brackets: list[RoleBracket],
) -> Org | None:
    sa, sb = sent
    masked = payee_spans(state, sa, sb, triggers)
    institution = bool(masked) or (subj.kind == "org" and subj.receives)
    masked += form_brackets(state.text, sa, sb)
    whos, subject_spans = mid_subjects(state, triggers, who)
    masked += subject_spans
    results: list[tuple[list[Org], str]] = [([], "")] * len(triggers)
    for i in range(len(triggers) - 1, -1, -1):
        trig = triggers[i]
        end = triggers[i + 1].start if i + 1 < len(triggers) else sb
        vis = visible(state.text, state.toks.between(trig.end, end), masked)
        while i + 1 < len(triggers) and vis and vis[-1].cap and vis[-1].low in ROLE_MODIFIERS:
            vis = vis[:-1]  # "a shareholder and currently the Managing Director at X": the next role's rank
        listed = _bracketed_list(state, trig, end) if state.text.startswith(" (", trig.end) else []
        if listed:
            results[i] = (listed, "")  # "consultancy fees (Pfizer, Roche); speaker fees (Lilly)"
        elif trig.kind == "other_member" and i + 1 < len(triggers) and board_named(vis, triggers[i + 1]):
            results[i] = ([], "member")  # "member of the Scientific Advisory Board of X": the board says it
        elif (
            i + 1 < len(triggers)
            and (is_filler(vis) or names_nothing(vis) or _dangling_and(vis) or _for_the_next(vis))
            and not new_clause(vis)
        ):
            pre = _premod(state, trig, sa, None) if is_filler(vis) and after_name(state, trig, sa) else None
            if pre is not None and _passive_by(state.text, triggers[i + 1]):
                pre = None  # "a Sir Henry Wellcome Fellowship funded by the Wellcome Trust": the award's name
            # "founder, shareholder and consultant of X": one shared object; but "a consultant for A and
            # Alimera Speakers Bureau, and has received ...": the name before the phrase is its object
            shared = results[i + 1]
            if shared == ([], "member") and i + 2 < len(triggers):
                shared = results[i + 2]  # "co-founder, member of the Board of Directors of X": the board's X
            results[i] = ([pre], "") if pre is not None else shared
            if pre is None and (
                "for" in state.text[max(sa, trig.start - 12) : trig.start]
                or FOR_SERVING_RE.search(state.text, max(sa, trig.start - 50), trig.start) is not None
            ):
                # "honoraria from X for lectures and salary support from Y": the lectures were X's
                source = source_before(state, trig, sa)
                if source:
                    results[i] = (source, "")
        elif _names_the_next(state, trig, vis, triggers[i + 1] if i + 1 < len(triggers) else None, results[i + 1 :]):
            results[i] = results[i + 1]  # "supported by a VICI grant from NWO": VICI names the grant, NWO gives it
        else:
            results[i] = _objects(state, trig, vis)
    paid_for = False  # whether the phrase before is what a payment "from X for" was for
    for i, trig in enumerate(triggers):
        joined = i > 0 and _joined(state.text, triggers[i - 1], trig)
        if paid_for and joined and not results[i][0] and results[i - 1][0]:
            # "payment from X for lectures and travel": the source of the first is the second's too
            results[i] = results[i - 1]
        paid_for = (paid_for and joined) or (
            "for" in state.text[max(sa, trig.start - 12) : trig.start] and bool(source_before(state, trig, sa))
        )
    detailed = detailed_other(state, triggers, results, sb)
    employer = None  # the organization an employment in this sentence names
    for i, trig in enumerate(triggers):
        orgs, desc = results[i]
        if i in detailed:
            if detailed[i] is None:
                continue  # "other from X including salary and stock options": the details are the ties
            orgs, desc = results[detailed[i]]  # type: ignore[index]
        if brackets and is_generic(trig):
            # "personal fees from X (advisory board)": the bracket says what the fees were for
            end = triggers[i + 1].start if i + 1 < len(triggers) else sb
            explained = {norm(b.org.name) for b in brackets if trig.end <= b.org.start < end}
            if explained:
                orgs = [o for o in orgs if norm(o.name) not in explained]
                if not orgs:
                    continue
        if not orgs and last_org is not None and trig.category in MONEY and _relative_to(state.text, last_org, trig):
            # "a member of the board of Mabylon AG which has funded work in the Aguzzi lab": the company funded
            orgs, desc = [last_org], ""
        elif not orgs and last_org is not None and (_anaphoric(desc) or dangling(state, trig)):
            # "employees of GSK and hold shares in the company"; "a founder of X, has an equity interest in,
            # and ...": the company named before
            orgs, desc = [last_org], ""
        elif (
            not orgs
            and trig.kind in ("stock", "employment")
            and last_org is not None
            and last_org.start >= sa
            and ";" not in state.text[last_org.end : trig.start]
            and _names_nothing_after(state, trig, sb)
            and _premod(state, trig, sa, None) is None  # not "a holder of Roche stock"
        ):
            # "JF is CEO and founder of X, receives salary and has equity interests": the company named before
            orgs, desc = [last_org], ""
        elif not orgs and trig.kind == "stock" and bare(desc) and same_clause(state, employer, trig):
            # "employees of 23andMe, Inc. and may hold stock or stock options"; but "an employee of
            # Genentech and a holder of Roche stock" names its own company
            orgs, desc = [_premod(state, trig, sa, None) or employer], ""  # type: ignore[list-item]
        of_object = state.text[trig.end : trig.end + 5].lstrip().startswith("of ")
        if (not orgs or of_object) and "for" in state.text[max(sa, trig.start - 40) : trig.start]:
            # "fees from Philips UK Limited for consultancy services", "... for the copyright of WFun"
            orgs = source_before(state, trig, sa) or orgs
        if orgs and trig.kind in ("advisory_board", "leadership") and _possessive_before(state, trig, sa):
            # "Sarepta's Advisory Board meeting in Phoenix": the board is the company's, not the town's
            orgs = [_premod(state, trig, sa, last_org) or orgs[0]]
        if not orgs:
            orgs = relationship_with(state, trig, sa)
        if not orgs and trig.kind == "founder" and _passive_by(state.text, trig):
            orgs = _founded(state, trig, sa)  # "Sentilus Inc. (cofounded by AC and AMH)"
        if not orgs:
            pre = _premod(state, trig, sa, last_org)
            if pre is None and subj.kind == "org" and trig.kind in ("patents", "manuscript_support"):
                pre = Org(*subj.org)  # type: ignore[misc]
            orgs = [pre] if pre else orgs
        if describes_company(state, trig, sa):
            continue  # "DNASense ApS that consults and performs sequencing": what the company does
        if not orgs and trig.category in MONEY and state.text[sa : trig.start].strip().lower() in BACK_REFERENCES:
            continue  # "The funding is not related to this work": the funding named before, no new tie
        if (
            not orgs
            and i
            and trig.category in MONEY
            and state.text[max(sa, trig.start - 6) : trig.start].strip() == "with"
        ):
            continue  # "Monitoring Boards for X and Y with funds paid to the institution": how the tie before was paid
        if trig.kind in ("other_lab", "other_member") and not orgs:
            continue  # a lab is a tie only when it belongs to a named network ("a Science Exchange lab")
        if trig.kind == "other_shared" and (
            whos[i] == [None] or (subj.kind != "persons" and "reviewer" in state.text[sa : trig.start].lower())
        ):
            continue  # an affiliation the editor shares with a reviewer, not with an author
        if last_org is not None and trig.kind in ("grants", "manuscript_support") and _funder_clause(state.text, trig):
            # "an employee of Vertex Pharmaceuticals, which funded this study": the company named before funded
            # the work; no author's grant
            _add_items(
                state,
                number,
                Trigger("manuscript_support", trig.start, trig.end, trig.text),
                [last_org],
                "",
                [None],
                "self",
            )
            continue
        bracket = _payee_bracket(state.text, trig.end) or (orgs and _payee_bracket(state.text, orgs[-1].end))
        to_institution = institution or bool(bracket)
        payee = "institution" if to_institution and trig.category in MONEY else "self"
        _add_items(state, number, trig, orgs, desc, whos[i], payee)
        if orgs:
            last_org = orgs[-1]
            if trig.kind == "employment":
                employer = last_org
    return last_org


# A sentence that opens on a tie with only a determiner before it speaks of a tie named before.
BACK_REFERENCES: Final = words("the this these those that such said")


def _names_nothing_after(state: ParseState, trig: Trigger, sb: int) -> bool:
    """Whether the rest of the phrase's clause names no one: "receives salary.", "receives salary and has
    equity interests." (the company named before is their object), not "receives salary from Y" or "an
    employee of bit.bio"."""
    semicolon = state.text.find(";", trig.end, sb)
    rest = [t for t in state.toks.between(trig.end, sb if semicolon < 0 else semicolon) if t.text not in ".,"]
    if not rest:
        return True
    # "... and has equity interests": another clause of the same subject, not "stock or stock options, outside
    # the submitted work", which is a tie of its own
    return (
        len(rest) > 1
        and rest[0].low == "and"
        and rest[1].low in NEXT_CLAUSE_VERBS
        and not any(t.cap or t.low in OBJECT_WORDS for t in rest)
    )


OBJECT_WORDS: Final = words("of in at with from by for to")
NEXT_CLAUSE_VERBS: Final = words("has have had holds hold receives received is was")


def _payee_bracket(text: str, pos: int) -> bool:
    """ "grants (to institution) from X", "grants from A and B (all money to institution)"."""
    while pos < len(text) and text[pos] in " ,":
        pos += 1
    return text.startswith("(", pos) and PAYEE_BRACKET_RE.match(text, pos) is not None


TOPIC_WORDS: Final = words("on about regarding")
SOURCE_WORDS: Final = words("from by for")


def _joined(text: str, first: Trigger, second: Trigger) -> bool:
    """Whether two phrases are joined by "and", "or" or a slash alone ("lectures/speakers' bureaus and travel")."""
    return text[first.end : second.start].strip(" ,/") in ("and", "or", "and/or", "")


def _anaphoric(desc: str) -> bool:
    """ "the company", "the company and also serves on its board", "patents licensed to the company": the company
    named before."""
    low = desc.lower()
    return low in ANAPHORA or any(
        low.startswith((f"{a} and ", f"{a}, ")) or low.endswith((f" to {a}", f" by {a}")) for a in ANAPHORA
    )


def _for_the_next(vis: list[Tok]) -> bool:
    """ "honoraria for giving lectures, and refunds of travel expenses from X": what the fees were for is the
    next phrase, and they share its source."""
    if len(vis) < 2 or vis[0].low != "for":
        return False
    # "honoraria for talks, an unrestricted research grant and travel expenses ... from Pfizer": the words
    # of the purpose, then only what joins the next phrase
    k = 1
    while k < len(vis) and k <= 3 and vis[k].text.isalpha() and not vis[k].cap and vis[k].low not in JOINING:
        k += 1
    return k > 1 and all(t.low in JOINING for t in vis[k:])


JOINING: Final = words(", and an a the")


def _dangling_and(vis: list[Tok]) -> bool:
    """ "honoraria from and membership of an advisory board for X": a preposition left without its object
    before "and", so the phrase shares the next one's."""
    return (
        len(vis) >= 2
        and vis[0].low in ("from", "of", "for", "with", "to", "in")
        and vis[1].low == "and"
        and not any(is_name_token(t) for t in vis)
    )


def _objects(state: ParseState, trig: Trigger, vis: list[Tok]) -> tuple[list[Org], str]:
    if trig.kind == "other_lab":
        return [], ""
    if len(vis) > 3 and vis[0].low == "on" and vis[1].low == "behalf" and vis[2].low == "of":
        vis = vis[3:]  # "contract research on behalf of GSK": the company the work is done for
    if vis and vis[0].low in TOPIC_WORDS and trig.kind not in ("leadership", "advisory_board", "employment", "patents"):
        # "speaker fees for lectures on Fabry disease from Genzyme": the topic is no counterparty
        # "consultant on therapeutics for MERS-coronavirus for Gilead Sciences": not the "for" of a disease
        source = next(
            (
                k
                for k, t in enumerate(vis)
                if t.low in SOURCE_WORDS and (k + 1 == len(vis) or is_counterparty(vis[k + 1 : k + 2]))
            ),
            None,
        )
        if source is None:
            return [], description(state.text, vis)
        vis = vis[source:]
    if trig.kind == "leadership" and len(vis) > 3 and vis[0].low == "of" and is_field(vis[1].low):
        # "Director of Research for the Open Humans Foundation": the field names the post, the body follows
        k = 2
        while k < len(vis) and (is_field(vis[k].low) or vis[k].low == "and"):
            k += 1
        if k + 1 < len(vis) and vis[k].low in ("for", "at"):
            vis = vis[k + 1 :]
    colon = next((k for k, t in enumerate(vis) if t.text == ":"), None)
    if colon is not None and any(t.low == "following" for t in vis[:colon]):
        vis = vis[colon:]  # "from the following companies who sell vitamin D: A and B": the list after the colon
    is_person = lambda run: _is_person(state, run)  # noqa: E731
    if trig.kind in MONEY:
        vis = passive_source(vis)  # "Funding for JD was provided by Pfizer": the source follows "by"
    region = patent_holder_region(state.text, vis) if trig.kind == "patents" else vis
    unit = trig.kind in ("leadership", "employment")
    orgs = organizations(state.text, region, is_person, unit)
    if not orgs and trig.kind in MONEY:
        # "research funding for SARS-CoV-2 studies from Biolab": what it was for names no one, its source does
        source = next((k for k, t in enumerate(vis) if k and t.low in ("from", "by")), None)
        if source is not None:
            orgs = organizations(state.text, vis[source:], is_person, unit)
    if not orgs and trig.kind == "patents":
        orgs = patent_holders(state.text, vis, is_person) or []  # "a patent X pending to the University of Y"
    if not orgs and vis and "(" in state.text[trig.end : vis[-1].end]:
        orgs = _named_in_brackets(state, state.toks.between(trig.end, vis[-1].end))
    return orgs, ("" if orgs else description(state.text, vis))


def _named_in_brackets(state: ParseState, vis: list[Tok]) -> list[Org]:
    """ "employed by the third party (CipherHealth)", "a grant from a foundation (Wellcome Trust)": a description
    in lower case whose bracket names the organization."""
    k = 1 if vis and vis[0].low in ("from", "by", "with", "at", "for") else 0
    first = k
    while k < len(vis) and k < first + 5 and vis[k].text != "(":
        if vis[k].cap or not vis[k].text.isalpha():
            return []
        k += 1
    if k == first or k >= len(vis) - 2 or vis[k].text != "(" or not is_name_token(vis[k + 1]):
        return []
    end = k + 1 + run_from(vis[k + 1 :], 0)
    if end >= len(vis) or vis[end].text != ")":
        return []
    run = vis[k + 1 : end]
    if _is_person(state, run) or (len(run) == 1 and _initials_not_name(state, run[0].text)):
        return []
    return [Org(clean_name(state.text, run), run[0].start, run[-1].end)]


def _is_person(state: ParseState, run: list[Tok]) -> bool:
    words = [t.text for t in run]
    if run and possessive(run[-1]) and len(words[-1]) > 3:
        words[-1] = words[-1][:-2]  # "F.X. McCormack's spouse": a person's possessive
    if state.index.match(words, strict=True) is not None:
        return True
    # A lone surname of the byline ("Drs. Raphael and Hale invented ..."), as a title would make it.
    if len(words) != 1 or len(words[0]) <= 2 or looks_like_initials(words[0]):
        return False  # initials were read above, as the byline spells them
    return state.index.match(["Dr", words[0]]) is not None


def _possessive_before(state: ParseState, trig: Trigger, sa: int) -> bool:
    before = state.toks.before(trig.start, sa, 1)
    return bool(before) and before[-1].cap and possessive(before[-1])


def _premod(state: ParseState, trig: Trigger, sa: int, last_org: Org | None) -> Org | None:
    """A name right before the phrase: "PLOS ONE Editorial Board member", "eLife's Board", "its board"."""
    before = state.toks.before(trig.start, sa, 10)
    if not before:
        return None
    last = before[-1]
    if last.low == "its":
        return last_org
    if last.low in NAME_PARTICIPLES:
        before = before[:-1]  # "a CIHR Funded clinical trial": the body is before what it did
        if not before:
            return None
    if trig.kind == "advisory_board":
        # "UCB narcolepsy advisory board", "the Pfizer independent external data monitoring committee": a topic
        # or a board's qualities between the company and its board
        k = len(before)
        while k > 1 and len(before) - k < 3 and topic_word(before[k - 1]):
            k -= 1
        if k < len(before) and is_name_token(before[k - 1]):
            before = before[:k]
    for k in range(len(before)):
        if not is_name_token(before[k]) or (k and before[k - 1].low in TITLE_WORDS):
            continue
        if run_from(before, k) == len(before):
            run = before[k:]
            if all(t.low.rstrip(".") in PREMOD_STOP for t in run) or not is_counterparty(run):
                return None
            if _is_person(state, run) or (len(run) == 1 and k == 0 and _initials_not_name(state, run[0].text)):
                return None
            return Org(clean_name(state.text, run), run[0].start, run[-1].end)
    return None


def _add_items(
    state: ParseState, number: int, trig: Trigger, orgs: list[Org], desc: str, who: list[int | None], payee: str
) -> None:
    spec = " ".join(trig.text.split())
    targets: list[Org | None] = orgs or [None]  # type: ignore[assignment]
    text, add, collab = state.text, state.items.append, state.index.collab
    category, t_start, t_end = trig.category, trig.start, trig.end
    by_org = _bracketed_authors(state, orgs, who) if orgs and "(" in text[orgs[0].start : orgs[-1].end + 2] else None
    if by_org is not None:
        who = list(dict.fromkeys([*who, *(a for named in by_org.values() for a in named)]))
    for author in who:
        if author is not None and collab[author]:
            author = None  # a consortium is not a person: its members' ties have no byline author
        for org in targets:
            if by_org is not None and author not in by_org.get(org.start if org is not None else -1, who):
                continue
            if org is None:
                # The description may follow lead words ("shareholder in a clinic ..."): its span ends
                # where the description does.
                at = text.find(desc, t_end) if desc else -1
                span = (t_start, at + len(desc) if at >= 0 else t_end)
                add(DraftItem(author, category, None, payee, desc or spec, span, number))
            else:
                name, o_start = org.name, org.start
                end = o_start + len(name) if text.startswith(name, o_start) else org.end
                near = t_start - 80 <= o_start
                span = (min(t_start, o_start), max(t_end, end)) if near else (t_start, t_end)
                add(DraftItem(author, category, name, payee, spec, span, number))


BRACKET_JOINS: Final = frozenset({",", ";", "and", "&"})


def _bracketed_authors(state: ParseState, orgs: list[Org], who: list[int | None]) -> dict[int, list[int | None]] | None:
    """ "Study authors received grants from the Gates Foundation (MMH, ALH), the NIH (ALH) and the CDC (SAT)":
    a bracket of initials right after a listed funder says whose tie to that funder it is (those of the
    sentence's authors it names, or the named authors when the sentence names none of them).

    Keyed by each organization's start; None when no bracket after an organization names authors only."""
    text = state.text
    out: dict[int, list[int | None]] = {}
    for org in orgs:
        at = org.end
        while at < len(text) and text[at] == " ":
            at += 1
        if not text.startswith("(", at):
            continue
        close = text.find(")", at, at + 80)
        if close < 0:
            continue
        inner = state.toks.between(at + 1, close)
        if len(inner) == 1 and inner[0].text == "".join(w[0] for w in org.name.split() if w[0].isupper()):
            continue  # "Baylor Genetics (BG)": the name's own abbreviation
        named, spans = persons_anywhere(inner, state.index)
        if not named:
            continue
        rest = [t for t in inner if not any(a <= t.start < b for a, b in spans)]
        if all(t.low in BRACKET_JOINS for t in rest):
            out[org.start] = [a for a in who if a in named] or named  # type: ignore[assignment]
    return out or None


def _merge_patents(state: ParseState, first_item: int) -> None:
    """ "X holds patents ... The two authors ØF and OM are named as inventors": one holder per footnote.

    The footnote's items are the ones from `first_item` on."""
    pats = [it for it in state.items[first_item:] if it.category == "patents"]
    holders = {it.org for it in pats if it.org}
    if len(holders) != 1:
        return
    if not any(it.org and it.author is None for it in pats):
        # one author's own patent or licence ("fees from Abbott Labs for intellectual property") holds nobody
        # else's: only that author's patents said again without the holder are the same ones
        with_holder = {it.author for it in pats if it.org}
        for it in pats:
            if it.org is None and it.author in with_holder:
                state.items.remove(it)
        return
    holder = holders.pop()
    named = any(it.author is not None for it in pats)
    for it in pats:
        if it.org is None:
            it.org = holder
        if named and it.author is None:
            state.items.remove(it)
