"""NONE_DECLARED_BUT_INTERESTS: "nothing to declare" while the registry knows ties in the window."""

from audits.enums import Severity, SubjectType
from audits.rules.activity import known_ties
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import author_evidence, tie_evidence, tie_sentence
from audits.rules.explain import day, join_words, number_word, quoted


@register
class NoneDeclaredButInterestsRule(Rule):
    """Flags a disclosure that declares no interests while the registry knows ties of the author
    that may have been active in the look-back window before the article (ICMJE: 36 months):
    dated ties overlapping the window, ties the author declared on other articles whose windows
    overlap, and undated ties from imports or registers."""

    code = "NONE_DECLARED_BUT_INTERESTS"
    title = "Declared nothing, but ties are known"
    severity = Severity.HIGH
    subject_type = SubjectType.AUTHORSHIP
    parameters = (Parameter("window_months", 36, "Months before submission in which ties count."),)

    def find(self, ctx):
        months = self.params["window_months"]
        for row in ctx.authorships:
            if row.disclosure_id is None or not row.declares_none:
                continue
            ties = sorted(known_ties(ctx, row, months), key=lambda t: (t.interest.category, t.interest.id))
            if not ties:
                continue
            article = ctx.articles[row.article_id]
            name = ctx.person_names[row.person_id]
            listed = join_words(tie_sentence(ctx, tie) for tie in ties[:5])
            more = f" and {len(ties) - 5} more" if len(ties) > 5 else ""
            count = number_word(len(ties))
            summary = (
                f"{name} declared no interests on {quoted(article.title)}, but the registry knows "
                f"{count} tie{'s' if len(ties) > 1 else ''} in the {months} months before "
                f"{day(article.ref_date)}: {listed}{more}."
            )
            yield self.finding(
                key=f"authorship:{row.id}",
                summary=summary,
                evidence={
                    **author_evidence(ctx, row),
                    "window_months": months,
                    "ties": [tie_evidence(ctx, tie) for tie in ties],
                },
                author=row,
            )
