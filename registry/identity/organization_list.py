"""The maintained list of organizations (fixtures/organizations/): read it, and load it into the
registry so that reloading a newer list updates what the list gave and never what an editor changed.

Each row fills one record, remembered by the row's key with the values as loaded. On the next load
a field whose value still equals what the list last gave takes the list's new value; a field an
editor changed keeps the editor's value. An alias the editor removed is not added back. A row whose
organization an editor already recorded fills only that record's empty fields.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from registry import services
from registry.enums import IdentifierScheme, OrganizationKind, OrganizationOrigin
from registry.identity.organizations import pick
from registry.models import Organization, OrganizationAlias, OrganizationIdentifier, OrganizationListEntry
from registry.names import normalize_organization_name
from registry.selectors import resolve_organizations

DEFAULT_LIST = Path(__file__).resolve().parents[2] / "fixtures" / "organizations" / "organizations.jsonl"
REASON = "Loaded from the maintained list of organizations"
FIELDS = ("name", "kind", "country", "website", "publicly_traded")


class ListError(ValueError):
    """A row of the list that cannot be loaded; says the file and line."""


@dataclass(frozen=True)
class ListRow:
    key: str
    name: str
    source: str
    licence: str
    kind: str = OrganizationKind.COMPANY
    country: str = ""
    parent: str = ""
    aliases: tuple[str, ...] = ()
    open_payments_ids: tuple[str, ...] = ()
    publicly_traded: bool | None = None
    website: str = ""

    def values(self) -> dict:
        return {name: getattr(self, name) for name in FIELDS}


def read_list(path: str | Path) -> list[ListRow]:
    path = Path(path)
    rows, keys = [], set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ListError(f"{where}: not JSON ({exc.msg})") from None
            missing = [name for name in ("key", "name", "source", "licence") if not str(data.get(name) or "").strip()]
            if missing:
                raise ListError(f"{where}: {', '.join(missing)} missing")
            if data.get("kind", OrganizationKind.COMPANY) not in OrganizationKind.values:
                raise ListError(f"{where}: unknown kind {data['kind']!r}")
            if data["key"] in keys:
                raise ListError(f"{where}: key {data['key']!r} listed twice")
            keys.add(data["key"])
            known = {name: data[name] for name in ListRow.__dataclass_fields__ if name in data}
            known["aliases"] = tuple(known.get("aliases") or ())
            known["open_payments_ids"] = tuple(known.get("open_payments_ids") or ())
            rows.append(ListRow(**known))
    for row in rows:
        if row.parent and row.parent not in keys:
            raise ListError(f"{path.name}: {row.key}'s parent {row.parent!r} is not in the list")
    return rows


@dataclass
class LoadSummary:
    counts: Counter = field(default_factory=Counter)
    kept: list[str] = field(default_factory=list)  # "key: field" an editor changed, left as the editor left it

    def line(self) -> str:
        parts = ", ".join(f"{self.counts[what]} {what}" for what in ("created", "matched", "updated", "unchanged"))
        return f"Organizations: {parts}; {len(self.kept)} editor change(s) kept."


@transaction.atomic
def load_organization_list(*, actor: services.Actor, path: str | Path) -> LoadSummary:
    """Create or update the list's organizations, their aliases, register ids and parents."""
    rows = read_list(path)
    summary = LoadSummary()
    entries = {entry.key: entry for entry in OrganizationListEntry.objects.select_related("organization")}
    loaded: dict[str, Organization] = {}
    claimed: dict[int, str] = {}
    for row in rows:
        organization = _load_row(row, entries.get(row.key), actor=actor, summary=summary, source=Path(path).name)
        if claimed.setdefault(organization.pk, row.key) != row.key:
            raise ListError(f"{row.key} and {claimed[organization.pk]} name the same organization: {organization}")
        loaded[row.key] = organization
    for row in rows:
        _load_parent(row, loaded, entries.get(row.key), actor=actor, summary=summary)
    for row in rows:
        loaded_values = {**row.values(), "aliases": list(row.aliases), "parent": row.parent}
        OrganizationListEntry.objects.update_or_create(
            key=row.key,
            defaults={
                "organization": loaded[row.key],
                "loaded": loaded_values,
                "source": row.source[:500],
                "licence": row.licence[:100],
            },
        )
    return summary


def _find_existing(row: ListRow) -> Organization | None:
    """An organization recorded before the list named it: by register id, else by a name or alias."""
    by_id = OrganizationIdentifier.objects.filter(
        scheme=IdentifierScheme.OPEN_PAYMENTS, value__in=row.open_payments_ids
    ).select_related("organization")
    found = next((identifier.organization for identifier in by_id), None)
    if found is not None:
        return found
    resolutions = resolve_organizations([row.name, *row.aliases])
    return pick(org for resolution in resolutions.values() for org in resolution.candidates)


def _load_row(
    row: ListRow, entry: OrganizationListEntry | None, *, actor, summary: LoadSummary, source: str
) -> Organization:
    previous = entry.loaded if entry else None
    organization = entry.organization if entry else _find_existing(row)
    if organization is None:
        organization = Organization(
            **row.values(), reviewed=True, origin=OrganizationOrigin.LIST, origin_detail=f"{source}: {row.key}"
        )
        services.save_with_history(organization, actor=actor, reason=REASON)
        summary.counts["created"] += 1
    else:
        changed = False
        for name, value in row.values().items():
            current = getattr(organization, name)
            if previous is None:
                take = current in (None, "") or (name == "kind" and organization.origin != OrganizationOrigin.EDITOR)
            else:
                take = current == previous.get(name)
                if not take and value != current:
                    summary.kept.append(f"{row.key}: {name}")
            if take and current != value:
                setattr(organization, name, value)
                changed = True
        if changed:
            services.save_with_history(organization, actor=actor, reason=REASON)
        summary.counts["updated" if changed else "matched" if previous is None else "unchanged"] += 1
    _load_aliases(row, organization, previous)
    _load_identifiers(row, organization)
    return organization


def _load_aliases(row: ListRow, organization: Organization, previous: dict | None) -> None:
    have = {normalize_organization_name(organization.name)} | set(
        organization.aliases.values_list("normalized_name", flat=True)
    )
    removed_by_editor = set(previous.get("aliases", ())) if previous else set()
    for alias in row.aliases:
        key = normalize_organization_name(alias)
        if key in have or alias in removed_by_editor:
            continue  # on record already, or loaded once and removed by an editor since
        OrganizationAlias(organization=organization, name=alias).save()
        have.add(key)


def _load_identifiers(row: ListRow, organization: Organization) -> None:
    scheme = IdentifierScheme.OPEN_PAYMENTS
    taken = set(
        OrganizationIdentifier.objects.filter(scheme=scheme, value__in=row.open_payments_ids).values_list(
            "value", flat=True
        )
    )
    OrganizationIdentifier.objects.bulk_create(
        OrganizationIdentifier(organization=organization, scheme=scheme, value=value)
        for value in row.open_payments_ids
        if value not in taken
    )


def _load_parent(
    row: ListRow, loaded: dict[str, Organization], entry: OrganizationListEntry | None, *, actor, summary: LoadSummary
) -> None:
    organization = loaded[row.key]
    parent = loaded[row.parent] if row.parent else None
    wanted = parent.pk if parent else None
    if organization.parent_id == wanted:
        return
    if entry is not None:
        before = entry.loaded.get("parent") or ""
        was = loaded[before].pk if before in loaded else None
        if organization.parent_id != was:
            summary.kept.append(f"{row.key}: parent")
            return
    elif organization.parent_id is not None:
        return  # an editor's record with a parent of its own
    organization.parent = parent
    services.save_with_history(organization, actor=actor, reason=REASON)
