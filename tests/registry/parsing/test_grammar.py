"""Specific grammar cases: lists, chained relation phrases, initials, none scopes, payees, spans."""

import gc

import pytest

from registry.parsing import ParsedItem, ParseResult, parse_statement


def triples(result):
    return [(i.author, i.category, i.organization) for i in result.items]


def test_list_with_oxford_comma_and_two_categories_in_one_sentence():
    authors = ["Alec C Kimmelman", "J Wade Harper", "Yu Liu"]
    text = (
        "ACK: reports receiving speakers bureau honoraria from Agios and the US Oncology Network, and is a "
        "consultant for Astellas Pharma, FORMA Therapeutics, and Gilead. || JWH: is a consultant for "
        "Millennium: the Takeda Oncology Company and Biogen-Idec. || The other authors declare that no "
        "competing interests exist."
    )
    result = parse_statement(text, authors)
    assert triples(result) == [
        ("Alec C Kimmelman", "lectures", "Agios"),
        ("Alec C Kimmelman", "lectures", "US Oncology Network"),
        ("Alec C Kimmelman", "consulting", "Astellas Pharma"),
        ("Alec C Kimmelman", "consulting", "FORMA Therapeutics"),
        ("Alec C Kimmelman", "consulting", "Gilead"),
        ("J Wade Harper", "consulting", "Millennium: the Takeda Oncology Company"),
        ("J Wade Harper", "consulting", "Biogen-Idec"),
    ]
    assert result.declares_none == ["Yu Liu"]


def test_semicolon_list():
    result = parse_statement("AB received grants from Pfizer; Merck; and Roche.", ["Anna Berg", "Carl Dahl"])
    assert triples(result) == [("Anna Berg", "grants", org) for org in ("Pfizer", "Merck", "Roche")]


def test_consulting_and_lecturing_fees_then_grants():
    text = (
        "CD has received consulting and lecturing fees from Abbott, Bayer AG and Novo Nordisk, and grants from Abbott."
    )
    result = parse_statement(text, ["Anna Berg", "Carl Dahl"])
    cats = [(c, o) for _, c, o in triples(result)]
    assert cats == [
        ("consulting", "Abbott"),
        ("consulting", "Bayer AG"),
        ("consulting", "Novo Nordisk"),
        ("lectures", "Abbott"),
        ("lectures", "Bayer AG"),
        ("lectures", "Novo Nordisk"),
        ("grants", "Abbott"),
    ]


def test_founder_shareholder_consultant_gives_three_items():
    text = "JM is founder, shareholder, and consultant of Cleave Biosciences."
    result = parse_statement(text, ["Jane Miller", "Tom Berg"])
    assert triples(result) == [
        ("Jane Miller", "founder", "Cleave Biosciences"),
        ("Jane Miller", "stock", "Cleave Biosciences"),
        ("Jane Miller", "consulting", "Cleave Biosciences"),
    ]


def test_names_and_initials_with_hyphens_and_several_authors():
    authors = ["Liron L Israel", "Jean-Paul M Lellouche", "Lay-Hong Ang", "Jose Maria Gatell", "David Dalmau"]
    text = (
        "J-PML: Patent pending on the use of magnetic nanoparticles. || L-HA: Employee of Pfizer. || "
        "D Dalmau and JM Gatell have been consultants for Roche."
    )
    result = parse_statement(text, authors)
    assert triples(result) == [
        ("Jean-Paul M Lellouche", "patents", None),
        ("Lay-Hong Ang", "employment", "Pfizer"),
        ("David Dalmau", "consulting", "Roche"),
        ("Jose Maria Gatell", "consulting", "Roche"),
    ]


def test_label_with_several_initials():
    result = parse_statement("CW, JH: Co-founder of iRepertoire.", ["Yang Yang", "Chunlin Wang", "Jian Han"])
    assert triples(result) == [
        ("Chunlin Wang", "founder", "iRepertoire"),
        ("Jian Han", "founder", "iRepertoire"),
    ]


def test_other_authors_declare_none_covers_everyone_without_an_item():
    authors = ["Hao Wu", "John Williams", "Jeremy Nathans"]
    text = (
        "JN: Reviewing Editor, eLife, and a paid consultant for Merck || "
        "The other authors have declared that no competing interests exist."
    )
    result = parse_statement(text, authors)
    assert triples(result) == [
        ("Jeremy Nathans", "leadership", "eLife"),
        ("Jeremy Nathans", "consulting", "Merck"),
    ]
    assert result.declares_none == ["Hao Wu", "John Williams"]


def test_all_authors_declare_none():
    result = parse_statement("The authors declare that no competing interests exist.", ["A One", "B Two"])
    assert result.declares_none == ["A One", "B Two"] and result.items == []


def test_boilerplate_is_not_a_none_declaration():
    authors = ["Daniel E. Platt", "Marc Haber"]
    text = (
        "DEP is an employee of IBM. There are no patents or products in development or marketed products to "
        "declare. This does not alter the authors' adherence to all the PLOS ONE policies on sharing data "
        "and materials."
    )
    result = parse_statement(text, authors)
    assert triples(result) == [("Daniel E. Platt", "employment", "IBM")]
    assert result.declares_none == []


def test_payee_institution_through_a_university():
    text = "EM received research support through Yale from Medtronic."
    result = parse_statement(text, ["Eva Moss", "Per Holm"])
    assert [(i.author, i.category, i.organization, i.payee) for i in result.items] == [
        ("Eva Moss", "grants", "Medtronic", "institution")
    ]


def test_a_named_channel_before_from_is_the_payee_side():
    text = (
        "EM received research support through the Center for Drug Safety and Outcomes from the Bill and "
        "Melinda Gates Foundation."
    )
    result = parse_statement(text, ["Eva Moss", "Per Holm"])
    assert [(i.author, i.category, i.organization, i.payee) for i in result.items] == [
        ("Eva Moss", "grants", "Bill and Melinda Gates Foundation", "institution")
    ]


def test_support_through_a_funder_with_no_other_source_names_the_funder():
    text = (
        "PH received support through the National Science Foundation. EM received a scholarship from the "
        "Research Council of Norway."
    )
    result = parse_statement(text, ["Eva Moss", "Per Holm"])
    assert [(i.author, i.category, i.organization, i.payee) for i in result.items] == [
        ("Per Holm", "grants", "National Science Foundation", "self"),
        ("Eva Moss", "grants", "Research Council of Norway", "self"),
    ]


def test_and_inside_a_name_is_not_a_list_separator():
    text = (
        "PH has received grants from Johnson and Johnson, the Food and Drug Administration, the Agency for "
        "Healthcare Research and Quality, and Pfizer and Novartis."
    )
    result = parse_statement(text, ["Eva Moss", "Per Holm"])
    assert [i.organization for i in result.items] == [
        "Johnson and Johnson",
        "Food and Drug Administration",
        "Agency for Healthcare Research and Quality",
        "Pfizer",
        "Novartis",
    ]


def test_each_from_continues_a_list_of_sources_with_their_purposes():
    text = (
        "EM received research grants from Medtronic to study device safety, from the Centers for Medicare and "
        "Medicaid Services to develop quality measures, and from Abbott."
    )
    result = parse_statement(text, ["Eva Moss", "Per Holm"])
    assert triples(result) == [
        ("Eva Moss", "grants", "Medtronic"),
        ("Eva Moss", "grants", "Centers for Medicare and Medicaid Services"),
        ("Eva Moss", "grants", "Abbott"),
    ]


def test_institution_as_subject_receives_the_money():
    text = "The Karolinska Institute received funds from the WHO for the contributions of PH to this work."
    result = parse_statement(text, ["Eva Moss", "Per Holm"])
    assert [(i.author, i.category, i.organization, i.payee) for i in result.items] == [
        ("Per Holm", "manuscript_support", "WHO", "institution")
    ]


def test_negated_ties_give_no_items():
    text = "Neither Merck nor GSK was involved in this study. The FDA did not fund this research."
    assert parse_statement(text, ["Eva Moss"]).items == []


def test_variants_are_reported_not_merged():
    text = "He has received consultancy fees from Ledidi and holds shares in Lididi."
    result = parse_statement(text, ["Ole A. Andreassen"])
    assert [i.organization for i in result.items] == ["Ledidi", "Lididi"]
    assert result.variants == [("Ledidi", "Lididi")]


def test_company_forms_and_dots_are_kept():
    text = "RHE: license distributions from Merck & Co.; employee of Vutara, Inc. and New England Biolabs Inc."
    result = parse_statement(text, ["Richard H Ebright"])
    assert [i.organization for i in result.items] == [
        "Merck & Co.",
        "Vutara, Inc.",
        "New England Biolabs Inc.",
    ]


def test_spans_point_at_the_text():
    text = "ATB: Reviewing editor, eLife. || KL: Employee of Regeneron Pharmaceuticals."
    result = parse_statement(text, ["Axel T Brunger", "Kim Lee"])
    spans = [text[a:b] for a, b in (i.span for i in result.items)]
    assert spans == ["Reviewing editor, eLife", "Employee of Regeneron Pharmaceuticals"]


def test_the_garbage_collector_runs_again_after_a_statement_and_stays_off_when_it_was():
    assert gc.isenabled()
    parse_statement("ZZS is an employee of Pfizer.", ["Zachary Z Sun"])
    assert gc.isenabled()
    with pytest.raises(ValueError):
        parse_statement(3, ["Zachary Z Sun"])
    assert gc.isenabled()
    gc.disable()
    try:
        assert parse_statement("ZZS is an employee of Pfizer.", ["Zachary Z Sun"]).items
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_result_types_are_frozen_and_serialisable():
    result = parse_statement("ZZS is an employee of Pfizer.", ["Zachary Z Sun"])
    assert isinstance(result, ParseResult) and isinstance(result.items[0], ParsedItem)
    assert result.items[0].to_dict() == {
        "author": "Zachary Z Sun",
        "category": "employment",
        "organization": "Pfizer",
        "payee": "self",
        "specification": "employee",
    }
    try:
        result.items[0].category = "grants"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("ParsedItem must be frozen")
