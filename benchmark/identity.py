"""Person linking figures: one article's authors as an import links them, then the whole registry,
scored against the generator's record of which person records are one researcher."""

import random
import statistics
from collections import Counter

from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmark.measure import Figure, timed
from benchmark.synthetic_people import Identities
from registry.identity.linking import LINK_BATCH, LinkReport, link_people
from registry.models import Article, Authorship, Person


def linking_figures(identities: Identities, *, seed: int = 42, articles: int = 20, write: bool = True) -> list[Figure]:
    """Per-article first (on the registry as generated), then the whole registry: deciding alone (a
    dry run, whose decisions are scored pairwise), then, with `write`, deciding and writing the links."""
    ids = list(Article.objects.values_list("pk", flat=True))
    chosen = random.Random(seed).sample(ids, min(articles, len(ids)))
    times, queries = [], []
    for article_id in chosen:
        people = list(Authorship.objects.filter(article_id=article_id).values_list("person_id", flat=True))
        count, (seconds, _) = counted(lambda people=people: link_people(actor=None, person_ids=people, dry_run=True))
        times.append(seconds * 1000)
        queries.append(count)
    per_article = Figure(
        "person linking, one article's authors",
        statistics.median(times),
        "ms",
        target=50.0,
        higher_is_better=False,
        note=f"median of {len(times)} articles (max {max(times):.1f} ms), "
        f"{min(queries)}-{max(queries)} queries each (the index of lookup keys, then the candidates' profiles)",
    )
    authorships, records = Authorship.objects.count(), Person.objects.count()
    deciding_queries, (deciding, report) = counted(lambda: link_people(actor=None, dry_run=True))
    precision, recall = pairwise_scores(_clusters(report, {"linked"}), identities)
    _, recall_with_queue = pairwise_scores(_clusters(report, {"linked", "queued"}), identities)
    scale_note = "target is for the large scale (400k authorships)"
    figures = [
        per_article,
        Figure(
            "person linking, whole registry (deciding)",
            deciding,
            "s",
            target=60.0,
            higher_is_better=False,
            note=f"{authorships} authorships on {records} person records, {report.compared} pairs compared, "
            f"{report.count('linked')} to link, {report.count('queued')} to queue; a dry run: blocking, "
            f"profiles and scores, nothing written, {deciding_queries} queries; {scale_note}",
        ),
    ]
    if write:
        writing_queries, (seconds, written) = counted(lambda: link_people(actor=None, reason="Linked by the benchmark"))
        figures.append(
            Figure(
                "person linking, whole registry (writing)",
                seconds,
                "s",
                target=60.0,
                higher_is_better=False,
                note=f"deciding and writing: {written.count('linked')} links written as bulk merges of up to "
                f"{LINK_BATCH} a transaction, with history; {written.count('queued')} queued; "
                f"{writing_queries} queries; {scale_note}",
            )
        )
    return [
        *figures,
        Figure("person linking precision", precision, "", note="pairs of records linked that are one researcher"),
        Figure(
            "person linking recall",
            recall,
            "",
            note=f"pairs of one researcher's records linked ({recall_with_queue:.3f} counting queued pairs); "
            f"{identities.true_pairs()} such pairs",
        ),
    ]


def counted(action) -> tuple[int, tuple[float, object]]:
    """How many queries the action made, and its time and result."""
    with CaptureQueriesContext(connection) as queries:
        result = timed(action)
    return len(queries.captured_queries), result


def _clusters(report: LinkReport, actions: set[str]) -> dict[int, int]:
    """Record → its cluster's root, joining the pairs the run acted on this way."""
    root: dict[int, int] = {}

    def find(pk: int) -> int:
        root.setdefault(pk, pk)
        while root[pk] != pk:
            root[pk] = root[root[pk]]
            pk = root[pk]
        return pk

    for outcome in report.outcomes:
        if outcome.action in actions:
            a, b = find(outcome.person), find(outcome.candidate)
            if a != b:
                root[max(a, b)] = min(a, b)
    return {pk: find(pk) for pk in list(root)}


def pairwise_scores(clusters: dict[int, int], identities: Identities) -> tuple[float, float]:
    """Pairwise precision and recall of record clusters against the researchers they belong to.

    A record the generator did not mark (a planted case's person) is a researcher of its own.
    """

    def truth(pk: int) -> int | tuple:
        return identities.researcher_of.get(pk, ("alone", pk))

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    predicted = pairs(Counter(clusters.values()))
    correct = pairs(Counter((root, truth(pk)) for pk, root in clusters.items()))
    expected = identities.true_pairs()
    return (correct / predicted if predicted else 1.0), (correct / expected if expected else 1.0)
