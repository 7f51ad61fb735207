"""NONE_DECLARED_BUT_INTERESTS: "nothing to declare" while the registry knows ties in the window."""

from audits.enums import Severity, SubjectType
from audits.rules.activity import DECLARED_LATER, known_ties
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import POSSIBLE_BY_NOTICE, author_evidence, notice_subject, tie_evidence, tie_sentence
from audits.rules.explain import day, join_words, number_word, quoted
from audits.rules.severity import highest, tie_severity


@register
class NoneDeclaredButInterestsRule(Rule):
    """Flags a disclosure that declares no interests while the registry knows ties of the author
    in the look-back window before the article (ICMJE: 36 months): dated ties overlapping the
    window, undated ties declared on articles dated inside it, and undated ties from imports or
    registers. Its severity is its strongest tie's: high for a financial tie to an organization
    relevant to the article, medium for others. Undated ties declared only on later articles make
    at most a low finding that says they were possibly held earlier, and so do ties only the date of
    a notice (a correction) standing in for an earlier article the registry does not hold puts in
    the window: the notice is dated after that article's submission. A grant from an organization
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
        known = [t for t in ties if not t.possible]
        by_notice = [t for t in ties if t.by_notice_date and t.basis != DECLARED_LATER]
        later = [t for t in ties if t.basis == DECLARED_LATER]
        parts = []
        if known:
            parts.append(
                f"the registry knows {self.counted(known)} in the {months} months before {day(article.ref_date)}: "
                f"{self.listed(ctx, known)}"
            )
        if by_notice:
            parts.append(
                f"{'and ' if parts else 'the registry knows '}{self.counted(by_notice)} in the {months} months before "
                f"the notice's date, {POSSIBLE_BY_NOTICE}: {self.listed(ctx, by_notice)}"
            )
        if later:
            parts.append(f"{'and ' if parts else ''}possibly held earlier {self.listed(ctx, later)}")
        # The window's end is the date relied on; with only possible ties, the article's date says when.
        subject = notice_subject(article) if article.stands_in or not known else quoted(article.title)
        summary = f"{name} declared no interests on {subject}, but {' '.join(parts)}."
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
    def counted(ties) -> str:
        return f"{number_word(len(ties))} tie{'s' if len(ties) > 1 else ''}"

    @staticmethod
    def listed(ctx, ties) -> str:
        more = f" and {len(ties) - 5} more" if len(ties) > 5 else ""
        return join_words(tie_sentence(ctx, tie) for tie in ties[:5]) + more
