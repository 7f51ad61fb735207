"""Reusable reads of the registry: organization name resolution first of all.

Every place that turns a name as written into an Organization (editors' forms, the statement
parser, importers, audits) calls `resolve_organizations()`, so all of them agree.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from rapidfuzz import fuzz, process

from registry.models import Organization, OrganizationAlias
from registry.names import normalize_organization_name


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one name: the organization, or the candidates when ambiguous."""

    name: str
    normalized: str
    organization: Organization | None
    candidates: tuple[Organization, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.organization is None and len(self.candidates) > 1


def resolve_organizations(names: Iterable[str]) -> dict[str, Resolution]:
    """Resolve names as written through canonical names and aliases, in two queries.

    A canonical-name match wins over an alias match; two organizations sharing the name or
    alias leave it unresolved, with both as candidates.
    """
    keys = {name: normalize_organization_name(name) for name in names if name and name.strip()}
    wanted = set(keys.values()) - {""}
    by_canonical: dict[str, list[Organization]] = {}
    by_alias: dict[str, list[Organization]] = {}
    if wanted:
        for org in Organization.objects.filter(normalized_name__in=wanted):
            by_canonical.setdefault(org.normalized_name, []).append(org)
        aliases = OrganizationAlias.objects.filter(normalized_name__in=wanted).select_related("organization")
        for alias in aliases:
            by_alias.setdefault(alias.normalized_name, []).append(alias.organization)
    results = {}
    for name, key in keys.items():
        found = by_canonical.get(key) or list({org.pk: org for org in by_alias.get(key, [])}.values())
        organization = found[0] if len(found) == 1 else None
        results[name] = Resolution(name, key, organization, tuple(found))
    return results


def similar_organizations_for(
    names: Iterable[str], *, limit: int = 5, min_score: float = 80.0
) -> dict[str, list[tuple[Organization, float]]]:
    """Close existing organizations for many names at once, in three queries.

    The candidates of a name are the organizations whose name or alias starts with the name's first
    letter (typos rarely start a name), scored by rapidfuzz's ratio of normal forms; the best score
    per organization, best first.
    """
    keys = {name: key for name in names if (key := normalize_organization_name(name))}
    if not keys:
        return {}
    letters = {key[0] for key in keys.values()}
    starts = Q()
    for letter in sorted(letters):
        starts |= Q(normalized_name__startswith=letter) | Q(aliases__normalized_name__startswith=letter)
    candidates = Organization.objects.filter(starts).distinct()
    forms: dict[int, list[str]] = {}
    for org_id, normalized in candidates.values_list("pk", "normalized_name"):
        forms.setdefault(org_id, []).append(normalized)
    aliases = OrganizationAlias.objects.filter(organization__in=candidates)
    for org_id, normalized in aliases.values_list("organization_id", "normalized_name"):
        forms.setdefault(org_id, []).append(normalized)
    choices: dict[str, dict[tuple[str, int], str]] = {letter: {} for letter in letters}
    for org_id, written in forms.items():
        for letter in letters & {form[:1] for form in written}:
            choices[letter].update(((form, org_id), form) for form in written)
    ranked: dict[str, list[tuple[int, float]]] = {}
    for name, key in keys.items():
        best: dict[int, float] = {}
        for _, score, (_, org_id) in process.extract(key, choices[key[0]], scorer=fuzz.ratio, limit=limit * 3):
            if score >= min_score and score > best.get(org_id, 0):
                best[org_id] = score
        ranked[name] = sorted(best.items(), key=lambda pair: -pair[1])[:limit]
    wanted = {org_id for pairs in ranked.values() for org_id, _ in pairs}
    orgs = Organization.objects.in_bulk(wanted) if wanted else {}
    return {name: [(orgs[org_id], score) for org_id, score in pairs] for name, pairs in ranked.items()}
