"""Roles given in brackets after a company: "Pfizer (Advisory Board), Inovio (BOD, SRA, Stock ownership)",
"personal fees from GEn1E Lifesciences (as a member of the scientific advisory board)"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .categories import Trigger
from .lists import Org
from .orgnames import clean_name, is_counterparty, is_name_token
from .text import Tok, words

# Role words that name a tie only inside such brackets ("Speaker", "Advisory", "SRA", "BOD").
SOLO_ROLE_RE: Final = re.compile(
    r"(?P<lectures>speakers?|speaking|lectures?|lecturing|honorari(?:a|ums?))"
    r"|(?P<advisory_board>advisory(?:\s+(?:boards?|committees?|councils?|panels?|roles?))?|advis[oe]rs?|SAB|DSMB|I?DMC|CEC)"
    r"|(?P<grants>SRA|sponsored\s+research(?:\s+agreements?)?|research(?:\s+(?:support|funding|grants?))?|grants?)"
    r"|(?P<leadership>BOD|directors?|board\s+members?|board)"
    r"|(?P<consulting>consult(?:ant|ancy|ing)(?:\s+fees?)?)"
    r"|(?P<stock>stock(?:\s+(?:ownership|options?))?|shares|equity|shareholder|stockholder)"
    r"|(?P<employment>employee|employment|salary)"
    r"|(?P<founder>co-?founder|founder)"
    r"|(?P<travel>travel(?:\s+(?:support|expenses))?)"
    r"|(?P<royalties>royalt(?:y|ies))",
    re.IGNORECASE,
)
# Words that may stand around the roles inside the brackets ("as a member of the scientific advisory board").
ROLE_FILLER: Final = words(
    "as a an the member members of on for in and or & / , - serving served participation membership his her "
    "their role roles scientific medical clinical strategic international global paid fees fee recipient recipients "
    "holder author"
)
# Where the company's name before the bracket begins: after one of these tokens.
NAME_STARTS: Final = words(", ; : ) and from with for to by at of in & or")
GENERIC_FEES_RE: Final = re.compile(r"personal\s+fees|honorari(?:a|ums?)|other|fees|funding|payments?", re.IGNORECASE)


@dataclass(slots=True, init=False)
class RoleBracket:
    """A company and the categories its bracket names."""

    org: Org
    categories: list[str]
    start: int  # the opening bracket
    end: int  # the closing bracket

    # __init__ written out: the one dataclass writes runs as Python even where mypyc compiles the class
    def __init__(self, org: Org, categories: list[str], start: int, end: int) -> None:
        self.org = org
        self.categories = categories
        self.start = start
        self.end = end


def role_brackets(text: str, toks: list[Tok], triggers: list[Trigger]) -> list[RoleBracket]:
    """Brackets after a name whose content is only roles; names of places ("(Basel, Switzerland)") and
    anything else in brackets are left alone."""
    found: list[RoleBracket] = []
    for k, tok in enumerate(toks):
        if tok.text != "(" or k == 0:
            continue
        close = next((j for j in range(k + 1, min(len(toks), k + 30)) if toks[j].text in ("(", ")")), None)
        if close is None or toks[close].text != ")":
            continue
        categories = _roles(text, toks[k + 1].start, toks[close - 1].end, toks[k + 1 : close])
        if not categories:
            continue
        org = _name_before(text, toks, k, triggers)
        if org is not None:
            found.append(RoleBracket(org, categories, tok.start, toks[close].end))
    return found


def _roles(text: str, a: int, b: int, inner: list[Tok]) -> list[str]:
    if not inner:
        return []
    cats: list[str] = []
    pos = a
    while pos < b:
        while pos < b and (text[pos].isspace() or text[pos] in ",/&-"):
            pos += 1
        if pos >= b:
            break
        m = SOLO_ROLE_RE.match(text, pos, b)
        if m and (m.end() == b or not text[m.end()].isalnum()):
            cats.append(m.lastgroup or "")
            pos = m.end()
            continue
        end = pos
        while end < b and not (text[end].isspace() or text[end] in ",/"):
            end += 1
        if text[pos:end].lower() not in ROLE_FILLER:
            return []  # a word that is no role: a place, a product, a description
        pos = end
    return list(dict.fromkeys(cats))


def _name_before(text: str, toks: list[Tok], k: int, triggers: list[Trigger]) -> Org | None:
    """The name right before the bracket: "Geneos (", "nplex biosciences (", "Advaccine (Advisory) Astrazeneca (".
    It starts after a separator or a relation phrase and may hold lower-case words."""
    last_trigger_end = max((t.end for t in triggers if t.end <= toks[k].start), default=-1)
    j = k
    while j > 0 and k - j < 6:
        prev = toks[j - 1]
        if prev.low in NAME_STARTS or prev.end <= last_trigger_end or prev.text == "(":
            break
        j -= 1
    run = toks[j:k]
    if not run or not is_counterparty(run) or not any(is_name_token(t) or t.text[0].isalpha() for t in run):
        return None
    if run[0].low in ("the", "a", "an"):
        run = run[1:]
    if not run or not run[0].text[0].isalnum() or run[0].low in ROLE_FILLER:
        return None
    return Org(clean_name(text, run), run[0].start, run[-1].end)


def is_generic(trigger: Trigger) -> bool:
    """Fees that a role in brackets explains ("personal fees from X (advisory board)")."""
    return bool(GENERIC_FEES_RE.fullmatch(trigger.text))
