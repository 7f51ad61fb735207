"""The bulk path for articles new to the registry: a batch of records decided in memory, then
written table by table (people, articles, topics, funders, affiliations, authorships, editorial
roles, matches, disclosures), a few multi-row INSERTs for the whole batch instead of a dozen
queries an article.

It makes the same decisions, in the same order, as `ArticleWriter.write()` (the per-record path,
which stays for updates): each record's authors, then its editors; new people are candidates for
later authors before they are saved. In a batch that mixes new citations and updates, the new
ones are written first, then the updates.
"""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from registry import public_set
from registry.enums import ArticleStatus
from registry.importers.articles.bulk import create_with_history, insert_values, new_row, validated
from registry.importers.articles.records import ArticleRecord
from registry.models import Article, ArticleFunding, Authorship

if TYPE_CHECKING:
    from registry.importers.articles.origins import Origin
    from registry.importers.articles.writer import ArticleWriter


def new_records(
    records: Sequence[ArticleRecord], find: Callable[[ArticleRecord], Article | None]
) -> list[ArticleRecord]:
    """The records the bulk path may write: not on record (`find(record)` is None), and naming a PMID
    and DOI no other record of the batch names."""
    seen: dict[tuple[str, str], int] = {}
    for record in records:
        for key in (("pmid", record.pmid), ("doi", record.doi)):
            if key[1]:
                seen[key] = seen.get(key, 0) + 1
    return [
        record
        for record in records
        if all(seen.get(key, 0) <= 1 for key in (("pmid", record.pmid), ("doi", record.doi)) if key[1])
        and find(record) is None
    ]


def write_new_articles(writer: "ArticleWriter", records: Sequence[ArticleRecord]) -> list[Article]:
    """Create these new articles with everything they carry; `writer` is the ArticleWriter whose
    batch caches (organizations, people, topics) are filled for them."""
    articles, decided, editors = [], [], []
    topic_links, fundings, affiliations = [], [], []
    origins = [writer.origin_of(record) for record in records]
    for record, origin in zip(records, origins, strict=True):
        writer.enter(origin)
        article = validated(
            new_row(Article, doi=record.doi or None, **writer.article_fields(record, None)), location=record.location
        )
        articles.append(writer.stamp(article))
        # Plain rows (no history, no one needs the instances): tuples, completed with the article's id below.
        topic_links.append([topic.pk for topic in writer.topics_of(record)])
        fundings.append([(organization.pk, key[1]) for key, organization in writer.funders_of(record).items()])
        decisions = writer.decide_authors(record, on_article={})
        # Saved later, but known now: later authors of the batch are matched against them.
        affiliations += writer.new_affiliations(decisions)
        decided.append(decisions)
        # Then the editors, as ArticleWriter.write() decides them after the authors.
        editors.append(writer.decide_editors(record, on_article={}))
        affiliations += writer.new_affiliations(editors[-1])
    if public_set.inserted_flags_kept():
        # The new authors of a published article are public: inserted so, the commit leaves their rows be.
        for article, decisions in zip(articles, decided, strict=True):
            if article.status == ArticleStatus.PUBLISHED:
                for decision, _ in decisions:
                    if decision.person.pk is None:
                        decision.person.is_public = True
    writer.people.flush()
    create_with_history(articles, actor=writer.actor, reason=writer.reason)
    insert_values(
        Article.topics.through,
        ("article_id", "topic_id"),
        [(article.pk, topic) for article, topics in zip(articles, topic_links, strict=True) for topic in topics],
    )
    insert_values(
        ArticleFunding,
        ("article_id", "organization_id", "award_id"),
        [(article.pk, *funding) for article, funded in zip(articles, fundings, strict=True) for funding in funded],
    )
    writer.people.record_all(
        [
            (pairs, article, writer.source if origin is None else origin.source)
            for article, decisions, article_editors, origin in zip(articles, decided, editors, origins, strict=True)
            for pairs in (decisions, article_editors)
        ]
    )
    for article, origin in zip(articles, origins, strict=True):
        writer.enter(origin)
        writer.remember(article)
    create_with_history(affiliations, actor=writer.actor, reason=writer.reason)
    authorships = [
        [
            stamped(
                origin,
                validated(
                    new_row(
                        Authorship,
                        article=article,
                        person=decision.person,
                        **writer.authorship_values(position, author),
                    ),
                    location=author.location,
                ),
            )
            for position, (decision, author) in enumerate(decisions, start=1)
        ]
        for article, decisions, origin in zip(articles, decided, origins, strict=True)
    ]
    create_with_history(
        [a for article_authors in authorships for a in article_authors], actor=writer.actor, reason=writer.reason
    )
    roles = [
        stamped(origin, role)
        for article, article_editors, origin in zip(articles, editors, origins, strict=True)
        for role in writer.editorial_roles(article, article_editors).values()
    ]
    create_with_history(roles, actor=writer.actor, reason=writer.reason)
    writer.new_authorships.update(a.pk for article_authors in authorships for a in article_authors)
    writer.new_authors.update(a.person_id for article_authors in authorships for a in article_authors)
    plans, where = [], {}
    for record, article, article_authors, origin in zip(records, articles, authorships, origins, strict=True):
        writer.enter(origin)
        plans += writer.disclosure_plans(record, article_authors)
        where[article.pk] = record.location
    if plans:
        writer.store_disclosures(plans, article=None, locate=lambda authorship: where[authorship.article_id])
    return articles


def stamped(origin: "Origin | None", row):
    """A row created for a record read from `origin`'s file (in a batch of files), as such."""
    return row if origin is None else origin.stamp(row)
