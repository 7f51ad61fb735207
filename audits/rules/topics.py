"""Topic matching for relevance: what a tie is about, from the data editors keep (topics of
organizations and interests, synonyms, related topics) and from the words of its description and
of the organization's."""

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
    """Answers are kept per matcher (one audit run): the same organizations and names recur in
    thousands of ties."""

    def __init__(self, ctx: AuditContext):
        self.ctx = ctx
        self._text: dict[str, set[int]] = {}
        self._sources: dict[int, list[tuple[str, int | None, set[int]]]] = {}
        self._all: dict[int, set[int]] = {}
        self._org: dict[int, list[tuple[str, int, set[int]]]] = {}
        self._reach: dict[int, set[int]] = {}
        self._org_touch: dict[int, bool] = {}

    @cached_property
    def term_pattern(self) -> re.Pattern | None:
        terms = sorted(self.ctx.topic_terms, key=len, reverse=True)
        if not terms:
            return None
        return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b")

    def topics_in_text(self, text: str) -> set[int]:
        found = self._text.get(text)
        if found is None:
            found = set()
            if text.strip() and self.term_pattern is not None:
                found = {self.ctx.topic_terms[m.group(0)] for m in self.term_pattern.finditer(normalize_term(text))}
            self._text[text] = found
        return found

    def touches(self, interest: InterestRow, topics: set[int]) -> bool:
        """Whether the tie bears on any of the topics: a quick first pass over every tie."""
        if interest.organization_id:
            hit = self._org_touch.get(interest.organization_id)
            if hit is None:
                sources = self.organization_sources(interest.organization_id)
                hit = self._org_touch[interest.organization_id] = any(t & topics for _, _, t in sources)
            if hit:
                return True
        own = self.ctx.interest_topics.get(interest.id)
        if own and own & topics:
            return True
        return bool(self.topics_in_text(f"{interest.specification} {interest.organization_name}") & topics)

    def all_topics(self, interest: InterestRow) -> set[int]:
        """Every topic the tie bears on, whatever the source."""
        found = self._all.get(interest.id)
        if found is None:
            found = self._all[interest.id] = set().union(*(topics for _, _, topics in self.sources(interest)))
        return found

    def article_topics(self, article_id: int) -> set[int]:
        """The article's topics, each also as the topic whose synonym its name is: a keyword imported
        before an editor made it a synonym of another topic ("esketamine" of "Esketamine nasal
        spray") still means that topic."""
        topics = self.ctx.article_topics.get(article_id, set())
        same = {self.ctx.topic_terms.get(normalize_term(self.ctx.topic_names.get(t, ""))) for t in topics}
        return topics | (same - {None})

    def reach(self, article_id: int) -> set[int]:
        """The article's topics and the topics related to them: what a tie must touch to be relevant."""
        found = self._reach.get(article_id)
        if found is None:
            topics = self.article_topics(article_id)
            related = set().union(*(self.ctx.related_topics.get(t, set()) for t in topics))
            found = self._reach[article_id] = topics | related
        return found

    def sources(self, interest: InterestRow) -> list[tuple[str, int | None, set[int]]]:
        """Where the tie's topics come from: ('tie', None, topics) and ('organization', org id, topics)."""
        found = self._sources.get(interest.id)
        if found is None:
            found = []
            own = self.ctx.interest_topics.get(interest.id, set()) | self.topics_in_text(
                f"{interest.specification} {interest.organization_name}"
            )
            if own:
                found.append(("tie", None, own))
            if interest.organization_id:
                found.extend(self.organization_sources(interest.organization_id))
            self._sources[interest.id] = found
        return found

    def organization_sources(self, org_id: int) -> list[tuple[str, int, set[int]]]:
        """Topics of the organization and of its parents: those editors or imports gave it, and
        those its description names."""
        found = self._org.get(org_id)
        if found is None:
            found = self._org[org_id] = []
            for org in self.ctx.lineage(org_id):
                topics = set(self.ctx.organization_topics.get(org, ())) | self.topics_in_text(
                    self.ctx.organization_description(org)
                )
                if topics:
                    found.append(("organization", org, topics))
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
