"""Person linking figures: the whole registry, and one article's authors as an import links them."""

import random
import statistics

from benchmark.measure import Figure, timed
from registry.identity.linking import link_people
from registry.models import Article, Authorship


def linking_figures(*, seed: int = 42, articles: int = 20) -> list[Figure]:
    """Per-article first (on the registry as generated), then the whole registry, which writes links."""
    ids = list(Article.objects.values_list("pk", flat=True))
    chosen = random.Random(seed).sample(ids, min(articles, len(ids)))
    times = []
    for article_id in chosen:
        people = list(Authorship.objects.filter(article_id=article_id).values_list("person_id", flat=True))
        seconds, _ = timed(lambda people=people: link_people(actor=None, person_ids=people, dry_run=True))
        times.append(seconds * 1000)
    per_article = Figure(
        "person linking, one article's authors",
        statistics.median(times),
        "ms",
        target=50.0,
        higher_is_better=False,
        note=f"median of {len(times)} articles (max {max(times):.1f} ms)",
    )
    authorships = Authorship.objects.count()
    seconds, report = timed(lambda: link_people(actor=None, reason="Linked by the benchmark"))
    whole = Figure(
        "person linking, whole registry",
        seconds,
        "s",
        target=60.0,
        higher_is_better=False,
        note=(
            f"{authorships} authorships, {report.compared} pairs compared: {report.count('linked')} linked, "
            f"{report.count('queued')} queued; target is for the large scale (400k authorships)"
        ),
    )
    return [per_article, whole]
