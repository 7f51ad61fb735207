"""Weighing the evidence that two person records are one person."""

import math

from registry.identity.names import block_key, compare_names, name_form
from registry.identity.profiles import ArticleFacts, Profile
from registry.identity.scoring import AUTO_LINK, QUEUE, Decision, assess


def profile(name: str, pk: int = 1, **fields) -> Profile:
    found = Profile(pk, name, **{k: v for k, v in fields.items() if k in {"orcid"}})
    found.add_name(name)
    for key in ("contributor_ids", "emails", "articles", "coauthors", "organizations", "places", "topics"):
        setattr(found, key, set(fields.get(key, ())))
    found.bylines = fields.get("bylines", {})
    return found


def kinds(assessment) -> dict[str, float]:
    return {item.kind: item.weight for item in assessment.evidence}


def test_the_same_orcid_is_decisive_whatever_the_spelling():
    result = assess(
        profile("Vassilis Bitsikas", orcid="0000-0002-1731-9910"),
        profile("V. Bitsikas", 2, orcid="0000-0002-1731-9910"),
    )
    assert result.decision == Decision.LINK
    assert kinds(result) == {"orcid": 40.0, "name": 1.5}


def test_different_orcids_never_link_even_with_everything_else_shared():
    result = assess(
        profile("Detlef Weigel", orcid="0000-0002-2114-7963", contributor_ids={"10.7554/author-1"}),
        profile("Detlef Weigel", 2, orcid="0000-0002-1825-0097", contributor_ids={"10.7554/author-1"}),
    )
    assert (result.decision, result.score) == (Decision.REFUSED, -math.inf)
    assert result.evidence[0].kind == "orcid"


def test_two_authors_of_one_article_are_two_people():
    result = assess(profile("Li Li", articles={7}), profile("Li Li", 2, articles={7}))
    assert result.decision == Decision.REFUSED


def test_the_publishers_contributor_id_links_across_name_spellings():
    result = assess(
        profile("Fiona Watt", contributor_ids={"10.7554/author-1031"}),
        profile("Fiona M Watt", 2, contributor_ids={"10.7554/author-1031"}),
    )
    assert result.decision == Decision.LINK
    assert kinds(result) == {"name": 4.5, "contributor_id": 20.0}


def test_a_shared_email_links():
    result = assess(
        profile("Ute Hochgeschwender", emails={"ute@x.org"}), profile("U Hochgeschwender", 2, emails={"ute@x.org"})
    )
    assert result.decision == Decision.LINK


def test_a_rare_name_alone_is_queued_and_with_a_shared_coauthor_linked():
    alone = assess(profile("Detlef Weigel"), profile("Detlef Weigel", 2))
    assert (alone.decision, alone.score) == (Decision.QUEUE, 6.0)
    with_coauthor = assess(
        profile("Detlef Weigel", coauthors={"bhaya d"}), profile("Detlef Weigel", 2, coauthors={"bhaya d"})
    )
    assert (with_coauthor.decision, with_coauthor.score) == (Decision.LINK, 13.0)


def test_a_common_name_needs_more_evidence_than_a_rare_one():
    rare = assess(profile("Detlef Weigel", organizations={1}), profile("Detlef Weigel", 2, organizations={1}))
    common = assess(profile("Wei Wang", organizations={1}), profile("Wei Wang", 2, organizations={1}))
    assert rare.decision == Decision.LINK
    assert (common.decision, common.score) == (Decision.QUEUE, 7.0)
    assert kinds(common)["common_name"] == -5.0
    common_with_coauthors = assess(
        profile("Wei Wang", organizations={1}, coauthors={"a b", "c d"}),
        profile("Wei Wang", 2, organizations={1}, coauthors={"a b", "c d"}),
    )
    assert common_with_coauthors.decision == Decision.LINK


def test_many_different_first_names_in_the_block_make_a_name_weaker():
    result = assess(profile("Xin Li"), profile("Xin Li", 2), name_frequency=4)
    assert kinds(result)["common_name"] == -7.0


def test_a_correction_by_the_same_byline_is_the_same_person():
    byline = frozenset({"chou j", "chow k", "kandela i"})
    result = assess(
        profile("Kartoa Chow", articles={1}, bylines={1: byline}),
        profile("Kartoa Chow", 2, articles={2}, bylines={2: byline}),
        facts={1: ArticleFacts("research-article", "elife"), 2: ArticleFacts("correction", "elife")},
    )
    assert result.decision == Decision.LINK
    assert [e.detail for e in result.evidence if e.kind == "byline"] == ["same byline of 3 authors on a correction"]


def test_a_sole_author_editorial_in_the_same_journal_counts():
    facts = {1: ArticleFacts("editorial", "elife"), 2: ArticleFacts("editorial", "elife")}
    result = assess(
        profile("Randy Schekman", articles={1}, bylines={1: frozenset({"schekman r"})}),
        profile("Randy Schekman", 2, articles={2}, bylines={2: frozenset({"schekman r"})}),
        facts=facts,
    )
    assert result.score == 12.0
    assert result.decision == Decision.LINK


def test_conflicting_given_names_or_middle_initials_keep_apart():
    assert assess(profile("Fiona K Watt"), profile("Fiona M Watt", 2)).decision == Decision.APART
    assert assess(profile("Frank Watt"), profile("Fiona Watt", 2)).decision == Decision.APART


def test_thresholds_are_ordered():
    assert AUTO_LINK > QUEUE > 0


def test_name_variants_as_an_editor_reads_them():
    def level(a: str, b: str) -> str:
        return compare_names(name_form(a), name_form(b)).level

    assert level("Fiona Watt", "Fiona M Watt") == "middle_missing"
    assert level("Jörg Müller", "Joerg Mueller") == "variant"
    assert level("Kate Smith", "Katherine Smith") == "variant"
    assert level("Jamie HD Cate", "Jamie H. D. Cate") == "exact_with_middle"
    assert level("F. M. Watt", "Fiona Watt") == "initials"
    assert level("Fiona K Watt", "Fiona M Watt") == "middle_differs"
    assert block_key("Jörg Müller") == block_key("Joerg Mueller") == "muller j"


def test_a_generational_suffix_is_no_part_of_a_name():
    """PubMed writes "George R Thompson 3rd" (its Suffix after the name); a full text "George R. Thompson"."""
    assert name_form("George R Thompson 3rd", "Thompson") == name_form("George R. Thompson")
    assert name_form("Joseph V. Pergolizzi Jr.") == name_form("Joseph V Pergolizzi")
    assert block_key("George R Thompson III") == "thompson g"
