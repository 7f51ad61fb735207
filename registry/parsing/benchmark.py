"""Throughput of the statement parser, for `manage.py bench` and for anyone tuning the parser."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from time import perf_counter
from typing import Any

from . import clear_caches, parse_statement


def measure_throughput(records: Iterable[Mapping[str, Any]], *, repeat: int = 20) -> float:
    """Statements parsed per second: the median of `repeat` passes over `records` ({"statement", "authors"}).

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
        for statement, authors in statements:
            parse_statement(statement, authors)
        rates.append(len(statements) / (perf_counter() - start))
    return statistics.median(rates)
