"""Merging people: editors' decisions on uncertain person matches (confirm merges the two, or reject)
and merging two records of one person, with history, in one transaction."""

from django.db import transaction
from django.utils import timezone

from registry.enums import MatchStatus
from registry.models import Authorship, Person, PersonMatch, PersonName
from registry.services import Actor, save_with_history


class MergeRefused(ValueError):
    """Two records that cannot be one person (e.g. both authors of the same article)."""


@transaction.atomic
def merge_people(*, actor: Actor, keep: Person, merge: Person, reason: str) -> Person:
    """Move everything of `merge` to `keep` (authorships, interests, affiliations, name variants,
    editorial roles, findings, ...), keep its names as variants, then delete it; history records all.
    """
    if keep.pk == merge.pk:
        raise MergeRefused("A person cannot be merged into themselves.")
    if keep.orcid and merge.orcid and keep.orcid != merge.orcid:
        raise MergeRefused(f"{keep} and {merge} have different ORCID iDs; they are two people.")
    shared = Authorship.objects.filter(person=keep, article__authorships__person=merge)
    if shared.exists():
        raise MergeRefused(f"{keep} and {merge} are both authors of {shared.first().article}.")
    for relation in Person._meta.related_objects:
        if relation.many_to_many or relation.one_to_one or relation.related_model is PersonName:
            continue
        _move_rows(relation, keep=keep, merge=merge, actor=actor, reason=reason)
    for name in [merge.name, *merge.name_variants.values_list("name", flat=True)]:
        key = Person.normalizer(name)
        if key != keep.normalized_name and not keep.name_variants.filter(normalized_name=key).exists():
            PersonName.objects.create(person=keep, name=name)
    orcid = merge.orcid
    merge._history_user = actor
    merge._change_reason = reason
    merge.delete()
    if orcid and not keep.orcid:
        keep.orcid = orcid
        save_with_history(keep, actor=actor, reason=reason)
    return keep


def _move_rows(relation, *, keep: Person, merge: Person, actor: Actor, reason: str) -> None:
    """Point every row of one relation at `keep`, with history where the model keeps it."""
    model = relation.related_model
    field = relation.field.name
    rows = model._default_manager.filter(**{field: merge})
    if model is PersonMatch:
        _move_matches(field, keep=keep, merge=merge)
        return
    if not hasattr(model, "history"):
        rows.update(**{field: keep})
        return
    for row in rows:
        setattr(row, field, keep)
        row._history_user = actor
        row._change_reason = reason
        row.save()


def _move_matches(field: str, *, keep: Person, merge: Person) -> None:
    """Matches are the record of decisions: the pair being merged loses its merged side; other
    pairs move to `keep` unless `keep` already has the same pair."""
    other = "candidate" if field == "person" else "person"
    rows = PersonMatch.objects.filter(**{field: merge})
    if field == "person":
        rows.filter(candidate=keep).update(person=None)
    else:
        rows.filter(person=keep).delete()
    existing = PersonMatch.objects.filter(**{field: keep}).exclude(**{f"{other}__isnull": True})
    rows.filter(**{f"{other}__in": existing.values(other)}).delete()
    rows.exclude(**{f"{other}": keep}).update(**{field: keep})


@transaction.atomic
def decide_person_match(*, actor: Actor, match: PersonMatch, confirm: bool) -> PersonMatch:
    """Confirm (merge the imported person into the candidate) or reject a pending match."""
    if match.status != MatchStatus.PENDING:
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
        )
        match.refresh_from_db()
    else:
        match.status = MatchStatus.REJECTED
        match.save()
    return match
