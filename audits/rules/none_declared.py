"""NONE_DECLARED_BUT_INTERESTS: "nothing to declare" while the registry knows ties in the window."""

from audits.enums import Severity, SubjectType
from audits.rules.activity import DECLARED_LATER, known_ties
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import author_evidence, tie_evidence, tie_sentence
from audits.rules.explain import day, join_words, number_word, quoted
from audits.rules.severity import highest, tie_severity


@register
class NoneDeclaredButInterestsRule(Rule):
    """Flags a disclosure that declares no interests while the registry knows ties of the author
    in the look-back window before the article (ICMJE: 36 months): dated ties overlapping the
    window, undated ties declared on articles dated inside it, and undated ties from imports or
    registers. Its severity is its strongest tie's: high for a financial tie to an organization
    relevant to the article, medium for others. Undated ties declared only on later articles make
    at most a low finding that says they were possibly held earlier. A grant from an organization
    the article names as its funder does not count: the article discloses that funding."""

    code = "NONE_DECLARED_BUT_INTERESTS"
    title = "Declared nothing, but ties are known"
    version = 3
    severity = Severity.HIGH
    subject_type = SubjectType.AUTHORSHIP
    parameters = (Parameter("window_months", 36, "Months before submission in which ties count."),)

    def find(self, ctx):
        months = self.params["window_months"]
        for row in ctx.authorships:
            if row.disclosure_id is None or not row.declares_none:
                continue
            ties = sorted(known_ties(ctx, row, months), key=lambda t: (t.interest.category, t.interest.id))
            if ties:
                yield self.build(ctx, row, ties, months)

    def build(self, ctx, row, ties, months):
        article = ctx.articles[row.article_id]
        name = ctx.person_names[row.person_id]
        known = [t for t in ties if t.basis != DECLARED_LATER]
        possible = [t for t in ties if t.basis == DECLARED_LATER]
        parts = []
        if known:
            count = number_word(len(known))
            parts.append(
                f"the registry knows {count} tie{'s' if len(known) > 1 else ''} in the {months} months before "
                f"{day(article.ref_date)}: {self.listed(ctx, known)}"
            )
        if possible:
            parts.append(f"{'and ' if known else ''}possibly held earlier {self.listed(ctx, possible)}")
        # The window's end is the date relied on; with only possible ties, the article's date says when.
        when = "" if known else f" ({day(article.ref_date)})"
        summary = f"{name} declared no interests on {quoted(article.title)}{when}, but {' '.join(parts)}."
        return self.finding(
            key=f"authorship:{row.id}",
            summary=summary,
            evidence={
                **author_evidence(ctx, row),
                "window_months": months,
                "ties": [tie_evidence(ctx, tie) for tie in ties],
            },
            severity=highest(tie_severity(ctx, tie, row.article_id) for tie in ties),
            author=row,
        )

    @staticmethod
    def listed(ctx, ties) -> str:
        more = f" and {len(ties) - 5} more" if len(ties) > 5 else ""
        return join_words(tie_sentence(ctx, tie) for tie in ties[:5]) + more
