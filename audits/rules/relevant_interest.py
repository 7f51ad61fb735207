"""RELEVANT_INTEREST: a declared tie to an organization active in what the article discusses."""

from audits.enums import Severity, SubjectType
from audits.rules.activity import at_publishing_journal
from audits.rules.base import Rule, register
from audits.rules.evidence import author_evidence, interest_evidence
from audits.rules.explain import describe_tie, join_words, ordered_categories, tie_phrase
from audits.rules.topics import TopicMatcher


@register
class RelevantInterestRule(Rule):
    """Flags a declared tie that bears on the article's subject: the organization (or its parent)
    is active in a topic the article discusses or a related one (e.g. it sells an alternative
    treatment for the same condition), or the tie's own description or topics name such a topic.
    Relevance comes only from topics, synonyms and related topics that editors keep. A role at the
    journal publishing the article (its editors writing an editorial about it) is left out: the
    reader knows whose journal it is. Medium, shares included: the tie is declared, and high is kept for
    a financial tie left out of a disclosure."""

    code = "RELEVANT_INTEREST"
    version = 3
    title = "Declared tie relevant to the article's topic"
    severity = Severity.MEDIUM
    subject_type = SubjectType.INTEREST

    def find(self, ctx):
        matcher = TopicMatcher(ctx)
        reach_anywhere = set().union(*(matcher.reach(article) for article in ctx.articles))
        candidates = {i.id for i in ctx.interests.values() if matcher.touches(i, reach_anywhere)}
        for (authorship_id, org_key), interests in ctx.declared_groups(candidates).items():
            row = ctx.authorship_by_id[authorship_id]
            interests = [i for i in interests if not at_publishing_journal(ctx, i, row.article_id)]
            if not interests:
                continue
            article_topics = matcher.article_topics(row.article_id)
            reach = matcher.reach(row.article_id)
            if not any(matcher.all_topics(interest) & reach for interest in interests):
                continue
            reasons, matched_article_topics = self.reasons(ctx, matcher, interests, article_topics)
            if not reasons:
                continue
            yield self.build(ctx, matcher, row, org_key, interests, reasons, matched_article_topics)

    def reasons(self, ctx, matcher, interests, article_topics):
        reasons: list[dict] = []
        matched: set[int] = set()
        seen = set()
        for interest in interests:
            for source, org_id, topics in matcher.sources(interest):
                pairs = matcher.match(topics, article_topics)
                if not pairs or (source, org_id) in seen:
                    continue
                seen.add((source, org_id))
                matched |= {article_topic for _, article_topic in pairs}
                reasons.append({"source": source, "organization_id": org_id, "pairs": pairs})
        return reasons, matched

    def build(self, ctx, matcher, row, org_key, interests, reasons, matched_article_topics):
        categories = ordered_categories(i.category for i in interests)
        first = interests[0]
        named = bool(first.organization_id or first.organization_name)
        counterparty = ctx.counterparty(first)
        ties = join_words(
            [
                *(tie_phrase(c) for c in categories[:-1]),
                describe_tie(categories[-1], counterparty, named=named),
            ]
        )
        name = ctx.person_names[row.person_id]
        clauses = [self.reason_clause(ctx, matcher, reason, first) for reason in reasons]
        discusses = join_words(matcher.label(t) for t in sorted(matched_article_topics, key=matcher.label))
        summary = f"{name} declared {ties}; {'; '.join(clauses)} — the article discusses {discusses}."
        return self.finding(
            key=f"authorship:{row.id}|org:{org_key}",
            summary=summary,
            evidence={
                **author_evidence(ctx, row),
                "interests": [interest_evidence(ctx, i) for i in interests],
                "matches": [
                    {
                        "source": reason["source"],
                        "organization": ctx.organization_name(reason["organization_id"])
                        if reason["organization_id"]
                        else None,
                        "topic_pairs": [
                            {"tie_topic": ctx.topic_names[a], "article_topic": ctx.topic_names[b]}
                            for a, b in reason["pairs"]
                        ],
                    }
                    for reason in reasons
                ],
            },
            author=row,
            organization_id=first.organization_id,
            interest_id=first.id,
        )

    @staticmethod
    def reason_clause(ctx, matcher, reason, interest) -> str:
        topics = join_words(
            matcher.label(a) if a == b else f"{matcher.label(a)} (related to {matcher.label(b)})"
            for a, b in reason["pairs"]
        )
        if reason["source"] == "tie":
            return f"the tie concerns {topics}"
        org_id = reason["organization_id"]
        if org_id == interest.organization_id:
            return f"{ctx.organization_name(org_id)} is active in {topics}"
        return f"its parent {ctx.organization_name(org_id)} is active in {topics}"
