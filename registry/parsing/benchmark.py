"""Throughput of the statement parser, for `manage.py bench` and for anyone tuning the parser."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from time import perf_counter
from typing import Any

from . import clear_caches, parse_statement


@dataclass(frozen=True)
class Throughput:
    """What one pass over the statements read, and how fast."""

    statements: int
    items: int  # interests read (one row per person, organization and kind of tie)
    declares_none: int  # authors a statement says have nothing to declare
    per_second: float  # statements per second, the median over the passes


def measure_throughput(records: Iterable[Mapping[str, Any]], *, repeat: int = 20) -> Throughput:
    """Statements parsed per second: the median of `repeat` passes over `records` ({"statement", "authors"}),
    with what a pass read, so a figure of a parser that reads nothing is seen for what it is.

    Every pass starts with cold author caches, so each statement's author list is new to the parser, as
    in a real batch where every article has its own authors; the median keeps one slow pass (another
    process taking the core) from moving the figure.
    """
    statements = [(record["statement"], list(record["authors"])) for record in records]
    if not statements:
        raise ValueError("no statements to measure")
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    rates = []
    for _ in range(repeat):
        clear_caches()
        start = perf_counter()
        results = [parse_statement(statement, authors) for statement, authors in statements]
        rates.append(len(statements) / (perf_counter() - start))
    return Throughput(
        statements=len(statements),
        items=sum(len(result.items) for result in results),
        declares_none=sum(len(result.declares_none) for result in results),
        per_second=statistics.median(rates),
    )
