"""Shapes of names the relation phrases must not read into: a body named after its portfolios ("Ministry of
Business, Innovation and Employment"), whose last word looks like a relation phrase."""

from __future__ import annotations

import re

# "<Name> of X, Y and Employment", "<Name> for X and Training": a capitalised word after a listed
# capitalised field ends the name of a body.
PORTFOLIO_BEFORE_RE = re.compile(r"\b(?:of|for)\s+(?:[A-Z][a-z]+,\s+)*[A-Z][a-z]+,?\s+(?:and|&)\s+$")


def ends_portfolio_name(text: str, start: int) -> bool:
    """Whether the capitalised word at `start` is the last portfolio of a body's name."""
    return PORTFOLIO_BEFORE_RE.search(text, max(0, start - 80), start) is not None
