"""MULTIPLE_TIES_SAME_ENTITY: several kinds of tie to one organization in one disclosure."""

from collections import defaultdict

from audits.enums import Severity, SubjectType
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import author_evidence, interest_evidence
from audits.rules.explain import (
    describe_tie,
    join_words,
    number_word,
    ordered_categories,
    tie_phrase,
)
from registry.enums import OrganizationKind


@register
class MultipleTiesSameEntityRule(Rule):
    """Flags an author who declares several kinds of tie to one organization on an article
    (e.g. consultancy and shares and an advisory board seat): each alone may be minor, together
    they make the author's fortunes depend on the organization's. Every tie it names is declared, so
    it is no disclosure failure: information for a reader weighing the article, not a conflict finding
    to work through (severity info, left out of the count of findings to review)."""

    code = "MULTIPLE_TIES_SAME_ENTITY"
    title = "Several kinds of tie to one organization"
    version = 2
    severity = Severity.INFO
    subject_type = SubjectType.ORGANIZATION
    parameters = (Parameter("min_categories", 2, "Kinds of tie to one organization that make a finding."),)

    def find(self, ctx):
        minimum = self.params["min_categories"]
        for (authorship_id, org_key), interests in ctx.declared_groups(self.candidates(ctx, minimum)).items():
            if len({i.category for i in interests}) < minimum:
                continue
            categories = ordered_categories(i.category for i in interests)
            row = ctx.authorship_by_id[authorship_id]
            first = interests[0]
            counterparty = ctx.counterparty(first)
            kind = self.kind_word(ctx, first.organization_id)
            name = ctx.person_names[row.person_id]
            named = bool(first.organization_id or first.organization_name)
            ties = join_words(
                [
                    *(tie_phrase(c) for c in categories[:-1]),
                    describe_tie(categories[-1], counterparty, named=named),
                ]
            )
            yield self.finding(
                key=f"authorship:{authorship_id}|org:{org_key}",
                summary=(f"{name} declared {ties}: {number_word(len(categories))} kinds of tie to one {kind}."),
                evidence={
                    **author_evidence(ctx, row),
                    "organization": counterparty,
                    "categories": categories,
                    "interests": [interest_evidence(ctx, i) for i in interests],
                },
                author=row,
                organization_id=first.organization_id,
            )

    @staticmethod
    def candidates(ctx, minimum: int) -> set[int]:
        """Interests of a person who has ties of several kinds to one organization, anywhere."""
        found: set[int] = set()
        for interests in ctx.interests_by_person.values():
            if len({i.org_key for i in interests}) == len(interests):
                continue  # one tie per organization: the common case
            kinds: dict[str, set[str]] = defaultdict(set)
            for interest in interests:
                kinds[interest.org_key].add(interest.category)
            found.update(i.id for i in interests if len(kinds[i.org_key]) >= minimum)
        return found

    @staticmethod
    def kind_word(ctx, org_id: int | None) -> str:
        if org_id is None:
            return "organization"
        kind = ctx.organizations[org_id][2]
        return "company" if kind == OrganizationKind.COMPANY else "organization"
