"""Every organization a source names becomes a registry record: an existing one found through its
names and aliases, or a new one created unreviewed, saying where it was first named.

Declared ties, register payments, article funders and author affiliations all come through here
(importers in bulk through `registry.importers.articles.orgs`, with the same rules), so no
counterparty stays a name as written only.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from registry import services
from registry.enums import OrganizationKind, OrganizationOrigin
from registry.models import Organization
from registry.selectors import resolve_organizations

# Where each origin leaves the kind when the name gives no hint ("Ledidi" is a company; a funder is a funder).
DEFAULT_KIND = {
    OrganizationOrigin.DECLARED_TIE: OrganizationKind.COMPANY,
    OrganizationOrigin.PAYMENT: OrganizationKind.COMPANY,
    OrganizationOrigin.FUNDER: OrganizationKind.FUNDER,
}


def new_organization(*, name: str, origin: str, detail: str, kind: str = "") -> Organization:
    """An unsaved, unreviewed record for a name no organization has yet."""
    # Imported here: the importers package loads every importer, and they write through services.
    from registry.importers.formats.places import guess_kind

    return Organization(
        name=name.strip()[:300],
        kind=kind or guess_kind(name, default=DEFAULT_KIND.get(origin, OrganizationKind.OTHER)),
        reviewed=False,
        origin=origin,
        origin_detail=detail[:500],
    )


def pick(found: Iterable[Organization]) -> Organization | None:
    """The record a name stands for when several share it: the oldest (editors merge the others)."""
    return min(found, key=lambda org: org.pk, default=None)


@transaction.atomic
def organizations_for_names(
    *, actor: services.Actor, names: Iterable[str], origin: str, detail: str, reason: str
) -> dict[str, Organization]:
    """The organization of every non-empty name, created unreviewed with its origin when unknown
    (one record per normal form, however many spellings of it are given)."""
    names = {name for name in names if name and name.strip()}
    resolutions = resolve_organizations(names)
    found: dict[str, Organization] = {}
    created: dict[str, Organization] = {}
    for name in sorted(names):
        resolution = resolutions[name]
        organization = resolution.organization or pick(resolution.candidates) or created.get(resolution.normalized)
        if organization is None:
            organization = new_organization(name=name, origin=origin, detail=detail)
            services.save_with_history(organization, actor=actor, reason=reason)
            created[resolution.normalized] = organization
        found[name] = organization
    return found


def organization_for_name(*, actor: services.Actor, name: str, origin: str, detail: str, reason: str) -> Organization:
    """`organizations_for_names()` for one name."""
    return organizations_for_names(actor=actor, names=[name], origin=origin, detail=detail, reason=reason)[name]
