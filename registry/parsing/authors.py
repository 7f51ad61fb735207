"""Matching initials ("J-PML", "D.T.P.") and partial names ("JM Gatell") to the article's author list."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from typing import Final

from rapidfuzz.distance import DamerauLevenshtein

from .spelling import (
    DOTTED_PARTS_RE,
    DOTTED_SPLIT_RE,
    GLUED_RE,
    NAME_SPLIT_RE,
    PARTICLES,
    PLAIN_CHARACTERS,
    PLAIN_NAME_RE,
    SPACED_INITIAL_RE,
    TITLES,
    fold,
    initials_key,
    looks_like_initials,
    name_variants,
    umlauts_spelt_out,
)
from .text import words

_MISSING: Final = object()
# TITLES as they may be written, in any case: a word is a title when its lower case is one of TITLES,
# told without lower-casing every word of a name. No character outside ASCII lower-cases into a title's
# letters (the Kelvin sign gives "k", which no title holds).
TITLES_ANY_CASE: Final = frozenset(
    "".join(letters) for title in TITLES for letters in product(*({c, c.upper()} for c in title))
)


SYLLABLE_ENDS: Final = frozenset("aeiouvngr")
VANCOUVER_INITIALS_RE: Final = re.compile(r"[A-Z]{1,3}\.?")


class AuthorIndex:
    """Lookups over one author list; each table is built on first use, since most footnotes never
    mention a name or initials and every statement of a batch comes with its own author list."""

    def __init__(self, authors: tuple[str, ...]) -> None:
        self.names = authors
        # One look at all the names spares a look at each: a consortium's name holds "COLLAB".
        maybe_collab = "COLLAB" in "\n".join(authors).upper()
        self.collab = [_is_collab(a) for a in authors] if maybe_collab else [False] * len(authors)
        self._tokens: list[list[str] | None] = [None] * len(authors)
        self._plain: list[bool] = [False] * len(authors)
        self._by_letter: dict[str, list[int]] | None = None
        self._spellings: dict[tuple[int, bool], frozenset[str]] = {}
        self._initials_memo: dict[str, int | None] = {}
        self._strict_memo: dict[str, int | None] = {}
        self._by_surname: dict[str, list[int]] | None = None
        self._by_first: dict[str, list[int]] | None = None
        self._by_compound: dict[str, list[int]] | None = None
        self._first_surnames: dict[str, list[int]] | None = None
        self._joined: str | None = None
        self._given: dict[int, list[str]] = {}
        self._memo: dict[tuple[str, ...], int | None] = {}
        self._by_middle: dict[str, list[int]] | None = None
        self._every: dict[int, str] = {}

    def _name_tokens(self, idx: int) -> list[str]:
        toks = self._tokens[idx]
        if toks is None:
            name = self.names[idx]
            if not self.collab[idx] and PLAIN_NAME_RE.fullmatch(name):
                toks = self._tokens[idx] = _without_suffix(name.split(" "))
                self._plain[idx] = True
            else:
                toks = self._tokens[idx] = _name_tokens(name, self.collab[idx])
        return toks

    def _surnames(self) -> dict[str, list[int]]:
        if self._by_surname is None:
            self._by_surname = {}
            for idx, name in enumerate(self.names):
                parts = name.split()
                last = parts[-1] if parts else ""
                if ":" in name or self.collab[idx] or last.lower() in SUFFIXES or last.lower() == "the" or not last:
                    toks = self._name_tokens(idx)  # the general rules
                    last = toks[-1] if toks else ""
                # fold() of an ASCII word is its lower case: asked directly, it spares a cache entry per author
                key = last.lower() if last.isascii() else fold(last)
                self._by_surname.setdefault(key, []).append(idx)
                if not last.isascii():
                    umlauts = umlauts_spelt_out(last)  # "Mueller" for a byline "Müller"
                    if umlauts != key:
                        self._by_surname.setdefault(umlauts, []).append(idx)
        return self._by_surname

    def _folded_names(self) -> str:
        """All the names in one folded string, which holds every surname key of `_surnames`."""
        if self._joined is None:
            # the same as folding the joined names (no letter's case depends on one beyond a line break);
            # an ASCII byline, most of them, is folded by one lower-casing, which is what fold() does to it
            joined = "\n".join(self.names)
            if joined.isascii():
                self._joined = joined.lower()
            else:
                folded = [fold(name) for name in self.names]
                folded += [umlauts_spelt_out(name) for name in self.names if not name.isascii()]
                self._joined = "\n".join(folded)
        return self._joined

    def _with_surname(self, word: str) -> list[int] | tuple[()]:
        """Authors whose surname is `word` (a trailing dot aside), in byline order."""
        key = fold(word.rstrip("."))
        if key not in self._folded_names():
            return ()  # most capitalised words are no author's surname: the table is not needed for them
        return self._surnames().get(key, ())

    def _compound_surnames(self) -> dict[str, list[int]]:
        """The last two words of three-word names as one surname: "M. Roman-Rodriguez" for Miguel Roman
        Rodriguez (a double surname written with a hyphen), "Dr. St. Louis" for Erik K St Louis."""
        if self._by_compound is None:
            self._by_compound = {}
            for idx, name in enumerate(self.names):
                parts = name.split()
                if len(parts) >= 3 and parts[-2][:1].isupper() and "-" not in parts[-1] and not self.collab[idx]:
                    self._by_compound.setdefault(fold(f"{parts[-2]}-{parts[-1]}"), []).append(idx)
                    self._by_compound.setdefault(fold(f"{parts[-2].rstrip('.')} {parts[-1]}"), []).append(idx)
                elif len(parts) >= 2 and parts[-1].count("-") == 1 and not self.collab[idx]:
                    # "Maria Gomez Ruiz" for a byline "Maria Gómez-Ruiz": the double surname without its hyphen
                    self._by_compound.setdefault(fold(parts[-1].replace("-", " ")), []).append(idx)
        return self._by_compound

    def _by_first_surname(self, word: str) -> list[int]:
        """Authors whose double surname starts with `word`: "Dr. Gómez" for María Gómez-Ruiz, as Spanish and
        Portuguese usage names people by their first surname."""
        if self._first_surnames is None:
            self._first_surnames = {}
            for idx, name in enumerate(self.names):
                parts = name.split()
                if len(parts) >= 2 and parts[-1].count("-") == 1 and not self.collab[idx]:
                    first = parts[-1].split("-")[0]
                    if len(first) >= 3 and first[:1].isupper():
                        self._first_surnames.setdefault(fold(first), []).append(idx)
        return self._first_surnames.get(fold(word.rstrip(".")), [])

    def _by_compound_name(self, words: list[str], titled: bool) -> int | None:
        compounds = self._compound_surnames()
        if not compounds:
            return None
        for given, key in ((words[:-1], words[-1]), (words[:-2], f"{words[-2].rstrip('.')} {words[-1]}")):
            hits = compounds.get(fold(key.rstrip(".")), [])
            if not given and titled and len(hits) == 1:
                return hits[0]
            for idx in hits:
                if given and self._given_ok(idx, given):
                    return idx
        return None

    def by_one_name(self, word: str) -> int | None:
        """The one author whose surname, or else whose first given name, is `word` ("Greenwald", "Ashwini")."""
        key = fold(word)
        if key not in self._folded_names():
            return None  # one look at all the names spares building the tables for most words
        hits = self._surnames().get(key, [])
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None
        if self._by_first is None:
            self._by_first = {}
            for idx, name in enumerate(self.names):
                parts = name.split()
                if len(parts) > 1 and not self.collab[idx]:
                    self._by_first.setdefault(fold(parts[0]), []).append(idx)
        given = self._by_first.get(key, [])
        return given[0] if len(given) == 1 else None

    def _given_names(self, idx: int) -> list[str]:
        given = self._given.get(idx)
        if given is None:
            names = [t.replace(".", "") for t in self._name_tokens(idx)[:-1]]
            given = [fold(t) for t in names]
            # "Juergen" for a byline "Jürgen", as German is written without umlauts
            given += [spelt for t in names if not t.isascii() and (spelt := umlauts_spelt_out(t)) not in given]
            self._given[idx] = given
        return given

    def _candidates(self, letter: str) -> list[int]:
        """Authors whose initials may start with `letter`, in byline order (a leading particle may give none)."""
        by_letter = self._by_letter
        if by_letter is None:
            by_letter = self._by_letter = {}
            for idx, name in enumerate(self.names):
                initial = name[:1]
                first: str | None = initial
                if not ("A" <= initial <= "Z" and name[:3].lower() != "the") or self.collab[idx]:
                    first = None if self.collab[idx] else _leading_letter(name)  # the general rules
                if first is None:
                    toks = self._name_tokens(idx)
                    if not toks:
                        continue
                    first = _first_letter(toks[0])
                group = by_letter.get(first)
                if group is None:
                    by_letter[first] = [idx]
                else:
                    group.append(idx)
        lettered = by_letter.get(letter, [])
        particles = by_letter.get("", []) if letter else []
        return sorted(lettered + particles) if particles else lettered

    def _spelling(self, idx: int, short: bool) -> frozenset[str]:
        """Every initialism of one author, as spelled and folded; `short` uses the first and last names only."""
        found = self._spellings.get((idx, short))
        if found is None:
            toks = self._name_tokens(idx)
            if short:
                if len(toks) == 2 and 2 <= len(toks[0]) <= 3 and toks[0].isupper() and toks[0].isalpha():
                    toks = [toks[0][0], toks[-1]]  # "AV" for AJ Venkatakrishnan: the first of a given name's initials
                else:
                    toks = [toks[0], toks[-1]] if len(toks) > 2 else []
            if self._plain[idx] and toks:
                kept = toks[:4] + toks[-4:] if len(toks) > 8 else toks
                found = self._spellings[(idx, short)] = frozenset(("".join([t[0] for t in kept]),))
                return found  # what name_variants gives for such a name, found without its general rules
            keys = name_variants(toks) if toks else set()
            if not all(key.isascii() for key in keys):
                keys |= {fold(key).upper() for key in keys}  # an ASCII initialism is upper case already
            found = self._spellings[(idx, short)] = frozenset(keys)
        return found

    def by_initials(self, text: str, strict: bool = False) -> int | None:
        """The author whose initials `text` is; `strict` leaves out the readings that guess a middle
        initial the byline lacks or a name behind a leading initial ("MSD" is no "Manuela Doroana" in the
        middle of a list of companies)."""
        if "." in text and not text.isupper() and DOTTED_PARTS_RE.fullmatch(text):
            return self._by_dotted_parts(text)
        key = initials_key(text)
        if not key:
            return None
        memo = self._strict_memo if strict else self._initials_memo
        if key in memo:
            return memo[key]
        folded = key if key.isascii() else fold(key).upper()
        candidates = self._candidates(folded[:1])
        found = self._first_spelling(candidates, key, folded)
        if found is None and len(folded) >= 3:
            found = self._some_middles(candidates, folded)
        if found is None and len(folded) == 3 and not strict:
            found = self._without_middle(candidates, folded)
        if found is None and 2 <= len(folded) <= 3 and not strict:
            found = self._by_middle_name(folded)
        if found is None and len(folded) == 3 and not strict:
            found = self._by_syllables(candidates, folded)
        if found is None and not text.isupper() and text.isalpha():
            found = self._by_particle(candidates, text)
        memo[key] = found
        return found

    def _by_particle(self, candidates: list[int], text: str) -> int | None:
        """ "BvE" for Betty C. A. M. van Esch: the first and last names with the particle before the last,
        written in lower case, when one author alone fits."""
        hits = []
        for idx in candidates:
            toks = self._name_tokens(idx)
            particles = [t for t in toks[1:-1] if t[:1].islower() and t.lower() in PARTICLES]
            if particles and fold(toks[0][0] + "".join(p[0] for p in particles) + toks[-1][0]) == fold(text):
                hits.append(idx)
        return hits[0] if len(hits) == 1 else None

    def _by_middle_name(self, folded: str) -> int | None:
        """ "GJ" for a byline "R Gisli Jenkins": an author who goes by the name after a leading initial,
        when one author alone fits."""
        if self._by_middle is None:
            # built once: every acronym of a statement ("GSK", "NIH") that is no author's initials comes here
            self._by_middle = {}
            for idx in range(len(self.names)):
                toks = self._name_tokens(idx)
                if len(toks) >= 3 and len(toks[0].rstrip(".")) == 1 and toks[0][0].isupper():
                    rest = "".join(_first_letter(t) for t in toks[1:])
                    self._by_middle.setdefault(rest, []).append(idx)
        hits = self._by_middle.get(folded, [])
        return hits[0] if len(hits) == 1 else None

    def _some_middles(self, candidates: list[int], folded: str) -> int | None:
        """ "A.R.E.S" for Alexander R. E. C. Schwinges: the first and last initials with some of the middle ones,
        in order, when one author alone fits (nothing the byline lacks is guessed)."""
        hits = []
        for idx in candidates:
            whole = self._every_part(idx)
            if len(whole) <= len(folded) or whole[0] != folded[0] or whole[-1] != folded[-1]:
                continue
            middles = iter(whole[1:-1])
            if all(letter in middles for letter in folded[1:-1]):
                hits.append(idx)
        return hits[0] if len(hits) == 1 else None

    def _without_middle(self, candidates: list[int], folded: str) -> int | None:
        """ "RJM" for a byline "Ryan Marsh": a middle initial the byline leaves out, when one author alone
        has the first and last letters and no middle name."""
        short = folded[0] + folded[2]
        hits = [i for i in candidates if len(self._name_tokens(i)) == 2 and short in self._spelling(i, False)]
        return hits[0] if len(hits) == 1 else None

    def _by_syllables(self, candidates: list[int], folded: str) -> int | None:
        """ "J.J.Z." for Jianjun Zhang: a given name of two syllables written as one word, each syllable
        initialled, when one author alone has a syllable starting with the middle letter (after a vowel,
        "n", "g" or "r", where such a syllable can begin)."""
        hits = []
        for idx in candidates:
            toks = self._name_tokens(idx)
            if len(toks) != 2 or fold(toks[-1])[:1].upper() != folded[2]:
                continue
            given = fold(toks[0]).lower()
            middle = folded[1].lower()
            if any(given[k] == middle and given[k - 1] in SYLLABLE_ENDS for k in range(2, len(given) - 1)):
                hits.append(idx)
        return hits[0] if len(hits) == 1 else None

    def _by_dotted_parts(self, text: str) -> int | None:
        """ "D.Sh." = Diana Shpektor: each part starts one name word, the last part the surname."""
        if text in self._initials_memo:
            return self._initials_memo[text]
        parts = [fold(p) for p in DOTTED_SPLIT_RE.split(text) if p]
        for k in range(len(parts) - 2, 0, -1):
            if parts[k].lower() in ("mc", "mac") and len(parts[k + 1]) == 1:
                parts[k : k + 2] = [parts[k] + parts[k + 1]]  # "K.Mc.M." for Killian McManus: one surname
        found = None
        for idx in range(len(self.names)):
            toks = [fold(t.replace(".", "")) for t in self._name_tokens(idx) if t.lower() not in PARTICLES]
            toks = [p for t in toks for p in t.split("-") if p]
            fits = len(toks) >= len(parts) and toks[-1].startswith(parts[-1])
            if fits and all(toks[k].startswith(parts[k]) for k in range(len(parts) - 1)):
                found = idx
                break
        self._initials_memo[text] = found
        return found

    def other_with_initials(self, text: str, taken: set[int]) -> int | None:
        """The first author not in `taken` whose full initials are `text`: a list naming "MD" twice
        ("..., MD, SW, ..., MD, ASB") means two authors with the same initials."""
        key = initials_key(text)
        if not key or not key.isalpha():
            return None
        folded = key if key.isascii() else fold(key).upper()
        for short in (False, True):
            for idx in self._candidates(folded[:1]):
                if idx not in taken and (key in self._spelling(idx, short) or folded in self._spelling(idx, short)):
                    return idx
        return None

    def _first_spelling(self, candidates: list[int], key: str, folded: str) -> int | None:
        # Full names before first-and-last; the spelling as written before the folded one; ambiguous
        # initials go to the first author in byline order.
        for short in (False, True):
            for spelled in (key, folded) if folded != key else (key,):
                hits = [idx for idx in candidates if spelled in self._spelling(idx, short)]
                if len(hits) > 1:
                    # "SS" is Stephan Schann, whose every name part it gives, before Stéphane St-Onge (SS-O)
                    whole = [idx for idx in hits if self._every_part(idx) == folded]
                    return whole[0] if whole else hits[0]
                if hits:
                    return hits[0]
        return None

    def _every_part(self, idx: int) -> str:
        """The first letter of every part of an author's name, hyphenated parts included: "SSO" for
        Stéphane St-Onge."""
        found = self._every.get(idx)
        if found is None:
            parts = [p for t in self._name_tokens(idx) for p in HYPHENS_RE.split(t) if p]
            found = self._every[idx] = fold("".join(p[0] for p in parts)).upper()
        return found

    def by_name(self, words: list[str]) -> int | None:
        titled = len(words) > 1 and words[0] in TITLES_ANY_CASE
        if len(words) > 1 and words[-1].lower() in SUFFIXES:
            # "Smith Jr.", "RAS Jr.": a generational suffix says a person is named, as a title does
            words, titled = words[:-1], True
            if len(words) == 1 and looks_like_initials(words[0]):
                return self.by_initials(words[0])
        words = [w for w in words if w not in TITLES_ANY_CASE]
        if len(words) == 1 and titled:
            hits = self._with_surname(words[0])
            if not hits and looks_like_initials(words[0]):
                return self.by_initials(words[0])  # "Dr J.P.S. served as consultant"
            if not hits:
                hits = self._by_first_surname(words[0])
            return hits[0] if len(hits) == 1 else None
        if len(words) == 1:
            m = GLUED_RE.match(words[0])  # "TTaniguchi": initial glued to the surname
            if not m:
                return None
            words = [m.group(1), m.group(2)]
        if len(words) < 2:
            return None
        for idx in self._with_surname(words[-1]):
            if self._given_ok(idx, words[:-1]):
                return idx
        if len(words) == 2 and words[1][:1].isupper() and len(words[1]) > 2 and not words[1].isupper():
            # "Zhang Wei" for a byline "Wei Zhang": a full name written surname first, the given name whole
            for idx in self._with_surname(words[0]):
                if len(self._name_tokens(idx)) == 2 and fold(words[1]) in self._given_names(idx):
                    return idx
        if len(words) == 2 and VANCOUVER_INITIALS_RE.fullmatch(words[1]) and not words[0].isupper():
            # "Smith J", "Lundgren JD": the surname first and the initials after it, as references write them
            for idx in self._with_surname(words[0]):
                if self._given_ok(idx, [words[1]]):
                    return idx
        if "-" in words[-1] or words[-2].endswith(".") or (len(words) >= 3 and words[-2][:1].isupper()):
            found = self._by_compound_name(words, titled)  # "Roman-Rodriguez", "St. Louis", "Gomez Ruiz"
            if found is not None:
                return found
        if "-" in words[-1] or words[-2].endswith("."):
            return None
        if len(words) >= 3 and not titled:
            # "Renato Matta Ramos" for a byline "Renato Matta": a second surname the byline leaves out
            for idx in self._with_surname(words[-2]):
                if self._given_ok(idx, words[:-2]):
                    return idx
        return None

    def _given_ok(self, idx: int, given: list[str]) -> bool:
        author_given = self._given_names(idx)
        author_init = "".join(_given_initials(t) for t in self._name_tokens(idx)[:-1] if t.lower() not in PARTICLES)
        text_init, spelt_out = "", False
        for g in given:
            bare = g.replace(".", "")
            if not bare or bare.lower() in PARTICLES:
                continue
            if bare.replace("-", "").isupper() and len(bare) <= 4:
                text_init += bare.replace("-", "").lower()  # "ML", "S.-H."
            elif fold(bare) in author_given or any(fold(bare) in g.split("-") for g in author_given):
                text_init += fold(bare)[0]  # "Jean L. Montastruc" for Jean-Louis Montastruc
                spelt_out = True
            elif _short_form(fold(bare), author_given):
                text_init += fold(bare)[0]  # "Theodora Bloom" for a byline "Theo Bloom", "Chris" for Christopher
                spelt_out = True
            elif _misspelt(fold(bare), author_given):
                text_init += fold(bare)[0]  # "Guiseppe Plazzi" for a byline "Giuseppe Plazzi"
                spelt_out = True
            elif self._initials_only(idx):
                text_init += fold(bare)[0]  # "Markku Lähteenvuo" for a byline "M. Lähteenvuo": initials only
            else:
                return False
        # "Nathan J. Hillson" for a byline "Nathan Hillson": a spelt-out given name may bring a middle initial
        return author_init.startswith(text_init) or (spelt_out and text_init.startswith(author_init))

    def _initials_only(self, idx: int) -> bool:
        """Whether the byline gives only initials before the surname ("M. Lahteenvuo", "AV. Ahola-Olli")."""
        given = [t.replace(".", "").replace("-", "") for t in self._name_tokens(idx)[:-1]]
        return bool(given) and all(g.isupper() and len(g) <= 3 for g in given if g)

    def match(self, words: list[str], strict: bool = False) -> int | None:
        """Author index for one mention (initials, "JM Gatell", "Robert Tjian"), or None; `strict` as in
        `by_initials`, for mentions in the middle of a sentence."""
        key = (*words, "\0") if strict else tuple(words)
        found = self._memo.get(key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        if len(words) == 1 and words[0][-2:] in ("'s", "\u2019s") and len(words[0]) > 3:
            words = [words[0][:-2]]  # "KC's effort is supported by ..."
        # an initial is two characters ("A.", "J.-M."): a look at the first word spares the regex for most
        if (
            len(words) > 1
            and words[0][1:2] == "."
            and all(SPACED_INITIAL_RE.fullmatch(w) for w in words[:-1])
            and (SPACED_INITIAL_RE.fullmatch(words[-1]) or (len(words[-1]) == 1 and words[-1].isupper()))
        ):
            # "A. E. C." = AEC, "J.-M. M." = J-MM, "J. R. S" (the last full stop left out) = JRS
            words = ["".join(c for w in words for c in w if c != ".")]
        initials = len(words) == 1 and looks_like_initials(words[0])
        idx = self.by_initials(words[0], strict) if initials else self.by_name(words)
        if len(self._memo) < 4096:
            self._memo[key] = idx
        return idx

    def match_label_piece(self, piece: str) -> int | None:
        """Footnote labels may glue initials with colons ("RP:CB") or spell out a full name."""
        words = piece.split()
        if len(words) == 1 and looks_like_initials(words[0]):
            return self.by_initials(words[0])
        return self.by_name(words)

    def all_authors(self) -> list[int]:
        return list(range(len(self.names)))


HYPHENS_RE: Final = re.compile(r"[-\u2010]")


def _short_form(given: str, author_given: list[str]) -> bool:
    """Whether a given name in the text and one of the byline's are the same name, one cut short."""
    return len(given) >= 3 and any(len(g) >= 3 and (given.startswith(g) or g.startswith(given)) for g in author_given)


def _misspelt(given: str, author_given: list[str]) -> bool:
    """Whether a given name of five letters or more is one of the byline's with one letter wrong, missing,
    added or two neighbouring letters swapped; the surname has matched already."""
    return len(given) >= 5 and any(
        g[:1] == given[:1] and DamerauLevenshtein.distance(given, g, score_cutoff=1) == 1 for g in author_given
    )


def _given_initials(tok: str) -> str:
    """Letters a given name stands for in initials: "ML" -> "ml", "Seung-Hoon" -> "sh", "Jörg" -> "j"."""
    bare = tok.replace(".", "")
    if not bare:
        return ""
    if bare.replace("-", "").isupper() and len(bare) <= 4:
        return fold(bare.replace("-", ""))
    return "".join(fold(p[0]) for p in bare.split("-") if p)


def _first_letter(tok: str) -> str:
    """Folded first initial of a name token; "" when it may contribute no letter (a particle)."""
    bare = tok.replace(".", "").lstrip("-")
    if not bare or (bare[0].islower() and bare.lower() in PARTICLES):
        return ""
    first = bare[0]
    return first.upper() if first.isascii() else fold(first).upper()[:1]


def _is_collab(name: str) -> bool:
    """A consortium ("COLLAB: Reproducibility Project: Cancer Biology") rather than a person."""
    head = name.lstrip()[:6]
    if head.isascii():
        return head.upper() == "COLLAB"  # upper-casing ASCII keeps the length, so the head decides
    return name.strip().upper().startswith("COLLAB")


def _leading_letter(name: str) -> str | None:
    """What `_first_letter` gives for a name starting with a capital A-Z, read without splitting the
    name; None when the name needs splitting (another first character, or a leading "The")."""
    name = name.lstrip()
    first = name[:1]
    if not "A" <= first <= "Z":
        return None
    if name[:3].lower() == "the" and (name[3:4] in ("", ":") or name[3:4].isspace()):
        return None
    return first


# Generational suffixes after a surname: "Joseph V. Pergolizzi Jr." is Pergolizzi in the text, and PubMed
# writes "George R Thompson 3rd".
SUFFIXES: Final = words("jr jr. sr sr. ii iii iv 2nd 3rd 4th")


def _without_suffix(parts: list[str]) -> list[str]:
    return parts[:-1] if len(parts) >= 3 and parts[-1].lower() in SUFFIXES else parts


def _name_tokens(name: str, collab: bool) -> list[str]:
    # Wiley prints the hyphen of a double surname as U+2010 ("Pardo\u2010Hernandez"): its parts still give initials
    name = name.strip().translate(PLAIN_CHARACTERS)
    if collab:
        name = name.split(":", 1)[-1]
    parts = NAME_SPLIT_RE.split(name) if ":" in name else name.split()
    return _without_suffix([t for t in parts if t and not (len(t) == 3 and t.lower() == "the")])


@lru_cache(maxsize=256)
def author_index(authors: tuple[str, ...]) -> AuthorIndex:
    return AuthorIndex(authors)
