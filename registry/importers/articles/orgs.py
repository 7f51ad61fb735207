"""Organizations named by imported files: found by ROR id, then by another identifier (FundRef,
Ringgold, GRID, ISNI), then by name through `resolve_organizations`; created only when not found.

Lookups are batched per file: `ensure()` asks the database about all names at once and creates
the missing organizations together.
"""

from collections.abc import Callable, Iterable
from functools import lru_cache

from registry import services
from registry.enums import OrganizationKind, OrganizationOrigin
from registry.importers.articles.bulk import create_with_history, insert_rows, validated
from registry.importers.articles.origins import Origin
from registry.importers.articles.records import OrganizationRef
from registry.importers.formats.places import guess_kind
from registry.models import Organization, OrganizationIdentifier
from registry.names import normalize_organization_name
from registry.selectors import resolve_organizations

# Organization names repeat across the authors and files of an import; their normal form is cached.
org_key = lru_cache(maxsize=16384)(normalize_organization_name)


class OrganizationResolver:
    def __init__(self, *, actor, reason: str):
        self.actor = actor
        self.reason = reason
        self.by_ror: dict[str, Organization] = {}
        self.by_identifier: dict[tuple[str, str], Organization] = {}
        self.by_name: dict[str, Organization | None] = {}
        self.ambiguous: set[str] = set()  # names two organizations share; affiliations take the oldest

    def prefetch(self, refs: Iterable[OrganizationRef]) -> None:
        refs = [ref for ref in refs if ref.name]
        rors = {ref.ror_id for ref in refs if ref.ror_id} - set(self.by_ror)
        if rors:
            self.by_ror.update({org.ror_id: org for org in Organization.objects.filter(ror_id__in=rors).order_by()})
        wanted = {pair for ref in refs for pair in ref.identifiers} - set(self.by_identifier)
        if wanted:
            rows = OrganizationIdentifier.objects.filter(value__in={value for _, value in wanted})
            for row in rows.select_related("organization").order_by():
                self.by_identifier[(row.scheme, row.value)] = row.organization
        names = {org_key(ref.name): ref.name for ref in refs}
        names = {key: name for key, name in names.items() if key and key not in self.by_name}
        for resolution in resolve_organizations(names.values()).values():
            found = resolution.organization or (
                min(resolution.candidates, key=lambda org: org.pk) if resolution.candidates else None
            )
            self.by_name[resolution.normalized] = found
            if resolution.ambiguous:
                self.ambiguous.add(resolution.normalized)

    def _find(self, ref: OrganizationRef) -> Organization | None:
        # Called several times for every affiliation of an import: plain lookups, no generator.
        if ref.ror_id:
            found = self.by_ror.get(ref.ror_id)
            if found is not None:
                return found
        for pair in ref.identifiers:
            found = self.by_identifier.get(pair)
            if found is not None:
                return found
        return self.by_name.get(org_key(ref.name))

    def ensure(
        self,
        refs: Iterable[OrganizationRef],
        *,
        funders: Iterable[OrganizationRef] = (),
        origin: str = "",
        origin_of: Callable[[OrganizationRef], Origin | None] | None = None,
    ) -> None:
        """Find every organization named, creating the unknown ones together (two queries), unreviewed
        and saying where they were named: as a funder, or as `origin` (an affiliation unless said).
        `origin_of(ref)`: the file that names it, when the refs come from several files."""
        funders = list(funders)
        file_of = origin_of or (lambda ref: None)
        funder_keys = {(file_of(ref), org_key(ref.name)) for ref in funders}
        refs = [ref for ref in [*refs, *funders] if org_key(ref.name)]
        self.prefetch(refs)
        new: dict[str, Organization] = {}
        # An identifier an earlier file gives an organization (a funder's FundRef id under another
        # spelling) names it for the later files, as it would on record had they been imported one by one.
        claimed: dict[tuple[str, str], Origin | None] = {}
        for ref in refs:
            key = org_key(ref.name)
            file = file_of(ref)
            found = self._find(ref) is not None or key in new or _claimed_before(claimed, ref, file)
            for pair in _identifiers(ref):
                claimed.setdefault(pair, file)
            if found:
                continue
            ror_id = ref.ror_id if ref.ror_id and ref.ror_id not in self.by_ror else None
            organization = Organization(
                name=ref.name,
                kind=ref.kind or guess_kind(ref.name),
                country=ref.country,
                ror_id=ror_id,
                reviewed=False,
                origin=(
                    OrganizationOrigin.FUNDER
                    if (file, key) in funder_keys
                    else origin or OrganizationOrigin.AFFILIATION
                ),
                origin_detail=self.reason if file is None else file.reason,
            )
            new[key] = validated(organization, location=f"organization {ref.name!r}")
            if file is not None:
                file.stamp(organization)
            if ror_id:
                self.by_ror[ror_id] = organization
        create_with_history(list(new.values()), actor=self.actor, reason=self.reason)
        self.by_name.update(new)
        identifiers = {}
        for ref in refs:
            organization = self._find(ref)
            if ref.ror_id and not organization.ror_id and ref.ror_id not in self.by_ror:
                organization.ror_id = ref.ror_id
                file = file_of(ref)
                reason = self.reason if file is None else file.reason
                services.save_with_history(organization, actor=self.actor, reason=reason)
                self.by_ror[ref.ror_id] = organization
            for pair in ref.identifiers:
                if pair not in self.by_identifier:
                    identifiers[pair] = OrganizationIdentifier(organization=organization, scheme=pair[0], value=pair[1])
                    self.by_identifier[pair] = organization
        insert_rows(list(identifiers.values()))

    def get(self, ref: OrganizationRef) -> Organization | None:
        """The organization for `ref`, after `ensure()` saw it."""
        return self._find(ref) if org_key(ref.name) else None

    def ensure_names(
        self, names: Iterable[str], *, origin_of: Callable[[str], Origin | None] | None = None
    ) -> dict[str, Organization]:
        """Counterparties named in statements: resolved through names and aliases (the oldest record
        when several share a name), created unreviewed when the registry does not know them yet.
        `origin_of(name)`: the file that names it, when the names come from several files."""
        refs = {name: OrganizationRef(name=name, kind=guess_kind(name, OrganizationKind.COMPANY)) for name in names}
        file_of = (lambda ref: origin_of(ref.name)) if origin_of else None
        self.ensure(refs.values(), origin=OrganizationOrigin.DECLARED_TIE, origin_of=file_of)
        return {name: organization for name, ref in refs.items() if (organization := self.get(ref)) is not None}


def _identifiers(ref: OrganizationRef) -> list[tuple[str, str]]:
    return [("ror", ref.ror_id), *ref.identifiers] if ref.ror_id else list(ref.identifiers)


def _claimed_before(claimed: dict, ref: OrganizationRef, file) -> bool:
    return any(pair in claimed and claimed[pair] is not file for pair in _identifiers(ref))
