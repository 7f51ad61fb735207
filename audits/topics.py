"""Topic matching for relevance: what a tie is about, from the data editors keep (topics of
organizations and interests, synonyms, related topics) and from the words of its description."""

import re
from collections.abc import Iterable
from functools import cached_property

from audits.context import AuditContext, InterestRow
from registry.names import normalize_term


def topic_label(name: str) -> str:
    """Lower-case a topic name for use inside a sentence, keeping acronyms (MDMA, PTSD)."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


class TopicMatcher:
    def __init__(self, ctx: AuditContext):
        self.ctx = ctx

    @cached_property
    def term_pattern(self) -> re.Pattern | None:
        terms = sorted(self.ctx.topic_terms, key=len, reverse=True)
        if not terms:
            return None
        return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b")

    def topics_in_text(self, text: str) -> set[int]:
        if not text or self.term_pattern is None:
            return set()
        return {self.ctx.topic_terms[m.group(0)] for m in self.term_pattern.finditer(normalize_term(text))}

    def sources(self, interest: InterestRow) -> list[tuple[str, int | None, set[int]]]:
        """Where the tie's topics come from: ('tie', None, topics) and ('organization', org id, topics)."""
        found = []
        own = set(self.ctx.interest_topics.get(interest.id, ())) | self.topics_in_text(
            f"{interest.specification} {interest.organization_name}"
        )
        if own:
            found.append(("tie", None, own))
        if interest.organization_id:
            for org_id in self.ctx.lineage(interest.organization_id):
                org_topics = self.ctx.organization_topics.get(org_id, set())
                if org_topics:
                    found.append(("organization", org_id, set(org_topics)))
        return found

    def match(self, topics: Iterable[int], article_topics: set[int]) -> list[tuple[int, int]]:
        """(tie topic, article topic) pairs: the same topic, or topics an editor marked related."""
        pairs = []
        for topic in sorted(set(topics)):
            if topic in article_topics:
                pairs.append((topic, topic))
                continue
            for related in sorted(self.ctx.related_topics.get(topic, set()) & article_topics):
                pairs.append((topic, related))
        return pairs

    def label(self, topic_id: int) -> str:
        return topic_label(self.ctx.topic_names[topic_id])
