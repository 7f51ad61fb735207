"""Topics from article keywords and subjects, found by name or synonym and created in bulk."""

from collections.abc import Iterable

from registry.models import Topic, TopicSynonym
from registry.names import normalize_term


def topics_for(names: Iterable[str]) -> list[Topic]:
    """The registry topics for these keywords, creating the missing ones (three queries at most)."""
    names = list(names)
    return topics_from(topics_by_key(names), names)


def topics_from(found: dict[str, Topic], names: Iterable[str]) -> list[Topic]:
    """The topics of `names` out of `topics_by_key()`'s answer, once each, in order."""
    keys = dict.fromkeys(normalize_term(name) for name in names if len(name) <= 200)
    return [found[key] for key in keys if key in found]


def topics_by_key(names: Iterable[str]) -> dict[str, Topic]:
    """The registry topics for these keywords by normal name, creating the missing ones (three
    queries at most, for one article or a whole batch)."""
    wanted = {}
    for name in names:
        key = normalize_term(name)
        if key and len(name) <= 200:
            wanted.setdefault(key, name)
    if not wanted:
        return {}
    found = {topic.normalized_name: topic for topic in Topic.objects.filter(normalized_name__in=wanted).order_by()}
    for synonym in (
        TopicSynonym.objects.filter(normalized_name__in=set(wanted) - set(found)).select_related("topic").order_by()
    ):
        found[synonym.normalized_name] = synonym.topic
    missing = [Topic(name=wanted[key], normalized_name=key) for key in wanted if key not in found]
    if missing:
        # ignore_conflicts: another import may create the same keyword at the same moment.
        Topic.objects.bulk_create(missing, ignore_conflicts=True)
        created = Topic.objects.filter(normalized_name__in=[topic.normalized_name for topic in missing]).order_by()
        found.update({topic.normalized_name: topic for topic in created})
    return found
