"""Merging people: editors' decisions on uncertain person matches (confirm merges the two, or reject)
and merging two records of one person, with history, in one transaction. Every merge is a
PersonLink naming the rows it moved, so `unlink_people` can undo it exactly."""

from django.apps import apps
from django.core import serializers
from django.db import IntegrityError, transaction
from django.utils import timezone

from registry.enums import LinkMethod, LinkStatus, MatchMethod, MatchStatus
from registry.models import Authorship, Person, PersonLink, PersonMatch, PersonName
from registry.services import Actor, save_with_history

_SNAPSHOT_FIELDS = ["name", "given_names", "family_name", "orcid", "npi", "open_payments_profile_id", "email"]


class MergeRefused(ValueError):
    """Two records that cannot be one person (e.g. both authors of the same article)."""


@transaction.atomic
def merge_people(
    *,
    actor: Actor,
    keep: Person,
    merge: Person,
    reason: str,
    method: str = LinkMethod.MANUAL,
    score: float | None = None,
    evidence: list[dict] | None = None,
    match: PersonMatch | None = None,
) -> Person:
    """Move everything of `merge` to `keep` (authorships, interests, affiliations, name variants,
    editorial roles, findings, ...), keep its names as variants, then delete it; history records all.

    The PersonLink written with it keeps the evidence and score, and what moved, for `unlink_people`.
    """
    if keep.pk == merge.pk:
        raise MergeRefused("A person cannot be merged into themselves.")
    if keep.orcid and merge.orcid and keep.orcid != merge.orcid:
        raise MergeRefused(f"{keep} and {merge} have different ORCID iDs; they are two people.")
    shared = Authorship.objects.filter(person=keep, article__authorships__person=merge)
    if shared.exists():
        raise MergeRefused(f"{keep} and {merge} are both authors of {shared.first().article}.")
    own_names = list(merge.name_variants.values_list("name", flat=True))
    snapshot = {
        "fields": {name: getattr(merge, name) for name in _SNAPSHOT_FIELDS},
        "names": own_names,
        "orcid_moved": bool(merge.orcid and not keep.orcid),
        "added_names": [],
    }
    moved: dict[str, list[int]] = {}
    for relation in Person._meta.related_objects:
        if relation.many_to_many or relation.one_to_one or relation.related_model is PersonName:
            continue
        if relation.related_model is PersonMatch:
            snapshot.setdefault("matches", {})[relation.field.name] = _move_matches(
                relation.field.name, keep=keep, merge=merge
            )
            continue
        ids = _move_rows(relation, keep=keep, merge=merge, actor=actor, reason=reason)
        if ids:
            moved[f"{relation.related_model._meta.label_lower}:{relation.field.name}"] = ids
    for name in [merge.name, *own_names]:
        key = Person.normalizer(name)
        if key != keep.normalized_name and not keep.name_variants.filter(normalized_name=key).exists():
            snapshot["added_names"].append(PersonName.objects.create(person=keep, name=name).pk)
    orcid = merge.orcid
    merged_id = merge.pk
    merge._history_user = actor
    merge._change_reason = reason
    merge.delete()
    if orcid and not keep.orcid:
        keep.orcid = orcid
        save_with_history(keep, actor=actor, reason=reason)
    try:
        with transaction.atomic():
            PersonLink.objects.create(
                kept=keep,
                merged_person_id=merged_id,
                merged_name=snapshot["fields"]["name"][:300],
                match=match,
                method=method,
                score=score,
                evidence=evidence or [],
                moved=moved,
                snapshot=snapshot,
                reason=reason[:300],
                created_by=actor if getattr(actor, "pk", None) else None,
            )
    except IntegrityError:
        raise MergeRefused("This pair was already linked (by someone else at the same time).") from None
    return keep


def _move_rows(relation, *, keep: Person, merge: Person, actor: Actor, reason: str) -> list[int]:
    """Point every row of one relation at `keep`, with history where the model keeps it; the ids moved."""
    model = relation.related_model
    field = relation.field.name
    rows = model._default_manager.filter(**{field: merge})
    ids = list(rows.order_by("pk").values_list("pk", flat=True))
    _point_rows(model, ids, field, keep, actor=actor, reason=reason)
    return ids


def _point_rows(model, ids: list[int], field: str, person: Person, *, actor: Actor, reason: str) -> None:
    rows = model._default_manager.filter(pk__in=ids)
    if not hasattr(model, "history"):
        rows.update(**{field: person})
        return
    for row in rows:
        setattr(row, field, person)
        row._history_user = actor
        row._change_reason = reason
        row.save()


@transaction.atomic
def unlink_people(*, actor: Actor, link: PersonLink, reason: str) -> Person:
    """Undo a merge: the merged record comes back under its old id with exactly the rows it brought,
    and the pair is recorded as two people, so no later linking run joins them again."""
    link = PersonLink.objects.select_for_update().get(pk=link.pk)
    if link.status != LinkStatus.LINKED:
        raise MergeRefused("This link was already undone.")
    if Person.objects.filter(pk=link.merged_person_id).exists():
        raise MergeRefused(f"A person with id {link.merged_person_id} exists again; undo by hand.")
    moved_authorships = link.moved.get("registry.authorship:person", [])
    holder = None
    if moved_authorships:
        holder = Person.objects.filter(authorships__pk__in=moved_authorships).order_by("pk").first()
    holder = holder or link.kept
    fields = dict(link.snapshot.get("fields", {}))
    if holder is not None and link.snapshot.get("orcid_moved") and holder.orcid == fields.get("orcid"):
        holder.orcid = None
        save_with_history(holder, actor=actor, reason=f"Unlinked: {reason}"[:100])
    restored = Person(pk=link.merged_person_id, **fields)
    save_with_history(restored, actor=actor, reason=f"Unlinked: {reason}"[:100])
    for label, ids in link.moved.items():
        model_label, field = label.split(":")
        model = apps.get_model(model_label)
        _point_rows(model, ids, field, restored, actor=actor, reason=f"Unlinked: {reason}"[:100])
    PersonName.objects.filter(pk__in=link.snapshot.get("added_names", [])).delete()
    _restore_matches(link.snapshot, restored)
    for name in link.snapshot.get("names", []):
        PersonName.objects.get_or_create(
            person=restored, normalized_name=Person.normalizer(name), defaults={"name": name}
        )
    link.status = LinkStatus.UNLINKED
    link.unlinked_by = actor if getattr(actor, "pk", None) else None
    link.unlinked_at = timezone.now()
    link.unlink_reason = reason[:300]
    link.save()
    if holder is not None:
        PersonMatch.objects.filter(person=holder, candidate=restored).delete()
        PersonMatch.objects.update_or_create(
            person=restored,
            candidate=holder,
            defaults={
                "name_as_printed": restored.name[:300],
                "method": MatchMethod.EVIDENCE,
                "status": MatchStatus.REJECTED,
                "reason": f"Unlinked by an editor: {reason}",
                "score": link.score,
                "evidence": link.evidence,
                "decided_by": link.unlinked_by,
                "decided_at": link.unlinked_at,
            },
        )
    return restored


def _move_matches(field: str, *, keep: Person, merge: Person) -> dict:
    """Matches are the record of decisions: the pair being merged loses its merged side; other
    pairs move to `keep` unless `keep` already has the same pair.

    Returns what an unlink needs to put them back: the ids moved, and the rows deleted (serialized).
    """
    other = "candidate" if field == "person" else "person"
    rows = PersonMatch.objects.filter(**{field: merge})
    if field == "person":
        rows.filter(candidate=keep).update(person=None)
        dropped = PersonMatch.objects.none()
    else:
        dropped = rows.filter(person=keep)
    existing = PersonMatch.objects.filter(**{field: keep}).exclude(**{f"{other}__isnull": True})
    dropped = dropped | rows.filter(**{f"{other}__in": existing.values(other)})
    deleted = serializers.serialize("json", dropped.order_by("pk"))
    dropped.delete()
    moving = rows.exclude(**{f"{other}": keep})
    ids = list(moving.order_by("pk").values_list("pk", flat=True))
    moving.update(**{field: keep})
    return {"moved": ids, "deleted": deleted}


def _restore_matches(snapshot: dict, restored: Person) -> None:
    """Put back the queue entries a merge moved to the kept record or deleted as repeats."""
    for field, saved in snapshot.get("matches", {}).items():
        PersonMatch.objects.filter(pk__in=saved["moved"]).update(**{field: restored})
        for row in serializers.deserialize("json", saved["deleted"]):
            row.save()


@transaction.atomic
def decide_person_match(*, actor: Actor, match: PersonMatch, confirm: bool) -> PersonMatch:
    """Confirm (merge the imported person into the candidate) or reject a pending match.

    The entry is read again under a lock: of two editors deciding it at once, the second is told
    it was decided (and the link's constraint refuses a second merge where locks are not taken).
    """
    match = PersonMatch.objects.select_for_update().filter(pk=match.pk).first() or match
    if match.status != MatchStatus.PENDING or match.person_id is None or match.candidate_id is None:
        raise MergeRefused(f"This match was already decided ({match.get_status_display()}).")
    match.decided_by = actor if getattr(actor, "pk", None) else None
    match.decided_at = timezone.now()
    if confirm:
        keep, merged = match.candidate, match.person
        match.status = MatchStatus.CONFIRMED
        match.save()
        merge_people(
            actor=actor,
            keep=keep,
            merge=merged,
            reason=f"Merged: {match.name_as_printed} confirmed as {keep.name} (#{keep.pk})",
            method=LinkMethod.CONFIRMED,
            score=match.score,
            evidence=match.evidence,
            match=match,
        )
        match.refresh_from_db()
    else:
        match.status = MatchStatus.REJECTED
        match.save()
    return match
