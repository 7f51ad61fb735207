"""The performance figures and their targets, measured on the synthetic registry, and the audit's
precision and recall on the planted conflicts."""

import json
import re
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

import pubmed_parser
from django.conf import settings
from lxml import etree

from audits.models import Finding
from audits.scope import AuditScope, build_scope
from audits.services import run_audit
from benchmark.synthetic import Planted
from registry.importers import import_jats_paths
from registry.parsing import compiled as parsing_compiled
from registry.parsing.benchmark import measure_throughput


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: float | None = None
    higher_is_better: bool = True
    note: str = ""

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    @property
    def gap(self) -> str:
        """How far from the target, in words, when missed."""
        if self.met is not False:
            return ""
        ratio = self.target / self.value if self.higher_is_better and self.value else self.value / self.target
        return f"missed by {ratio:.1f}x"

    def as_dict(self) -> dict:
        return {**asdict(self), "met": self.met, "gap": self.gap}


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


# How a finding of each rule names the case it is about; planted keys use the same shapes.
KEYS: dict[str, Callable[[dict], tuple]] = {
    "MISSING_DISCLOSURE": lambda f: ("a", f["authorship_id"]),
    "NONE_DECLARED_BUT_INTERESTS": lambda f: ("a", f["authorship_id"]),
    "UNDISCLOSED_INTEREST": lambda f: ("ai", f["authorship_id"], f["interest_id"]),
    "INCONSISTENT_ACROSS_ARTICLES": lambda f: ("ai", f["authorship_id"], f["interest_id"]),
    "MULTIPLE_TIES_SAME_ENTITY": lambda f: ("ao", f["authorship_id"], f["organization_id"]),
    "RELEVANT_INTEREST": lambda f: ("ao", f["authorship_id"], f["organization_id"]),
    "FUNDER_TIE": lambda f: ("ai", f["authorship_id"], f["interest_id"]),
    "ORGANIZATION_NAME_VARIANT": lambda f: ("oo", *sorted(f["evidence"]["organization_ids"])),
    "REVIEWER_CONFLICT": lambda f: ("ap", f["article_id"], f["person_id"]),
    "SIGNIFICANT_FINANCIAL_INTEREST": lambda f: ("ao", f["authorship_id"], f["organization_id"]),
}


def planted_scores(run, planted: Planted) -> dict[str, dict]:
    """Precision and recall per rule of the run's findings against the planted conflicts."""
    found: dict[str, set] = defaultdict(set)
    fields = ["rule_code", "authorship_id", "interest_id", "organization_id", "article_id", "person_id", "evidence"]
    for finding in Finding.objects.filter(occurrences__run=run).values(*fields).iterator(chunk_size=5000):
        key = KEYS.get(finding["rule_code"])
        if key:
            found[finding["rule_code"]].add(key(finding))
    scores = {}
    for rule, expected in sorted(planted.keys.items()):
        hits = len(found[rule] & expected)
        scores[rule] = {
            "planted": len(expected),
            "found": len(found[rule]),
            "precision": hits / len(found[rule]) if found[rule] else 1.0,
            "recall": hits / len(expected) if expected else 1.0,
        }
    return scores


def audit_figures(article_dois: list[str]) -> tuple[list[Figure], object]:
    seconds, run = timed(lambda: run_audit(actor=None, scope=AuditScope()))
    figures = [Figure("full audit", seconds, "s", target=60.0, higher_is_better=False)]
    single = []
    for doi in article_dois:
        elapsed, _ = timed(lambda doi=doi: run_audit(actor=None, scope=build_scope(article=doi)))
        single.append(elapsed * 1000)
    figures.append(
        Figure(
            "one-article audit (median)",
            statistics.median(single),
            "ms",
            target=100.0,
            higher_is_better=False,
            note=f"{len(single)} articles, slowest {max(single):.0f} ms",
        )
    )
    return figures, run


BENCH_DATA = Path(settings.BASE_DIR) / "tests" / "data"
JATS_COPIES = 20
# The import of a file (read, matched, stored) against the peer's reading it alone.
JATS_PEER_TARGET = 2.0
_DOI_ELEMENT = re.compile(rb'(<article-id pub-id-type="doi">)([^<]+)(</article-id>)')


def jats_figures() -> list[Figure]:
    """Import the project's sample JATS files, each under several DOIs (the same authors publishing
    again, as they do), into the scratch database; and the peer's figure, pubmed_parser reading the same
    files (their metadata, authors and affiliations: what the import reads too), with the ratio."""
    sources = [path for path in sorted((BENCH_DATA / "jats").glob("*.xml")) if _is_sample_article(path.read_bytes())]
    with tempfile.TemporaryDirectory(prefix="coi-bench-jats-") as folder:
        paths = []
        for copy in range(JATS_COPIES):
            for source in sources:
                suffix = f".b{copy}".encode()
                data = _DOI_ELEMENT.sub(lambda m, s=suffix: m[1] + m[2] + s + m[3], source.read_bytes(), 1)
                target = Path(folder) / f"{source.stem}-{copy}.xml"
                target.write_bytes(data)
                paths.append(target)
        seconds, summary = timed(lambda: import_jats_paths(paths))
        peer_seconds, _ = timed(lambda: [pubmed_parser.parse_pubmed_xml(str(path)) for path in paths])
    articles = len(paths)
    ratio = seconds / peer_seconds
    return [
        Figure(
            "JATS import",
            articles / seconds,
            "articles/s",
            target=50.0,
            note=f"{articles} articles from {len(sources)} sample files, {len(summary.failures)} refused",
        ),
        Figure(
            "JATS, pubmed_parser's parse (the peer)",
            articles / peer_seconds,
            "articles/s",
            note=f"pubmed_parser {version('pubmed-parser')}: parse_pubmed_xml of the same files, nothing stored",
        ),
        Figure(
            "JATS import against the peer's parse",
            ratio,
            "x",
            target=JATS_PEER_TARGET,
            higher_is_better=False,
            note=f"{seconds:.2f} s against {peer_seconds:.2f} s for the same {articles} files",
        ),
    ]


def _is_sample_article(data: bytes) -> bool:
    """The folder also holds deliberately bad files for the importer's tests; leave those out."""
    if b"<!ENTITY" in data or not _DOI_ELEMENT.search(data):
        return False
    try:
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return False
    return True


def parser_figure() -> Figure:
    """Statements per second on one core (CPU time) over the project's eLife/PLOS labelled statements."""
    lines = (BENCH_DATA / "labels" / "statements-dev.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    throughput = measure_throughput(records)
    note = (
        f"CPU time on one core, median of 20 passes over the {throughput.statements} eLife/PLOS labelled "
        f"statements of tests/data/labels; {throughput.items} interests read; parser "
        + ("compiled with mypyc" if parsing_compiled() else "as Python (not compiled)")
    )
    return Figure("statement parsing", throughput.per_second, "statements/s", target=5000.0, note=note)
