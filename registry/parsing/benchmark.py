"""Throughput of the statement parser, for `manage.py bench` and for anyone tuning the parser."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from time import thread_time
from typing import Any

from . import clear_caches, parse_statement


@dataclass(frozen=True)
class Throughput:
    """What one pass over the statements read, and how fast."""

    statements: int
    items: int  # interests read (one row per person, organization and kind of tie)
    declares_none: int  # authors a statement says have nothing to declare
    per_second: float  # statements per second of CPU time on one core, the median over the passes


def measure_throughput(records: Iterable[Mapping[str, Any]], *, repeat: int = 20) -> Throughput:
    """Statements parsed per second on one core: the median of `repeat` passes over `records`
    ({"statement", "authors"}), with what a pass read, so a figure of a parser that reads nothing is seen
    for what it is.

    A pass is timed by the CPU time of the thread that parses (one core), not the wall clock, which on a
    shared machine counts the time other processes hold the core. Every pass starts with cold author
    caches, so each statement's author list is new to the parser, as in a real batch where every article
    has its own authors; the median keeps one slow pass from moving the figure.
    """
    statements = [(record["statement"], list(record["authors"])) for record in records]
    if not statements:
        raise ValueError("no statements to measure")
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    rates = []
    for _ in range(repeat):
        clear_caches()
        start = thread_time()
        results = [parse_statement(statement, authors) for statement, authors in statements]
        rates.append(len(statements) / max(thread_time() - start, 1e-9))
    return Throughput(
        statements=len(statements),
        items=sum(len(result.items) for result in results),
        declares_none=sum(len(result.declares_none) for result in results),
        per_second=statistics.median(rates),
    )
