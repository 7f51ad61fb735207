"""The one place that decides whether two person records are one person.

A Fellegi-Sunter style score: each kind of evidence adds its weight, in bits (log2 of how much more
likely the observation is for one person than for two people who share a block key). Above
`AUTO_LINK` the records are linked; from `QUEUE` up an editor decides; below, they stay apart.
Two different ORCID iDs, or two authors of one article, are never one person.
"""

import math
from dataclasses import dataclass, field

from registry.identity.names import commonness, compare_names
from registry.identity.profiles import ArticleFacts, Profile

AUTO_LINK = 11.0
QUEUE = 6.0

# Weights in bits. Names: how the best pair of name forms agrees.
NAME_WEIGHTS = {
    "exact_with_middle": 7.0,  # "George M Church": the middle initial makes a shared name rarer
    "exact": 6.0,
    "middle_missing": 4.5,
    "variant": 3.5,
    "initials": 1.5,
    "middle_differs": -6.0,
    "first_differs": -12.0,
    "family_differs": -20.0,
}
SAME_ORCID = 40.0  # decisive
SAME_CONTRIBUTOR_ID = 20.0  # the publisher keeps one id per person across articles and spellings
# The same publisher gave them different ids: weak, as publishers do give one person a second id
# (seen for about one labelled eLife author in seven).
OTHER_CONTRIBUTOR_ID = -2.0
SAME_EMAIL = 16.0
SHARED_COAUTHORS = (0.0, 7.0, 10.0, 12.0)  # by number shared: 0, 1, 2, 3 or more
SAME_BYLINE = 8.0  # a correction or a second piece by exactly the same authors
SOLE_AUTHOR_NOTICE = 6.0  # editorials, corrections: one byline in one journal
SHARED_ORGANIZATION = (0.0, 6.0, 7.0)
# Distinctive words shared by the printed affiliations (a city, a lab's institute), for
# organizations not resolved to one record; the same fact as a shared organization, so not added to it.
SHARED_PLACE_WORDS = (0.0, 3.0, 5.0)
SHARED_TOPICS = (0.0, 1.0, 1.5, 2.0)  # by number shared: 0, 1, 2, 3 or more
_NOTICE_TYPES = ("correction", "retraction", "editorial", "expression-of-concern", "addendum", "article-commentary")


class Decision:
    LINK = "link"
    QUEUE = "queue"
    APART = "apart"
    REFUSED = "refused"


@dataclass
class Evidence:
    kind: str
    detail: str
    weight: float


@dataclass
class Assessment:
    score: float
    decision: str
    evidence: list[Evidence] = field(default_factory=list)

    def as_json(self) -> list[dict]:
        # Not dataclasses.asdict(): its deep copies cost a whole-registry run seconds.
        return [{"kind": item.kind, "detail": item.detail, "weight": item.weight} for item in self.evidence]

    def explain(self) -> str:
        return "; ".join(f"{e.kind} {e.weight:+g}: {e.detail}" for e in self.evidence)


def assess(
    a: Profile,
    b: Profile,
    *,
    facts: dict[int, ArticleFacts] | None = None,
    name_frequency: int = 1,
) -> Assessment:
    """Weigh everything known of the two records; `name_frequency` is how many different people's
    names share their block key in the registry (more of them: a shared name says less)."""
    facts = facts or {}
    if a.orcid and b.orcid and a.orcid.upper() != b.orcid.upper():
        return _refused("orcid", f"different ORCID iDs {a.orcid} and {b.orcid}")
    shared_articles = a.articles & b.articles
    if shared_articles:
        return _refused("same_article", f"both are authors of article #{min(shared_articles)}")
    evidence: list[Evidence] = []
    if a.orcid and b.orcid:
        evidence.append(Evidence("orcid", f"same ORCID iD {a.orcid}", SAME_ORCID))
    evidence += _names(a, b, name_frequency)
    evidence += _identifiers(a, b)
    evidence += _coauthors(a, b, facts)
    evidence += _affiliations(a, b)
    topics = a.topics & b.topics
    if topics:
        weight = SHARED_TOPICS[min(len(topics), 3)]
        evidence.append(Evidence("topics", f"{len(topics)} shared topic(s)", weight))
    score = round(sum(item.weight for item in evidence), 2)
    if score >= AUTO_LINK:
        decision = Decision.LINK
    elif score >= QUEUE:
        decision = Decision.QUEUE
    else:
        decision = Decision.APART
    return Assessment(score, decision, evidence)


def _refused(kind: str, detail: str) -> Assessment:
    return Assessment(-math.inf, Decision.REFUSED, [Evidence(kind, detail, -math.inf)])


def _names(a: Profile, b: Profile, name_frequency: int) -> list[Evidence]:
    best = None
    for x in a.names:
        for y in b.names:
            agreement = compare_names(x, y)
            weight = NAME_WEIGHTS[agreement.level]
            if best is None or weight > best[0]:
                best = (weight, agreement, x if len(x.first) >= len(y.first) else y)
    if best is None:
        return [Evidence("name", "no name to compare", NAME_WEIGHTS["family_differs"])]
    weight, agreement, fullest = best
    found = [Evidence("name", agreement.detail, weight)]
    if weight > 0:
        penalty, why = commonness(fullest)
        if name_frequency > 1:
            penalty += min(3.0, math.log2(name_frequency))
            why = "; ".join(filter(None, [why, f"{name_frequency} different names share the family name and initial"]))
        if penalty:
            found.append(Evidence("common_name", why, -round(penalty, 2)))
    return found


def _affiliations(a: Profile, b: Profile) -> list[Evidence]:
    shared = a.organizations & b.organizations
    words = a.places & b.places
    by_organization = SHARED_ORGANIZATION[min(len(shared), 2)]
    by_words = SHARED_PLACE_WORDS[min(len(words), 2)]
    if shared and by_organization >= by_words:
        return [Evidence("affiliation", f"{len(shared)} shared affiliation organization(s)", by_organization)]
    if words:
        listed = ", ".join(sorted(words)[:6])
        return [Evidence("affiliation", f"printed affiliations share the words {listed}", by_words)]
    return []


def _identifiers(a: Profile, b: Profile) -> list[Evidence]:
    found = []
    same = a.contributor_ids & b.contributor_ids
    if same:
        found.append(Evidence("contributor_id", f"same publisher contributor id {min(same)}", SAME_CONTRIBUTOR_ID))
    elif _schemes(a) & _schemes(b):
        found.append(
            Evidence(
                "contributor_id",
                f"the publisher gave different ids ({', '.join(sorted(a.contributor_ids | b.contributor_ids))})",
                OTHER_CONTRIBUTOR_ID,
            )
        )
    emails = a.emails & b.emails
    if emails:
        found.append(Evidence("email", "same e-mail address", SAME_EMAIL))
    return found


def _schemes(profile: Profile) -> set[str]:
    return {value.rsplit("/", 1)[0] for value in profile.contributor_ids}


def _coauthors(a: Profile, b: Profile, facts: dict[int, ArticleFacts]) -> list[Evidence]:
    found = []
    shared = (a.coauthors & b.coauthors) - a.keys - b.keys
    if shared:
        weight = SHARED_COAUTHORS[min(len(shared), 3)]
        names = ", ".join(sorted(shared)[:5])
        found.append(Evidence("coauthors", f"{len(shared)} shared co-author(s): {names}", weight))
    for article_a, byline_a in a.bylines.items():
        for article_b, byline_b in b.bylines.items():
            if byline_a != byline_b:
                continue
            types = {_type(facts, article_a), _type(facts, article_b)}
            notice = next((kind for kind in _NOTICE_TYPES if kind in types), "")
            if len(byline_a) > 1:
                detail = f"same byline of {len(byline_a)} authors" + (f" on a {notice}" if notice else "")
                return [*found, Evidence("byline", detail, SAME_BYLINE)]
            same_journal = (
                facts.get(article_a) and facts.get(article_b) and (facts[article_a].journal == facts[article_b].journal)
            )
            if notice and same_journal:
                return [
                    *found,
                    Evidence("byline", f"sole author of a {notice} in the same journal", SOLE_AUTHOR_NOTICE),
                ]
    return found


def _type(facts: dict[int, ArticleFacts], article_id: int) -> str:
    found = facts.get(article_id)
    return found.article_type if found else ""
