"""ORGANIZATION_NAME_VARIANT: two organizations (or declared names) that are probably one."""

from collections import defaultdict

import numpy
from rapidfuzz import fuzz, process

from audits.enums import Severity, SubjectType
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import tie_clause
from audits.rules.explain import category_order, join_words
from registry.enums import Provenance
from registry.models import Organization
from registry.names import normalize_organization_name


@register
class OrganizationNameVariantRule(Rule):
    """Flags two organization records, or names declared without a record, whose names are so alike
    that they are probably the same entity (a typo such as Ledidi / Lididi, or a record entered
    twice). A data-quality flag: it suggests merging, and says who declared ties to each name.
    A run over one article compares the names its authors declared; a run over the whole registry
    compares every organization."""

    code = "ORGANIZATION_NAME_VARIANT"
    title = "Probably the same organization under two names"
    severity = Severity.LOW
    subject_type = SubjectType.ORGANIZATION
    registry_wide = True
    parameters = (
        Parameter("min_similarity", 80.0, "Similarity of normalized names (0-100) that makes a finding."),
        Parameter("min_length", 4, "Shorter names (abbreviations such as BMS, GSK) are not compared."),
    )

    def find(self, ctx):
        names = self.candidate_names(ctx)
        linked = self.linked_pairs(ctx, names)
        for (key_a, name_a), (key_b, name_b), score in self.similar_pairs(names):
            if (key_a, key_b) in linked:
                continue
            yield self.build(ctx, (key_a, name_a), (key_b, name_b), score)

    def candidate_names(self, ctx) -> dict[str, str]:
        """org key → display name: every organization in a full run, the scope's ties otherwise."""
        names: dict[str, str] = {}
        self.parents = {org: row[1] for org, row in ctx.organizations.items() if row[1]}
        if ctx.scope.is_full:
            for pk, name, parent in Organization.objects.order_by().values_list("pk", "name", "parent_id"):
                names[f"o{pk}"] = name
                if parent:
                    self.parents[pk] = parent
        for interest in ctx.interests.values():
            if interest.organization_id:
                names[f"o{interest.organization_id}"] = ctx.organization_name(interest.organization_id)
            elif interest.organization_name:
                names[interest.org_key] = interest.organization_name
        return names

    def similar_pairs(self, names: dict[str, str]):
        """Pairs above the threshold. Names are compared within blocks that share their first two
        letters, and again within blocks that share their last two, each split by length: a
        slip of the pen changes one end or the other, rarely both (Ledidi / Lididi share "di")."""
        entries = []
        for key, name in names.items():
            normal = normalize_organization_name(name)
            if len(normal.replace(" ", "")) >= self.params["min_length"]:
                entries.append((key, name, normal))
        seen: set[tuple[str, str]] = set()
        for end in (slice(0, 2), slice(-2, None)):
            blocks: dict[tuple[str, int], list[tuple[str, str, str]]] = defaultdict(list)
            for entry in entries:
                blocks[(entry[2][end], len(entry[2]) // 4)].append(entry)
            for pair in self.pairs_in_blocks(blocks):
                if (pair[0][0], pair[1][0]) not in seen:
                    seen.add((pair[0][0], pair[1][0]))
                    yield pair

    def pairs_in_blocks(self, blocks):
        cutoff = self.params["min_similarity"]
        for (letters, band), members in sorted(blocks.items()):
            # Each band against itself and the next, so lengths either side of a band edge meet.
            others = members + blocks.get((letters, band + 1), [])
            scores = process.cdist(
                [m[2] for m in members], [o[2] for o in others], scorer=fuzz.ratio, score_cutoff=cutoff, workers=-1
            )
            for i, j in zip(*numpy.nonzero(scores), strict=True):
                if j <= i and j < len(members):
                    continue  # each pair within the band once, and never a name with itself
                (ka, na, _), (kb, nb, _) = members[i], others[j]
                first, second = sorted([(ka, na), (kb, nb)])
                yield first, second, round(float(scores[i, j]), 1)

    def linked_pairs(self, ctx, names: dict[str, str]) -> set[tuple[str, str]]:
        """Pairs an editor already tied together as parent and subsidiary."""
        return {tuple(sorted([f"o{child}", f"o{parent}"])) for child, parent in self.parents.items()}

    def build(self, ctx, first, second, score):
        (key_a, name_a), (key_b, name_b) = first, second
        ties = self.ties_by_key(ctx)
        holders = []
        for key, _name in (first, second):
            for person_id, interests in sorted(ties.get(key, {}).items()):
                clauses = join_words(tie_clause(ctx, i) for i in sorted(interests, key=category_order))
                # "declared" only when the person said so; ties from imports and registers are "has".
                said = all(i.provenance == Provenance.DISCLOSURE for i in interests)
                holders.append(f"{ctx.person_name(person_id)} {'declared' if said else 'has'} {clauses}")
        detail = f"; {'; '.join(holders)}" if holders else ""
        org_ids = [int(k[1:]) for k in (key_a, key_b) if k.startswith("o")]
        return self.finding(
            key=f"{key_a}|{key_b}",
            summary=(
                f"“{name_a}” and “{name_b}” are probably the same organization "
                f"(names {score:.0f}% alike){detail}. Merge them if they are."
            ),
            evidence={
                "names": [name_a, name_b],
                "organization_ids": org_ids,
                "similarity": score,
                "ties": {
                    name: {
                        ctx.person_name(person): [i.id for i in interests]
                        for person, interests in ties.get(key, {}).items()
                    }
                    for key, name in (first, second)
                },
            },
            organization_id=org_ids[0] if org_ids else None,
        )

    def ties_by_key(self, ctx) -> dict[str, dict[int, list]]:
        if not hasattr(self, "_ties"):
            grouped: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
            for interest in ctx.interests.values():
                grouped[interest.org_key][interest.person_id].append(interest)
            self._ties = grouped
        return self._ties
