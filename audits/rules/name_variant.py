"""ORGANIZATION_NAME_VARIANT: ties that name one organization under two names."""

import re
from collections import defaultdict
from itertools import combinations

from rapidfuzz import fuzz

from audits.enums import Severity, SubjectType
from audits.rules.base import Rule, register
from audits.rules.evidence import tie_clause
from audits.rules.explain import category_order, join_words
from registry.enums import Provenance
from registry.identity.org_similarity import compare_names, one_is_unit_of_other
from registry.identity.org_suggestions import suggest_pairs
from registry.names import normalize_organization_name

# Words naming a body of an organization: "Council of EMBO" is EMBO's governing body, a part of it.
GOVERNING_BODY = re.compile(
    r"^(?:the )?(?:executive |governing |supervisory |advisory )?"
    r"(?:council|board|committee|senate|assembly) of (?:the )?"
)


def is_part_of_other(a: str, b: str) -> bool:
    """Whether one name is a unit (IBM's Watson Research Centre) or a governing body (the Council of
    EMBO) of the other: tied to it as a part, not a second name for it."""
    if one_is_unit_of_other(a, b):
        return True
    a, b = normalize_organization_name(a), normalize_organization_name(b)
    return any(bool(GOVERNING_BODY.match(x)) and GOVERNING_BODY.sub("", x) == y for x, y in ((a, b), (b, a)))


def why_alike(reason: str, score: float) -> str:
    """Why two names are probably one, as a reader checks it. Spelling likeness explains a typo; an
    acronym ("FDA", 19% alike) or a translation in brackets is explained by saying so."""
    if reason.startswith(TYPO_REASON):
        return f"names {score:.0f}% alike"
    return reason


# How registry.identity words a verdict of typos ("the same words but for 1 typo(s)").
TYPO_REASON = "the same words but for"


@register
class OrganizationNameVariantRule(Rule):
    """Flags a tie whose organization is probably one the registry knows under another name: a
    person whose ties name two organizations that are probably one (a typo such as Ledidi / Lididi),
    or a tie to a name that is probably an organization on record. What counts as "probably the same
    organization" is decided where the editors' merge queue decides it (registry.identity): names
    are compared on their distinctive words, so sibling units (two University of California
    campuses, HHMI at two universities) and different places sharing generic words (University of
    York, University of Toronto) are not variants, nor is a unit and its parent (IBM's Watson
    Research Centre and IBM: a parent link, not a merge) or a governing body and its organization (the
    Council of EMBO and EMBO), nor is a name that fits several organizations
    which do not fit each other (an acronym such as "UC" for the universities of California, Chicago and
    Cambridge says nothing about which one is meant). Two letters alone ("VA") are read as nobody's
    acronym unless a name gives them in brackets, and a word in capitals is never taken for a typo
    ("SCHARP" is not "Sharp"). Affiliations are never compared with each
    other: duplicate organizations in general go to the editors' merge queue. Low severity: it
    suggests merging, says why the names are probably one (how alike they are for a typo, else the
    reason: an acronym, a translation or a name in brackets) and who declared ties to each name."""

    code = "ORGANIZATION_NAME_VARIANT"
    title = "A tie names an organization known under another name"
    version = 5
    severity = Severity.LOW
    subject_type = SubjectType.ORGANIZATION
    registry_wide = True

    def find(self, ctx):
        ties = self.ties_by_key(ctx)
        names = self.names(ctx, ties)
        keys = sorted(names)
        index = {key: number for number, key in enumerate(keys)}
        focus = {index[key] for key in ties}
        parents = self.linked_pairs(ctx)
        suggestions = [
            s
            for s in suggest_pairs(((index[k], names[k]) for k in keys), focus=focus)
            if (keys[s.a], keys[s.b]) not in parents and not is_part_of_other(names[keys[s.a]], names[keys[s.b]])
        ]
        ambiguous = self.ambiguous(suggestions, [names[k] for k in keys])
        for suggestion in suggestions:
            if suggestion.a in ambiguous or suggestion.b in ambiguous:
                continue
            key_a, key_b = keys[suggestion.a], keys[suggestion.b]
            yield self.build(ctx, (key_a, names[key_a]), (key_b, names[key_b]), suggestion.reason)

    @staticmethod
    def ambiguous(suggestions, names: list[str]) -> set[int]:
        """Names that fit several organizations which do not fit each other ("UC": the universities of
        California, Chicago, Cambridge...): such a name says nothing about which one a tie means."""
        partners: dict[int, set[int]] = defaultdict(set)
        for s in suggestions:
            partners[s.a].add(s.b)
            partners[s.b].add(s.a)
        return {
            name
            for name, others in partners.items()
            if any(not compare_names(names[x], names[y]).duplicate for x, y in combinations(sorted(others), 2))
        }

    def names(self, ctx, ties) -> dict[str, str]:
        """org key → name: every tie's organization, and the organizations on record it may be."""
        names = {f"o{pk}": row[0] for pk, row in ctx.organizations.items()}
        for key, by_person in ties.items():
            interest = next(iter(by_person.values()))[0]
            if not interest.organization_id:
                names[key] = interest.organization_name
        return {key: name for key, name in names.items() if name}

    def linked_pairs(self, ctx) -> set[tuple[str, str]]:
        """Pairs an editor already tied together as parent and subsidiary."""
        return {tuple(sorted([f"o{child}", f"o{row[1]}"])) for child, row in ctx.organizations.items() if row[1]}

    def build(self, ctx, first, second, reason):
        (key_a, name_a), (key_b, name_b) = first, second
        ties = self.ties_by_key(ctx)
        holders = []
        for key, _name in (first, second):
            for person_id, interests in sorted(ties.get(key, {}).items()):
                # One clause per kind of tie: the same tie declared on several articles is several records.
                clauses = join_words(dict.fromkeys(tie_clause(ctx, i) for i in sorted(interests, key=category_order)))
                # "declared" only when the person said so; ties from imports and registers are "has".
                said = all(i.provenance == Provenance.DISCLOSURE for i in interests)
                holders.append(f"{ctx.person_name(person_id)} {'declared' if said else 'has'} {clauses}")
        detail = f"; {'; '.join(holders)}" if holders else ""
        org_ids = [int(k[1:]) for k in (key_a, key_b) if k.startswith("o")]
        score = fuzz.ratio(normalize_organization_name(name_a), normalize_organization_name(name_b))
        return self.finding(
            key=f"{key_a}|{key_b}",
            summary=(
                f"“{name_a}” and “{name_b}” are probably the same organization "
                f"({why_alike(reason, score)}){detail}. Merge them if they are."
            ),
            evidence={
                "names": [name_a, name_b],
                "organization_ids": org_ids,
                "similarity": round(score, 1),
                "reason": reason,
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
        """org key → person → the person's ties to it (ties with an organization, named or on record)."""
        key = ("name_variant_ties",)
        if key not in ctx.memo:
            grouped: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
            for interest in ctx.interests.values():
                if interest.organization_id or interest.organization_name:
                    grouped[interest.org_key][interest.person_id].append(interest)
            ctx.memo[key] = grouped
        return ctx.memo[key]
