"""The PubMed figures: a large PubMed-format file generated from the test samples (new PMIDs, DOIs
and author names for every copy), read by the parser alone, then imported into the scratch registry.
"""

import gzip
import re
import resource
import tempfile
import time
from pathlib import Path

from benchmark.measure import BENCH_DATA, Figure
from registry.importers.formats.pubmed import read_pubmed
from registry.importers.pubmed.dispatch import import_pubmed_paths

# (records parsed, records imported) a scale.
RECORDS = {"small": (5_000, 1_000), "medium": (30_000, 5_000), "large": (30_000, 30_000)}
SAMPLE = BENCH_DATA / "pubmed" / "pubmed26n0001-sample.xml.gz"
_RECORD = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.DOTALL)
_PMID = re.compile(rb"(<PMID Version=\"\d+\">|<ArticleId IdType=\"pubmed\">)\d+<")
_DOI = re.compile(rb"(<ELocationID EIdType=\"doi\"[^>]*>|<ArticleId IdType=\"doi\">)([^<]+)<")
_LAST_NAME = re.compile(rb"<LastName>([^<]+)</LastName>")
_ORCID = re.compile(rb"<Identifier Source=\"ORCID\">[^<]*</Identifier>")


def _tag(n: int) -> bytes:
    """A letters-only tag for copy n (names keep no digits): 0 → a, 27 → bb."""
    letters = []
    while True:
        n, rest = divmod(n, 26)
        letters.append(chr(97 + rest))
        if not n:
            return "".join(reversed(letters)).encode()


def write_pubmed_file(path: Path, records: int, *, same_people: bool = False, first: int = 0) -> None:
    """A gzipped PubMed file of `records` citations, each a sample record under a new PMID and DOI,
    its authors renamed per copy (so most are new people) and without ORCID iDs; with `same_people`,
    every copy keeps the sample's authors (names, ORCID iDs) as they are. `first` numbers the copies
    from there on, so that several files hold different citations and people."""
    text = gzip.decompress(SAMPLE.read_bytes())
    templates = _RECORD.findall(text)
    head = text[: text.index(b"<PubmedArticle>")]
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(head)
        for n in range(first, first + records):
            record = templates[n % len(templates)]
            tag = _tag(n // len(templates))
            record = _PMID.sub(lambda m, n=n: m[1] + str(50_000_000 + n).encode() + b"<", record)
            record = _DOI.sub(lambda m, n=n: m[1] + b"10.99999/bench." + str(n).encode() + b"<", record)
            if not same_people:
                record = _LAST_NAME.sub(lambda m, tag=tag: b"<LastName>" + m[1] + tag + b"</LastName>", record)
                record = _ORCID.sub(b"", record)
            out.write(record + b"\n")
        out.write(b"</PubmedArticleSet>\n")


def pubmed_figures(scale: str) -> list[Figure]:
    parsed, imported = RECORDS[scale]
    with tempfile.TemporaryDirectory(prefix="coi-bench-pubmed-") as folder:
        parse_file, import_file = Path(folder) / "pubmed99n0001.xml.gz", Path(folder) / "pubmed99n0002.xml.gz"
        write_pubmed_file(parse_file, parsed)
        write_pubmed_file(import_file, imported)
        started = time.process_time()
        with parse_file.open("rb") as raw:
            count = sum(1 for _ in read_pubmed(raw, file=parse_file.name, warnings=[]))
        parse_rate = count / (time.process_time() - started)
        memory_before = _max_rss_mb()
        started = time.perf_counter()
        summary = import_pubmed_paths([import_file], workers=False)
        seconds = time.perf_counter() - started
    grown = _max_rss_mb() - memory_before
    per_file = 30_000 * seconds / max(summary.records, 1)
    return [
        Figure("PubMed parsing (one core)", parse_rate, "records/s", target=5000.0, note=f"{count} records"),
        Figure(
            "PubMed import",
            summary.records / seconds,
            "records/s",
            target=1000.0,
            note=(
                f"{summary.records} records in {seconds:.1f} s, {len(summary.failures)} file(s) refused, "
                f"peak memory +{grown:.0f} MB; a 30,000-record file would take {per_file:.0f} s"
            ),
        ),
    ]


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
