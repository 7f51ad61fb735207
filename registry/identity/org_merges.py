"""Merging two records of one organization: every row that points at the merged record (declared
ties, affiliations, fundings, payments, identifiers, list entries, findings, subsidiaries) moves to
the kept one, its names become aliases, and an OrganizationMerge keeps a snapshot so that the merge
can be read and undone; all in one transaction, with history."""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from registry.enums import MergeSuggestionStatus
from registry.models import (
    ArticleFunding,
    Organization,
    OrganizationAlias,
    OrganizationMerge,
    OrganizationMergeSuggestion,
)
from registry.names import normalize_organization_name
from registry.services import Actor, save_with_history

# Relations a merge does not move: the merge's own records, suggestions about the pair, history.
_SKIPPED = {OrganizationMerge, OrganizationMergeSuggestion, OrganizationAlias}
_SNAPSHOT_FIELDS = ("name", "kind", "country", "ror_id", "parent_id", "publicly_traded", "description", "website")


class OrganizationMergeRefused(ValueError):
    """Two records that cannot be merged (the same record)."""


def _relations():
    for relation in Organization._meta.related_objects:
        model = relation.related_model
        if relation.many_to_many or model in _SKIPPED or model.__name__.startswith("Historical"):
            continue
        yield relation


@transaction.atomic
def merge_organizations(*, actor: Actor, keep: Organization, merge: Organization, reason: str) -> OrganizationMerge:
    """Fold `merge` into `keep`; nothing that pointed at either is lost."""
    if keep.pk == merge.pk:
        raise OrganizationMergeRefused("An organization cannot be merged into itself.")
    snapshot = {
        "fields": {name: getattr(merge, name) for name in _SNAPSHOT_FIELDS},
        "reviewed": merge.reviewed,
        "origin": [merge.origin, merge.origin_detail],
        "topics": list(merge.topics.values_list("pk", flat=True)),
        "moved": {},
        "dropped_fundings": [],
        "aliases_added": [],
        "aliases_moved": [],
    }
    duplicate_fundings = ArticleFunding.objects.filter(
        organization=merge, article__fundings__organization=keep, award_id__in=keep.fundings.values("award_id")
    )
    for funding in duplicate_fundings.distinct():
        if keep.fundings.filter(article=funding.article_id, award_id=funding.award_id).exists():
            snapshot["dropped_fundings"].append([funding.article_id, funding.award_id])
            funding.delete()
    for relation in _relations():
        model, field = relation.related_model, relation.field.name
        rows = model._default_manager.filter(**{field: merge})
        if model is Organization:
            rows = rows.exclude(pk=keep.pk)
        pks = list(rows.values_list("pk", flat=True))
        if not pks:
            continue
        snapshot["moved"][f"{model._meta.label}.{field}"] = pks
        if hasattr(model, "history"):
            for row in rows:
                setattr(row, field, keep)
                save_with_history(row, actor=actor, reason=reason)
        else:
            rows.update(**{field: keep})
    have = {keep.normalized_name} | set(keep.aliases.values_list("normalized_name", flat=True))
    for alias in merge.aliases.all():
        if alias.normalized_name in have:
            continue
        have.add(alias.normalized_name)
        snapshot["aliases_moved"].append(alias.name)
        OrganizationAlias.objects.create(organization=keep, name=alias.name)
    if normalize_organization_name(merge.name) not in have:
        OrganizationAlias.objects.create(organization=keep, name=merge.name)
        snapshot["aliases_added"].append(merge.name)
    # Only the topics the kept record lacked: an undo takes back these and no more.
    kept_topics = set(keep.topics.values_list("pk", flat=True))
    snapshot["topics_added"] = [pk for pk in snapshot["topics"] if pk not in kept_topics]
    keep.topics.add(*snapshot["topics_added"])
    if keep.parent_id == merge.pk:
        keep.parent_id = merge.parent_id if merge.parent_id != keep.pk else None
        snapshot["kept_parent_was_merged"] = True
    changed = False
    for name in ("ror_id", "country", "website", "description"):
        if not getattr(keep, name) and getattr(merge, name):
            setattr(keep, name, getattr(merge, name))
            snapshot.setdefault("filled", []).append(name)
            changed = True
    record = OrganizationMerge.objects.create(
        kept=keep,
        merged_pk=merge.pk,
        merged_name=merge.name,
        snapshot=snapshot,
        reason=reason[:300],
        actor=_user(actor),
    )
    OrganizationMergeSuggestion.objects.filter(
        organization_a__in=[keep, merge], organization_b__in=[keep, merge]
    ).update(status=MergeSuggestionStatus.MERGED, decided_by=_user(actor), decided_at=timezone.now())
    merge._history_user = actor
    merge._change_reason = f"Merged into {keep.name} (#{keep.pk}): {reason}"[:100]
    if snapshot["fields"]["ror_id"]:
        merge.ror_id = None
        merge.save(update_fields=["ror_id"])
    merge.delete()
    if changed or snapshot.get("kept_parent_was_merged"):
        save_with_history(keep, actor=actor, reason=reason)
    return record


@transaction.atomic
def reject_merge_suggestions(*, actor: Actor, suggestions: QuerySet[OrganizationMergeSuggestion]) -> int:
    """Mark open suggestions as different organizations, so they are not suggested again."""
    return suggestions.filter(status=MergeSuggestionStatus.OPEN).update(
        status=MergeSuggestionStatus.REJECTED, decided_by=_user(actor), decided_at=timezone.now()
    )


def _user(actor: Actor):
    return actor if getattr(actor, "pk", None) else None


@transaction.atomic
def undo_organization_merge(*, actor: Actor, record: OrganizationMerge, reason: str) -> Organization:
    """Bring the merged record back under its old id and move back the rows the merge moved."""
    if record.undone_at or record.kept is None:
        raise OrganizationMergeRefused("This merge was undone already, or its kept record is gone.")
    snapshot, keep = record.snapshot, record.kept
    fields = dict(snapshot["fields"])
    if fields.get("ror_id") and keep.ror_id == fields["ror_id"] and "ror_id" in snapshot.get("filled", []):
        keep.ror_id = None
    for name in snapshot.get("filled", []):
        setattr(keep, name, None if name == "ror_id" else "")
    restored = Organization(pk=record.merged_pk, reviewed=snapshot["reviewed"], **fields)
    restored.origin, restored.origin_detail = snapshot["origin"]
    if snapshot.get("filled") or snapshot.get("kept_parent_was_merged"):
        if snapshot.get("kept_parent_was_merged"):
            keep.parent_id = None
        save_with_history(keep, actor=actor, reason=reason)
    save_with_history(restored, actor=actor, reason=reason)
    if snapshot.get("kept_parent_was_merged"):
        keep.parent = restored
        save_with_history(keep, actor=actor, reason=reason)
    restored.topics.add(*snapshot.get("topics", []))
    keep.topics.remove(*snapshot.get("topics_added", []))
    models = {f"{relation.related_model._meta.label}.{relation.field.name}": relation for relation in _relations()}
    for key, pks in snapshot["moved"].items():
        relation = models[key]
        model, field = relation.related_model, relation.field.name
        rows = model._default_manager.filter(pk__in=pks)
        if hasattr(model, "history"):
            for row in rows:
                setattr(row, field, restored)
                save_with_history(row, actor=actor, reason=reason)
        else:
            rows.update(**{field: restored})
    for article_id, award_id in snapshot.get("dropped_fundings", []):
        ArticleFunding.objects.create(article_id=article_id, organization=restored, award_id=award_id)
    names = snapshot.get("aliases_added", []) + snapshot.get("aliases_moved", [])
    for name in snapshot.get("aliases_moved", []):
        OrganizationAlias.objects.create(organization=restored, name=name)
    keep.aliases.filter(name__in=names).delete()
    record.undone_at = timezone.now()
    record.save(update_fields=["undone_at"])
    return restored
