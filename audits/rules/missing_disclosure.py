"""MISSING_DISCLOSURE: an author with no disclosure on file."""

from audits.enums import Severity, SubjectType
from audits.rules.base import Rule, register
from audits.rules.explain import quoted


@register
class MissingDisclosureRule(Rule):
    """Flags an authorship with no disclosure on file. "No disclosure" is not "declares nothing":
    the author may have ties nobody has asked about."""

    code = "MISSING_DISCLOSURE"
    title = "Author without a disclosure"
    severity = Severity.MEDIUM
    subject_type = SubjectType.AUTHORSHIP

    def find(self, ctx):
        for row in ctx.authorships:
            if row.disclosure_id is not None:
                continue
            article = ctx.articles[row.article_id]
            name = ctx.person_names[row.person_id]
            yield self.finding(
                key=f"authorship:{row.id}",
                summary=f"No disclosure is on file for {name}, author {row.position} of {quoted(article.title)}.",
                evidence={
                    "article": {"id": article.id, "doi": article.doi, "title": article.title},
                    "person": {"id": row.person_id, "name": name},
                    "author_position": row.position,
                },
                author=row,
            )
