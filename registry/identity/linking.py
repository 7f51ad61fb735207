"""Linking person records: find the pairs worth comparing (blocking), weigh each with
`registry.identity.scoring.assess`, and act on it — merge above the threshold, queue for an editor
between thresholds, keep apart below. An editor's "two people" (a rejected queue entry, an unlink)
is never overridden. The same function serves imports (a few new people, whose candidates come from
the lookup-key index) and the whole registry. Every pair is decided first; the links are then
written as flat bulk merges (`registry.bulk_merges`), a transaction per batch.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from django.db import transaction

from registry.bulk_merges import PlannedMerge, merge_people_in_bulk
from registry.enums import LinkMethod, MatchMethod, MatchStatus
from registry.identity.lookup_keys import BlockSizes, profile_keys, refresh_lookup_keys, registry_blocks
from registry.identity.names import block_key, compare_names
from registry.identity.profiles import Profile, load_identities, load_profiles
from registry.identity.scoring import Assessment, Decision, assess
from registry.models import Authorship, Person, PersonMatch, PersonName
from registry.services import Actor
from registry.sql import among

LINK_BATCH = 2000  # merges written in one transaction
_CHUNK = 450  # people a query for their queue entries
_IDENTIFIERS = {"orcid", "contributor_id", "email"}


@dataclass
class PairOutcome:
    person: int
    candidate: int
    person_name: str
    candidate_name: str
    assessment: Assessment
    action: str  # linked, queued, apart, refused, kept apart by an editor, already queued, ...

    def as_dict(self) -> dict:
        return {
            "person": self.person,
            "candidate": self.candidate,
            "person_name": self.person_name,
            "candidate_name": self.candidate_name,
            "score": self.assessment.score if self.assessment.score != float("-inf") else None,
            "decision": self.assessment.decision,
            "action": self.action,
            "evidence": [
                {**item, "weight": None if item["weight"] == float("-inf") else item["weight"]}
                for item in self.assessment.as_json()
            ],
        }


@dataclass
class LinkReport:
    outcomes: list[PairOutcome] = field(default_factory=list)
    compared: int = 0

    def count(self, action: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.action == action)


def link_people(
    *,
    actor: Actor,
    person_ids=None,
    dry_run: bool = False,
    reason: str = "Linked by weighed evidence",
) -> LinkReport:
    """Link these people (everyone when None) with the records they may be; see the module docstring."""
    focus = None if person_ids is None else set(person_ids)
    if focus is not None and not focus:
        return LinkReport()
    sizes = None
    if focus is None:
        profiles, facts = load_profiles(_in_some_block())
    else:
        identities = load_identities(focus)
        sizes, candidates, unindexed = registry_blocks(identities)
        profiles, facts = load_profiles(focus | candidates, known={**identities, **unindexed})
        if not dry_run:
            refresh_lookup_keys({**identities, **unindexed})
    pairs = candidate_pairs(profiles, focus, sizes=sizes)
    report = LinkReport(compared=len(pairs))
    assessed = sorted(
        (
            (assess(profiles[a], profiles[b], facts=facts, name_frequency=frequency), a, b)
            for (a, b), frequency in pairs.items()
        ),
        key=lambda item: (-item[0].score, item[1], item[2]),
    )
    applier = _Applier(profiles, _editor_decisions(profiles), report)
    applier.apply(assessed)
    if not dry_run:
        _write_links(applier, actor=actor, reason=reason)
        _write_queue(applier)
    return report


def _write_links(applier: "_Applier", *, actor: Actor, reason: str) -> None:
    """Every link decided, written as flat bulk merges (each record straight into its cluster's
    final record), a transaction per batch; a merge the database refuses is reported as refused."""
    planned = [
        (outcome, PlannedMerge(applier.find(merge), merge, assessment.score, assessment.as_json()), pending)
        for outcome, merge, assessment, pending in applier.links
    ]
    for start in range(0, len(planned), LINK_BATCH):
        batch = planned[start : start + LINK_BATCH]
        with transaction.atomic():
            refused = merge_people_in_bulk(
                actor=actor, merges=[plan for _, plan, _ in batch], reason=reason, method=LinkMethod.AUTOMATIC
            )
            for outcome, plan, pending in batch:
                if plan.merge in refused:
                    outcome.action = f"refused: {refused[plan.merge]}"
                elif pending is not None:
                    PersonMatch.objects.filter(pk=pending.pk).update(
                        status=MatchStatus.AUTOMATIC, score=plan.score, evidence=plan.evidence
                    )


@transaction.atomic
def _write_queue(applier: "_Applier") -> None:
    """The queue entries decided: new ones in one INSERT per batch, existing ones' scores updated."""
    for entry in applier.queue_updates:
        PersonMatch.objects.filter(pk=entry.pk).update(score=entry.score, evidence=entry.evidence)
    PersonMatch.objects.bulk_create(applier.new_entries, batch_size=500)


def candidate_pairs(
    profiles: dict[int, Profile], focus: set[int] | None = None, *, sizes: BlockSizes | None = None
) -> dict[tuple[int, int], int]:
    """Pairs (lower id first) sharing a block key or an identifier, with how many different given
    names share the block; with `focus`, only pairs involving one of those people. `sizes`: the
    blocks' sizes in the whole registry, when these profiles are only part of it."""
    keys_of = {pk: profile_keys(profile) for pk, profile in profiles.items()}
    sizes = sizes or BlockSizes.counted(keys_of)
    blocks: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for pk, keys in keys_of.items():
        for key, first in keys:
            blocks[key][first].add(pk)
    pairs: dict[tuple[int, int], int] = {}
    for key, by_first in blocks.items():
        if sum(len(group) for group in by_first.values()) < 2:
            continue
        frequency = sizes.frequency(key)
        for group in sizes.compared_groups(key, by_first):
            for a, b in combinations(sorted(group), 2):
                if focus is not None and a not in focus and b not in focus:
                    continue
                pairs[(a, b)] = min(pairs.get((a, b), frequency), frequency)
    return pairs


def _in_some_block() -> set[int]:
    """Everyone who shares a block key or an identifier with someone else: only they need profiles."""
    owners: dict[str, set[int]] = defaultdict(set)
    for pk, key, orcid in Person.objects.order_by().values_list("pk", "name_key", "orcid").iterator(chunk_size=20000):
        owners[f"name:{key}"].add(pk)
        if orcid:
            owners[f"orcid:{orcid.upper()}"].add(pk)
    for person_id, name in PersonName.objects.order_by().values_list("person_id", "name"):
        owners[f"name:{block_key(name)}"].add(person_id)
    identifiers = Authorship.objects.exclude(contributor_id="", email="").order_by()
    for person_id, contributor_id, email in identifiers.values_list("person_id", "contributor_id", "email"):
        if contributor_id:
            owners[f"contributor:{contributor_id}"].add(person_id)
        if email:
            owners[f"email:{email}"].add(person_id)
    return {pk for members in owners.values() if len(members) > 1 for pk in members}


def _editor_decisions(profiles: dict[int, Profile]) -> dict[frozenset[int], PersonMatch]:
    """Queue entries between these people, by pair: rejected ones are editors' "two people"."""
    ids = list(profiles)
    found: dict[frozenset[int], PersonMatch] = {}
    entries = PersonMatch.objects.filter(candidate__isnull=False).order_by()
    entries = entries.only("pk", "person_id", "candidate_id", "status")
    if len(ids) > 20 * _CHUNK:  # a whole-registry run: one pass over the queue, not hundreds of chunks
        chunks = [entries.iterator(chunk_size=20000)]
    else:
        # The ids written as plain SQL: the ORM's `__in` prepares each of them on its own.
        chunks = [
            entries.filter(among(PersonMatch, "person_id", ids[start : start + _CHUNK]))
            for start in range(0, len(ids), _CHUNK)
        ]
    for rows in chunks:
        for match in rows:
            if match.person_id in profiles:
                found[frozenset((match.person_id, match.candidate_id))] = match
    return found


class _Applier:
    """Acts on assessed pairs, strongest first, keeping clusters consistent as they grow."""

    def __init__(self, profiles, decided, report: LinkReport):
        self.profiles = profiles
        self.decided = decided
        self.report = report
        self.root = {pk: pk for pk in profiles}
        self.members = {pk: {pk} for pk in profiles}
        # What to write: (outcome, merged root, assessment, pending queue entry) in decision order;
        # queue entries to create, and existing ones with a new score.
        self.links: list[tuple[PairOutcome, int, Assessment, PersonMatch | None]] = []
        self.new_entries: list[PersonMatch] = []
        self.queue_updates: list[PersonMatch] = []

    def find(self, pk: int) -> int:
        while self.root[pk] != pk:
            self.root[pk] = self.root[self.root[pk]]
            pk = self.root[pk]
        return pk

    def apply(self, assessed: list[tuple[Assessment, int, int]]) -> None:
        for assessment, a, b in assessed:
            outcome = PairOutcome(a, b, self.profiles[a].name, self.profiles[b].name, assessment, "")
            self.report.outcomes.append(outcome)
            outcome.action = self.act(assessment, a, b, outcome)

    def act(self, assessment: Assessment, a: int, b: int, outcome: PairOutcome) -> str:
        if assessment.decision in (Decision.APART, Decision.REFUSED):
            return assessment.decision
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return "already one person"
        if self._rejected(ra, rb):
            return "kept apart by an editor"
        conflict = self._conflict(ra, rb, assessment)
        if conflict:
            return f"refused: {conflict}"
        if assessment.decision == Decision.QUEUE:
            return self.queue(assessment, ra, rb)
        return self.link(assessment, ra, rb, outcome)

    def _rejected(self, ra: int, rb: int) -> bool:
        for x in self.members[ra]:
            for y in self.members[rb]:
                match = self.decided.get(frozenset((x, y)))
                if match is not None and match.status == MatchStatus.REJECTED:
                    return True
        return False

    def _conflict(self, ra: int, rb: int, assessment: Assessment) -> str:
        """What makes the two clusters two people whatever this pair's evidence says."""
        left = [self.profiles[pk] for pk in self.members[ra]]
        right = [self.profiles[pk] for pk in self.members[rb]]
        orcids = {p.orcid.upper() for p in left if p.orcid}, {p.orcid.upper() for p in right if p.orcid}
        if orcids[0] and orcids[1] and orcids[0] != orcids[1]:
            return "different ORCID iDs in the two groups"
        if {a for p in left for a in p.articles} & {a for p in right for a in p.articles}:
            return "the two groups share an article"
        if not {e.kind for e in assessment.evidence} & _IDENTIFIERS:
            for x in (form for p in left for form in p.names):
                for y in (form for p in right for form in p.names):
                    level = compare_names(x, y).level
                    if level in {"first_differs", "middle_differs"}:
                        return "names in the two groups disagree"
        return ""

    def link(self, assessment: Assessment, ra: int, rb: int, outcome: PairOutcome) -> str:
        keep, merge = min(ra, rb), max(ra, rb)
        pending = self.decided.get(frozenset((keep, merge)))
        pending = pending if pending is not None and pending.status == MatchStatus.PENDING else None
        self.links.append((outcome, merge, assessment, pending))
        self.root[merge] = keep
        self.members[keep] |= self.members.pop(merge)
        return "linked"

    def queue(self, assessment: Assessment, ra: int, rb: int) -> str:
        existing = self.decided.get(frozenset((ra, rb)))
        if existing is not None and existing.status != MatchStatus.PENDING:
            return f"already decided ({existing.get_status_display()})"
        newer, older = self.profiles[max(ra, rb)], self.profiles[min(ra, rb)]
        if existing is not None:
            existing.score, existing.evidence = assessment.score, assessment.as_json()
            self.queue_updates.append(existing)
            return "queued"
        self.decided[frozenset((ra, rb))] = entry = PersonMatch(
            person_id=newer.person_id,
            candidate_id=older.person_id,
            name_as_printed=newer.name[:300],
            method=MatchMethod.EVIDENCE,
            status=MatchStatus.PENDING,
            reason=f"Score {assessment.score:g}, between the thresholds: {assessment.explain()}",
            score=assessment.score,
            evidence=assessment.as_json(),
        )
        self.new_entries.append(entry)
        return "queued"
