"""Notices about another article: corrections, errata, retractions, expressions of concern, addenda.

A notice is published as an article of its own, often with the original's competing-interests
statement printed again. Where the original is in the registry, the notice adds nothing to audit
(its findings would repeat the original's); where it is not, the notice's statement is the only
copy of the original's and is audited in its place. What a notice declares counts as declared either
way.
"""

import re
from functools import lru_cache

# Article types as JATS (@article-type, hyphens read as spaces), journals' display channels, PubMed
# (PublicationType) and Crossref write them. "Retracted Publication" and "Corrected and Republished
# Article" are articles, not notices, and do not match.
_NOTICE_TYPE = re.compile(
    r"\b(?:correction|corrigend(?:um|a)|errat(?:um|a)|(?:partial )?retraction(?: note| notice| of publication)?"
    r"|expression of concern|addendum|withdrawal notice)\b",
    re.IGNORECASE,
)

# Titles that say what the article is: "Correction: ...", "Correction to: ...", "Retraction Note: ...",
# "Erratum to ...", "Expression of Concern: ...". "Correction of ..." and "Correction for ..." are
# research titles ("Correction for population structure ...") and do not match.
_NOTICE_TITLE = re.compile(
    r"^\s*(?:correction|corrigendum|erratum|retraction(?: note| notice)?|notice of retraction"
    r"|(?:editorial )?expression of concern|addendum)(?:\s*:|\s+to\b)",
    re.IGNORECASE,
)
_QUOTES = " \t\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb:."  # spaces, quotation marks, a colon, a full stop


def is_notice(article_type: str, title: str) -> bool:
    """Whether an article with this type and title is a notice about another article."""
    return _notice_type(article_type or "") or _NOTICE_TITLE.match(title or "") is not None


@lru_cache(maxsize=1024)  # a registry holds a few dozen types, asked about for every article an audit reads
def _notice_type(article_type: str) -> bool:
    return _NOTICE_TYPE.search(article_type) is not None


def corrected_title(title: str) -> str:
    """The title of the article a notice is about, as the notice's own title gives it: the title after
    "Correction: " or "Erratum to ", else the title itself (notices often repeat it)."""
    found = _NOTICE_TITLE.match(title or "")
    return _tidy(title[found.end() :] if found else title or "")


def title_key(title: str) -> str:
    """A title as compared across articles: case, spacing, quotes and a final full stop ignored."""
    return _tidy(title.casefold())


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(_QUOTES)
