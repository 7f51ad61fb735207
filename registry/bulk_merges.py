"""Merging many person records at once, as a whole-registry linking run does: the rows, history, name
variants, queue entries and PersonLinks that `registry.merges.merge_people` gives pair after pair,
written with a few set-based statements per batch instead of about forty a pair.

A batch is flat: every merged record goes straight into its cluster's kept record, and no kept record
is merged in the same batch. Each PersonLink names exactly the rows its merged record brought, so
`unlink_people` undoes any one of them.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core import serializers
from django.db import IntegrityError, connections, router, transaction
from django.utils import timezone

from registry.enums import LinkMethod
from registry.importers.articles.bulk import insert_rows, update_with_history
from registry.merges import (
    _SNAPSHOT_FIELDS,
    MATCH_FIELDS,
    MergeRefused,
    moved_label,
    moved_relations,
    refusal_for_orcids,
)
from registry.models import Authorship, Person, PersonLink, PersonMatch, PersonName
from registry.services import Actor
from registry.sql import among

_NONE_DELETED = serializers.serialize("json", [])  # what a merge that deleted no entry records
_CHUNK = 900  # ids a query binds: under SQLite's limit of parameters, with room for the rest


@dataclass
class PlannedMerge:
    """Merge record `merge` into record `keep`, for this score and evidence."""

    keep: int
    merge: int
    score: float | None = None
    evidence: list[dict] = field(default_factory=list)


@dataclass
class _Done:
    """What one accepted merge did, gathered for its PersonLink."""

    plan: PlannedMerge
    snapshot: dict
    moved: dict[str, list[int]] = field(default_factory=dict)
    new_names: list[PersonName] = field(default_factory=list)


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


@transaction.atomic
def merge_people_in_bulk(
    *,
    actor: Actor,
    merges: Sequence[PlannedMerge],
    reason: str,
    method: str = LinkMethod.AUTOMATIC,
) -> dict[int, str]:
    """Apply the merges in order, as `merge_people` would one by one; one transaction.

    Returns the merges refused, by merged id, with why (different ORCID iDs, a shared article, a
    record gone): the others are written. Raises MergeRefused when a record was linked by someone
    else meanwhile (the whole batch is then rolled back).
    """
    _check_flat(merges)
    people = _people({pk for plan in merges for pk in (plan.keep, plan.merge)})
    done, refused = _decide(merges, people)
    if not done:
        return refused
    merged = {item.plan.merge: item.plan.keep for item in done}
    for item, moved in zip(done, _move_matches(done), strict=True):
        item.snapshot["matches"] = moved
    by_merge = {item.plan.merge: item for item in done}
    for relation in moved_relations():
        for merge_id, ids in _move_relation(relation, merged, actor=actor, reason=reason).items():
            by_merge[merge_id].moved[moved_label(relation)] = ids
    _replace_people(done, people, actor=actor, reason=reason)
    links = [
        PersonLink(
            kept_id=item.plan.keep,
            merged_person_id=item.plan.merge,
            merged_name=item.snapshot["fields"]["name"][:300],
            method=method,
            score=item.plan.score,
            evidence=item.plan.evidence or [],
            moved=item.moved,
            snapshot=item.snapshot,
            reason=reason[:300],
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        for item in done
    ]
    try:
        with transaction.atomic():
            insert_rows(links)
    except IntegrityError:
        raise MergeRefused("A record of this batch was already linked (by someone else at the same time).") from None
    return refused


def _check_flat(merges: Sequence[PlannedMerge]) -> None:
    kept = {plan.keep for plan in merges}
    merged = [plan.merge for plan in merges]
    if len(set(merged)) != len(merged) or kept & set(merged) or any(p.keep == p.merge for p in merges):
        raise ValueError("A bulk merge merges each record once, into a record that is not merged itself.")


def _people(ids: set[int]) -> dict[int, Person]:
    found = {}
    for chunk in _chunks(ids):
        found.update((person.pk, person) for person in Person.objects.filter(among(Person, "id", chunk)).order_by())
    return found


def _decide(merges: Sequence[PlannedMerge], people: dict[int, Person]) -> tuple[list[_Done], dict[int, str]]:
    """Which merges can be made, in order, with the ORCID iD each kept record ends with, and the
    name variants each adds: what `merge_people` checks and writes pair by pair."""
    ids = list(people)
    articles: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(ids):
        rows = Authorship.objects.filter(among(Authorship, "person_id", chunk)).order_by()
        for person_id, article_id in rows.values_list("person_id", "article_id"):
            articles[person_id].add(article_id)
    variants: dict[int, list[tuple[str, str]]] = defaultdict(list)  # person → (name, normalized), by name
    for chunk in _chunks(ids):
        rows = PersonName.objects.filter(among(PersonName, "person_id", chunk)).order_by("name", "pk")
        for person_id, name, normalized in rows.values_list("person_id", "name", "normalized_name"):
            variants[person_id].append((name, normalized))
    known_names = {pk: {normalized for _, normalized in names} for pk, names in variants.items()}
    done: list[_Done] = []
    refused: dict[int, str] = {}
    for plan in merges:
        keep, merge = people.get(plan.keep), people.get(plan.merge)
        if keep is None or merge is None:
            refused[plan.merge] = "one of the two records no longer exists"
            continue
        if keep.orcid and merge.orcid and keep.orcid != merge.orcid:
            refused[plan.merge] = refusal_for_orcids(keep, merge)
            continue
        shared = articles[keep.pk] & articles[merge.pk]
        if shared:
            refused[plan.merge] = f"{keep} and {merge} are both authors of article #{min(shared)}"
            continue
        articles[keep.pk] |= articles[merge.pk]
        own_names = [name for name, _ in variants[merge.pk]]
        item = _Done(
            plan,
            {
                "fields": {name: getattr(merge, name) for name in _SNAPSHOT_FIELDS},
                "names": own_names,
                "orcid_moved": bool(merge.orcid and not keep.orcid),
                "added_names": [],
            },
        )
        if merge.orcid and not keep.orcid:
            keep.orcid = merge.orcid
        names = known_names.setdefault(keep.pk, set())
        # The normal forms stored with the names: what `merge_people` computes again, name by name.
        for name, key in [(merge.name, merge.normalized_name), *variants[merge.pk]]:
            if key != keep.normalized_name and key not in names:
                names.add(key)
                item.new_names.append(PersonName(person_id=keep.pk, name=name, normalized_name=key))
        done.append(item)
    return done, refused


def _move_relation(relation, merged: dict[int, int], *, actor: Actor, reason: str) -> dict[int, list[int]]:
    """Point the relation's rows of merged records at their kept records: one UPDATE per chunk, and
    the "changed" history rows where the model keeps history. Returns the ids moved, by merged id."""
    model = relation.related_model
    column = relation.field.attname
    moved: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(merged):
        rows = model._default_manager.filter(among(model, column, chunk)).order_by("pk")
        found = list(rows.values_list("pk", column))
        if not found:
            continue
        _repoint(model, column, {merge_id: merged[merge_id] for merge_id in chunk})
        for pk, merge_id in found:
            moved[merge_id].append(pk)
        if hasattr(model, "history"):
            _copy_history(model, [pk for pk, _ in found], actor=actor, reason=reason, history_type="~")
    return moved


def _copy_history(model, ids: list[int], *, actor: Actor, reason: str, history_type: str) -> None:
    """History rows of these rows as they now stand, copied by INSERT … SELECT in the database, as
    simple-history writes them one save at a time (no row goes through Python)."""
    history = model.history.model
    connection = connections[router.db_for_write(history)]
    quote = connection.ops.quote_name
    tracked = history.tracked_fields
    common = {
        "history_date": timezone.now(),
        "history_change_reason": reason[:100],
        "history_type": history_type,
        "history_user_id": actor.pk if getattr(actor, "pk", None) else None,
    }
    fields = {field.attname: field for field in history._meta.concrete_fields}
    targets = [fields[field.attname].column for field in tracked] + [fields[name].column for name in common]
    values = [fields[name].get_db_prep_save(value, connection) for name, value in common.items()]
    table = quote(model._meta.db_table)
    selected = ", ".join([*(f"{table}.{quote(field.column)}" for field in tracked), *["%s"] * len(common)])
    head = f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(quote(c) for c in targets)}) SELECT {selected}"
    with connection.cursor() as cursor:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            where = f"{table}.{quote(model._meta.pk.column)} IN ({', '.join(['%s'] * len(chunk))})"
            cursor.execute(f"{head} FROM {table} WHERE {where}", [*values, *chunk])


def _repoint(model, column: str, targets: dict[int, int]) -> None:
    """UPDATE … SET column = CASE column WHEN merged THEN kept … END for these merged ids: written as
    SQL, as the ORM's Case() costs a millisecond a WHEN to build."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    table, name = quote(model._meta.db_table), quote(column)
    whens = " ".join(["WHEN %s THEN %s"] * len(targets))
    places = ", ".join(["%s"] * len(targets))
    sql = f"UPDATE {table} SET {name} = CASE {name} {whens} ELSE {name} END WHERE {name} IN ({places})"
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for pair in targets.items() for value in pair] + list(targets))


def _move_matches(done: list[_Done]) -> list[dict]:
    """The queue entries of the batch's records, moved as `merge_people` moves them pair by pair
    (worked out in memory, in the same order), then written: an UPDATE per batch, a DELETE."""
    ids = {pk for item in done for pk in (item.plan.keep, item.plan.merge)}
    entries: dict[int, PersonMatch] = {}
    for chunk in _chunks(ids):
        for entry in PersonMatch.objects.filter(among(PersonMatch, "person_id", chunk, or_column="candidate_id")):
            entries[entry.pk] = entry
    before = {pk: (entry.person_id, entry.candidate_id) for pk, entry in entries.items()}
    # Records on some entry: a merge of two others moves nothing, and needs no look at the entries.
    involved = {pk for entry in entries.values() for pk in (entry.person_id, entry.candidate_id)}
    saved = []
    for item in done:
        keep, merge = item.plan.keep, item.plan.merge
        if merge not in involved:
            saved.append({name: {"moved": [], "deleted": _NONE_DELETED} for name in MATCH_FIELDS})
            continue
        involved.add(keep)
        saved.append({name: _match_step(name, keep=keep, merge=merge, entries=entries) for name in MATCH_FIELDS})
    gone = set(before) - set(entries)
    PersonMatch.objects.filter(pk__in=gone).delete()
    changed = [entry for pk, entry in entries.items() if before[pk] != (entry.person_id, entry.candidate_id)]
    PersonMatch.objects.bulk_update(changed, ["person", "candidate"], batch_size=500)
    return saved


def _match_step(name: str, *, keep: int, merge: int, entries: dict[int, PersonMatch]) -> dict:
    """One side of one merge, on the entries in memory: the rules of `registry.merges._move_matches`."""
    other = "candidate_id" if name == "person" else "person_id"
    column = f"{name}_id"
    rows = [entry for entry in entries.values() if getattr(entry, column) == merge]
    dropped: dict[int, PersonMatch] = {}
    if name == "person":
        for entry in rows:
            if entry.candidate_id == keep:
                entry.person_id = None
        rows = [entry for entry in rows if entry.person_id == merge]
    else:
        dropped.update((entry.pk, entry) for entry in rows if entry.person_id == keep)
    existing = {
        getattr(entry, other)
        for entry in entries.values()
        if getattr(entry, column) == keep and getattr(entry, other) is not None
    }
    dropped.update((entry.pk, entry) for entry in rows if getattr(entry, other) in existing)
    deleted = serializers.serialize("json", [dropped[pk] for pk in sorted(dropped)])
    for pk in dropped:
        del entries[pk]
    moving = [entry for entry in rows if entry.pk not in dropped and getattr(entry, other) != keep]
    moving.sort(key=lambda entry: entry.pk)
    for entry in moving:
        setattr(entry, column, keep)
    return {"moved": [entry.pk for entry in moving], "deleted": deleted}


def _replace_people(done: list[_Done], people: dict[int, Person], *, actor: Actor, reason: str) -> None:
    """Delete the merged records (their "deleted" history, their own name variants), give the kept
    ones the merged names as variants and any ORCID iD they took over."""
    merged = [people[item.plan.merge] for item in done]
    _copy_history(Person, [person.pk for person in merged], actor=actor, reason=reason, history_type="-")
    for chunk in _chunks(person.pk for person in merged):
        PersonName.objects.filter(among(PersonName, "person_id", chunk)).delete()
        # Every row pointing here was moved above; the "deleted" history is written, so no collector.
        Person.objects.filter(among(Person, "id", chunk))._raw_delete(Person.objects.db)
    new_names = insert_rows([name for item in done for name in item.new_names])
    if new_names:
        for item in done:
            item.snapshot["added_names"] = [name.pk for name in item.new_names]
    took_orcid = {item.plan.keep for item in done if item.snapshot["orcid_moved"]}
    update_with_history([people[pk] for pk in sorted(took_orcid)], ["orcid"], actor=actor, reason=reason)
