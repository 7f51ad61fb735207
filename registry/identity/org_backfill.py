"""Counterparties recorded as names only, before every name became an organization record: declared
ties and register payments are linked to the organization their name stands for (found through names,
aliases and register ids, or created unreviewed with its origin)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from registry import services
from registry.enums import IdentifierScheme, OrganizationOrigin
from registry.identity.organizations import organizations_for_names
from registry.models import Interest, Organization, OrganizationIdentifier, PaymentRecord

REASON = "Counterparty named before organizations were resolved"


@dataclass
class BackfillReport:
    interests: int = 0
    payments: int = 0
    created: list[str] = field(default_factory=list)  # names of the records created, unreviewed


@transaction.atomic
def resolve_named_counterparties(*, actor: services.Actor, dry_run: bool = False) -> BackfillReport:
    """Link every tie and payment that names its counterparty but points at no organization.

    One transaction; with `dry_run` it is rolled back, so the report says what a run would do.
    Running it again finds nothing left to link.
    """
    before = set(Organization.objects.values_list("pk", flat=True))
    report = BackfillReport(interests=_link_interests(actor), payments=_link_payments(actor))
    report.created = sorted(Organization.objects.exclude(pk__in=before).values_list("name", flat=True))
    if dry_run:
        transaction.set_rollback(True)
    return report


def _link_interests(actor: services.Actor) -> int:
    interests = list(Interest.objects.filter(organization__isnull=True).exclude(organization_name="").order_by("pk"))
    found = organizations_for_names(
        actor=actor,
        names={interest.organization_name for interest in interests},
        origin=OrganizationOrigin.DECLARED_TIE,
        detail=REASON,
        reason=REASON,
    )
    for interest in interests:
        interest.organization = found[interest.organization_name]
        services.save_with_history(interest, actor=actor, reason=REASON)
    return len(interests)


def _link_payments(actor: services.Actor) -> int:
    """Payments by payer: its register id first (as the importer finds payers), then its name."""
    unlinked = PaymentRecord.objects.filter(payer__isnull=True).exclude(payer_name="")
    pairs = set(unlinked.order_by().values_list("payer_name", "payer_register_id").distinct())
    scheme = IdentifierScheme.OPEN_PAYMENTS
    by_id = dict(
        OrganizationIdentifier.objects.filter(scheme=scheme, value__in={rid for _, rid in pairs} - {""})
        .order_by()
        .values_list("value", "organization_id")
    )
    by_name = organizations_for_names(
        actor=actor,
        names={name for name, register_id in pairs if register_id not in by_id},
        origin=OrganizationOrigin.PAYMENT,
        detail=REASON,
        reason=REASON,
    )
    linked, new_ids = 0, []
    for name, register_id in sorted(pairs):
        if register_id in by_id:
            payer_id = by_id[register_id]
        else:
            payer_id = by_name[name].pk
            if register_id:
                new_ids.append(OrganizationIdentifier(organization_id=payer_id, scheme=scheme, value=register_id))
                by_id[register_id] = payer_id
        linked += unlinked.filter(payer_name=name, payer_register_id=register_id).update(payer_id=payer_id)
    OrganizationIdentifier.objects.bulk_create(new_ids)
    return linked
