"""MISSING_DISCLOSURE: an author with no disclosure on file."""

from audits.enums import Severity, SubjectType
from audits.rules.base import Rule, register
from audits.rules.explain import number_word, quoted

# Why an article read from PubMed without a statement is a weaker sign than one read in full text.
PUBMED_HAS_NONE = "; its PubMed record carries no statement, and PubMed does not hold every journal's"


@register
class MissingDisclosureRule(Rule):
    """Flags an authorship with no disclosure on file. "No disclosure" is not "declares nothing":
    the author may have ties nobody has asked about. When none of an article's authors has one and
    no competing-interests statement is on file, the article makes one finding rather than one per
    author. Low when the article, with no statement on file, came from PubMed, whose records do not
    carry every journal's statement; medium otherwise."""

    code = "MISSING_DISCLOSURE"
    title = "Author without a disclosure"
    version = 2
    severity = Severity.MEDIUM
    subject_type = SubjectType.AUTHORSHIP

    def find(self, ctx):
        by_article: dict[int, list] = {}
        for row in ctx.authorships:
            by_article.setdefault(row.article_id, []).append(row)
        for article_id, rows in by_article.items():
            missing = [row for row in rows if row.disclosure_id is None]
            if not missing:
                continue
            article = ctx.articles[article_id]
            if len(missing) == len(rows) > 1 and not article.statement:
                yield self.whole_article(ctx, article, sorted(rows, key=lambda row: row.position))
                continue
            for row in missing:
                yield self.one_author(ctx, article, row)

    def one_author(self, ctx, article, row):
        name = ctx.person_names[row.person_id]
        unread = _unread_in_pubmed(article)
        return self.finding(
            key=f"authorship:{row.id}",
            summary=(
                f"No disclosure is on file for {name}, author {row.position} of {quoted(article.title)}"
                f"{PUBMED_HAS_NONE if unread else ''}."
            ),
            evidence={
                "article": {"id": article.id, "doi": article.doi, "title": article.title},
                "person": {"id": row.person_id, "name": name},
                "author_position": row.position,
            },
            author=row,
            severity=Severity.LOW if unread else Severity.MEDIUM,
        )

    def whole_article(self, ctx, article, rows):
        unread = _unread_in_pubmed(article)
        summary = (
            f"No competing-interests statement is on file for {quoted(article.title)}, and none of its "
            f"{number_word(len(rows))} authors has a disclosure{PUBMED_HAS_NONE if unread else ''}."
        )
        return self.finding(
            key=f"article:{article.id}",
            summary=summary,
            evidence={
                "article": {"id": article.id, "doi": article.doi, "title": article.title},
                "authors": [
                    {"id": row.person_id, "name": ctx.person_names[row.person_id], "position": row.position}
                    for row in rows
                ],
                "statement_on_file": False,
                "from_pubmed": article.from_pubmed,
            },
            article_id=article.id,
            subject_type=SubjectType.ARTICLE,
            severity=Severity.LOW if unread else Severity.MEDIUM,
        )


def _unread_in_pubmed(article) -> bool:
    """No statement is on file, and the article was read from PubMed, which may not hold it."""
    return not article.statement and article.from_pubmed
