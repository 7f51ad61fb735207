"""The editors' queue of probable duplicate organizations: candidate pairs share a distinctive word
(or one within a typo of it, or an acronym of the other's words), and the pairs `compare_names`
judges the same are suggested, best first. Rejected pairs are not suggested again.

The audit rule on name variants may call `suggest_pairs()` on declared names as well.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from django.db import transaction

from registry.enums import MergeSuggestionStatus
from registry.identity.org_similarity import GENERIC, compare_names, name_form
from registry.models import Organization, OrganizationAlias, OrganizationMergeSuggestion

MAX_BLOCK = 200  # a key shared by more names than this says nothing (a common word)


@dataclass(frozen=True)
class Suggestion:
    a: int
    b: int
    name_a: str
    name_b: str
    score: float
    reason: str

    def as_json(self) -> dict:
        return {"a": self.name_a, "b": self.name_b, "score": round(self.score, 3), "reason": self.reason}


def _keys(name: str) -> set[str]:
    """Blocking keys: each distinctive word and its one-letter deletions, the joined words, the initials."""
    form = name_form(name)
    keys = {f"j:{form.joined}", f"i:{form.initials}"} | {f"i:{acronym}" for acronym in form.acronyms}
    for word in set(form.words) - GENERIC:
        keys.add(f"w:{word}")
        if len(word) >= 5:
            keys |= {f"w:{word[:i]}{word[i + 1 :]}" for i in range(len(word))}
        if len(word) <= 8:
            keys.add(f"i:{word}")
    return keys


def suggest_pairs(names: Iterable[tuple[int, str]], *, focus: set[int] | None = None) -> list[Suggestion]:
    """Pairs of (id, name) that are probably one organization; several names of one id count as one.
    With `focus`, only pairs with at least one of those ids are compared."""
    names = list(names)
    blocks: dict[str, set[int]] = defaultdict(set)
    for index, (_, name) in enumerate(names):
        for key in _keys(name):
            blocks[key].add(index)
    best: dict[tuple[int, int], Suggestion] = {}
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for i, j in combinations(sorted(members), 2):
            if (i, j) in seen:
                continue
            seen.add((i, j))
            (id_a, name_a), (id_b, name_b) = names[i], names[j]
            if id_a == id_b or (focus is not None and id_a not in focus and id_b not in focus):
                continue
            verdict = compare_names(name_a, name_b)
            if not verdict.duplicate:
                continue
            pair = (min(id_a, id_b), max(id_a, id_b))
            if pair not in best or verdict.score > best[pair].score:
                first, second = (name_a, name_b) if id_a < id_b else (name_b, name_a)
                best[pair] = Suggestion(pair[0], pair[1], first, second, verdict.score, verdict.reason)
    return sorted(best.values(), key=lambda s: (-s.score, s.name_a, s.name_b))


def organization_names() -> list[tuple[int, str]]:
    """Every organization's canonical name and aliases (two queries)."""
    names = list(Organization.objects.values_list("pk", "name"))
    names += list(OrganizationAlias.objects.values_list("organization_id", "name"))
    return names


@transaction.atomic
def refresh_merge_suggestions() -> list[Suggestion]:
    """Suggest the registry's probable duplicates; pairs already decided stay decided."""
    suggestions = suggest_pairs(organization_names())
    existing = {
        (row.organization_a_id, row.organization_b_id): row for row in OrganizationMergeSuggestion.objects.all()
    }
    new = []
    for suggestion in suggestions:
        row = existing.get((suggestion.a, suggestion.b))
        if row is None:
            new.append(
                OrganizationMergeSuggestion(
                    organization_a_id=suggestion.a,
                    organization_b_id=suggestion.b,
                    score=suggestion.score,
                    reason=suggestion.reason[:300],
                )
            )
        elif row.status == MergeSuggestionStatus.OPEN and (row.score, row.reason) != (
            suggestion.score,
            suggestion.reason,
        ):
            row.score, row.reason = suggestion.score, suggestion.reason[:300]
            row.save(update_fields=["score", "reason"])
    OrganizationMergeSuggestion.objects.bulk_create(new)
    rejected = {pair for pair, row in existing.items() if row.status != MergeSuggestionStatus.OPEN}
    return [s for s in suggestions if (s.a, s.b) not in rejected]
