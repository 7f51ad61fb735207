"""The language of statements from many journals: per-author label blocks, roles in brackets, subjects
that change mid-sentence, lists after a colon, payees and study funding, names in other languages.

Every statement here is invented.
"""

from registry.parsing import parse_statement


def rows(statement: str, authors: list[str]) -> list[tuple]:
    result = parse_statement(statement, authors)
    return [(it.author, it.category, it.organization, it.payee) for it in result.items]


def test_initials_named_twice_in_one_list_are_two_authors():
    authors = ["Mia C. Dunn", "Paul Ortiz", "Mark Dowd"]
    statement = "MD, PO and MD report grants from Wellcome. All other authors declare no competing interests."
    assert rows(statement, authors) == [
        ("Mark Dowd", "grants", "Wellcome", "self"),
        ("Paul Ortiz", "grants", "Wellcome", "self"),
        ("Mia C. Dunn", "grants", "Wellcome", "self"),
    ]


def test_other_ties_detailed_after_including_are_those_ties():
    authors = ["Kim Lee", "Ann Roe"]
    statement = (
        "KL reports grants from CEPI, during the conduct of the trial; other from Vaxco Inc. including salary "
        "and stock options, outside the submitted work."
    )
    assert rows(statement, authors) == [
        ("Kim Lee", "manuscript_support", "CEPI", "self"),
        ("Kim Lee", "employment", "Vaxco Inc.", "self"),
        ("Kim Lee", "stock", "Vaxco Inc.", "self"),
    ]


def test_roles_in_brackets_after_each_company():
    authors = ["Dan B. Wolf", "Ann Roe"]
    statement = (
        "D.B.W. reports the following paid associations with commercial partners: Pfizer (Advisory Board), "
        "Genco (Advisory, SRA) Astrazeneca (Advisory, Speaker), Vaxco (BOD, Stock ownership), Basel Bio "
        "(Basel, Switzerland)."
    )
    assert rows(statement, authors) == [
        ("Dan B. Wolf", "advisory_board", "Pfizer", "self"),
        ("Dan B. Wolf", "advisory_board", "Genco", "self"),
        ("Dan B. Wolf", "grants", "Genco", "self"),
        ("Dan B. Wolf", "advisory_board", "Astrazeneca", "self"),
        ("Dan B. Wolf", "lectures", "Astrazeneca", "self"),
        ("Dan B. Wolf", "leadership", "Vaxco", "self"),
        ("Dan B. Wolf", "stock", "Vaxco", "self"),
    ]


def test_fees_whose_role_is_given_in_brackets_count_as_that_role():
    authors = ["Mat Chen", "Don Vinh"]
    statement = (
        "Dr. Chen reports personal fees from GenOne Lifesciences (as a member of the scientific advisory board), "
        "personal fees from nplex biosciences (as a member of the scientific advisory board), personal fees "
        "from Abbott, outside the submitted work."
    )
    assert rows(statement, authors) == [
        ("Mat Chen", "consulting", "Abbott", "self"),
        ("Mat Chen", "advisory_board", "GenOne Lifesciences", "self"),
        ("Mat Chen", "advisory_board", "nplex biosciences", "self"),
    ]


def test_label_blocks_inside_one_paragraph_each_name_their_author():
    authors = ["Alma Lind", "Mika Lento", "Olli Hall", "Jari Hautala", "Juha Harju"]
    statement = (
        "Conflict of interest: A.L.: Research grants: Pulsus foundation, Finnish society of cardiology; "
        "M.Le.: Consultant: Bayer and MSD; Speaker: Terve Media, Orion Pharma; O.H.: none J.Hau.: Research "
        "grants: EU Horizon 2020. Advisory Board Member: Amgen. J.Har.: Consultant/speaker: Abbott."
    )
    result = parse_statement(statement, authors)
    assert [(it.author, it.category, it.organization, it.payee) for it in result.items] == [
        ("Alma Lind", "grants", "Pulsus foundation", "self"),
        ("Alma Lind", "grants", "Finnish society of cardiology", "self"),
        ("Mika Lento", "consulting", "Bayer", "self"),
        ("Mika Lento", "consulting", "MSD", "self"),
        ("Mika Lento", "lectures", "Terve Media", "self"),
        ("Mika Lento", "lectures", "Orion Pharma", "self"),
        ("Jari Hautala", "grants", "EU Horizon 2020", "self"),
        ("Jari Hautala", "advisory_board", "Amgen", "self"),
        ("Juha Harju", "consulting", "Abbott", "self"),
        ("Juha Harju", "lectures", "Abbott", "self"),
    ]
    assert result.declares_none == ["Olli Hall"]


def test_a_new_subject_after_and_owns_the_ties_that_follow():
    authors = ["Emma Frost", "Mark Mills", "Cora Snow", "Karl V. Pope"]
    statement = (
        "EF and MM are shareholders and CS, MM, and KVP are option holders in Novoic Ltd. KVP is a stock-holder "
        "of Biogen."
    )
    assert rows(statement, authors) == [
        ("Emma Frost", "stock", "Novoic Ltd.", "self"),
        ("Mark Mills", "stock", "Novoic Ltd.", "self"),
        ("Cora Snow", "stock", "Novoic Ltd.", "self"),
        ("Karl V. Pope", "stock", "Novoic Ltd.", "self"),
        ("Karl V. Pope", "stock", "Biogen", "self"),
    ]


def test_bare_surnames_first_names_and_hyphenated_double_surnames():
    authors = ["Scott Greenway", "Nadia Chamon", "Ajay Patel", "Ashwini Patel", "Miguel Roman Ruiz"]
    statement = (
        "Greenway and Chamon are employees of HDAI. Ashwini is CEO at Combix Inc., a private company. Ajay and "
        "Ashwini are stock-holders in Combix Inc. M. Roman-Ruiz reports personal fees from Teva."
    )
    assert rows(statement, authors) == [
        ("Scott Greenway", "employment", "HDAI", "self"),
        ("Nadia Chamon", "employment", "HDAI", "self"),
        ("Ashwini Patel", "leadership", "Combix Inc.", "self"),
        ("Ajay Patel", "stock", "Combix Inc.", "self"),
        ("Ashwini Patel", "stock", "Combix Inc.", "self"),
        ("Miguel Roman Ruiz", "consulting", "Teva", "self"),
    ]


def test_preamble_financial_interests_listed_names_with_lower_case_words_and_funder_ids():
    authors = ["Ana Pons", "Ben Hall"]
    statement = (
        "The authors declare the following financial interests/personal relationships which may be considered "
        "as potential competing interests: A.P. has received consultant fees from Daimler und Benz Stiftung, "
        "Institut d'investigacions Biomediques, Elsevier, and grants from the 10.13039/100000002National "
        "Institutes of Health. B.H. has financial interests in TeselaGen Inc."
    )
    assert rows(statement, authors) == [
        ("Ana Pons", "consulting", "Daimler und Benz Stiftung", "self"),
        ("Ana Pons", "consulting", "Institut d'investigacions Biomediques", "self"),
        ("Ana Pons", "consulting", "Elsevier", "self"),
        ("Ana Pons", "grants", "National Institutes of Health", "self"),
        ("Ben Hall", "stock", "TeselaGen Inc.", "self"),
    ]


def test_a_relation_before_a_colon_takes_the_list_after_it():
    authors = ["Carl B. Nemo", "Jo Fox", "Kim Jones"]
    statement = (
        "CBN declares consulting for the following companies in the last 12 months: NeuroTech (division of "
        "Anima BV), Taisho Pharmaceutical, Inc., Takeda. CBN serves on the advisory board of the Anxiety and "
        "Depression Association of America. JF reports a research grant, receipt of study medication, personal "
        "fees and non-financial support from Pfizer Inc., outside the submitted work. KJ has received travel "
        "funding from Pfizer."
    )
    assert rows(statement, authors) == [
        ("Carl B. Nemo", "consulting", "NeuroTech", "self"),
        ("Carl B. Nemo", "consulting", "Taisho Pharmaceutical, Inc.", "self"),
        ("Carl B. Nemo", "consulting", "Takeda", "self"),
        ("Carl B. Nemo", "advisory_board", "Anxiety and Depression Association of America", "self"),
        ("Jo Fox", "grants", "Pfizer Inc.", "self"),
        ("Jo Fox", "gifts", "Pfizer Inc.", "self"),
        ("Jo Fox", "consulting", "Pfizer Inc.", "self"),
        ("Kim Jones", "travel", "Pfizer", "self"),
    ]


def test_relation_phrases_joined_by_words_that_name_nothing_share_their_object():
    authors = ["Rudi Lang", "Keti Vito", "Marek Jast"]
    statement = (
        "MJ has received consultant fees and other honoraria from Medtronic, and speaker and consultant fees "
        "from Abbott. R.L.: Lecture fees and shares in Highlife; V.K.: Serving on an advisory board for Medtronic."
    )
    assert rows(statement, authors) == [
        ("Marek Jast", "consulting", "Medtronic", "self"),
        ("Marek Jast", "lectures", "Medtronic", "self"),
        ("Marek Jast", "lectures", "Abbott", "self"),
        ("Marek Jast", "consulting", "Abbott", "self"),
        ("Rudi Lang", "lectures", "Highlife", "self"),
        ("Rudi Lang", "stock", "Highlife", "self"),
        ("Keti Vito", "advisory_board", "Medtronic", "self"),
    ]


def test_spaced_initials_financial_stakes_and_money_unrelated_to_this_work():
    authors = ["Art E. Cho", "Dong Kim", "Katia Verk"]
    statement = (
        "A. E. C. has a significant financial stake in inCerebro Co., Ltd. Additionally, D. K. was formerly "
        "affiliated with Atomatrix. K. Verk received grants from GSK, none of which are "
        "related to the content of this manuscript."
    )
    assert rows(statement, authors) == [
        ("Art E. Cho", "stock", "inCerebro Co., Ltd.", "self"),
        ("Dong Kim", "other", "Atomatrix", "self"),
        ("Katia Verk", "grants", "GSK", "self"),
    ]


def test_payee_in_brackets_names_with_hyphenated_words_and_author_as_a_title():
    authors = ["Gero Beutel", "Ralf Gutz", "Sachiko Baba"]
    statement = (
        "G.B. received travel support from Deutsche Gesellschaft für internistische Intensiv- und Notfallmedizin, "
        "Jazz Pharmaceuticals and MSD. R.G. received research support (to institution) from Pfizer and Amgen. "
        "Author Sachiko Baba declares that she has no conflict of interest."
    )
    result = parse_statement(statement, authors)
    assert [(it.author, it.category, it.organization, it.payee) for it in result.items] == [
        ("Gero Beutel", "travel", "Deutsche Gesellschaft für internistische Intensiv- und Notfallmedizin", "self"),
        ("Gero Beutel", "travel", "Jazz Pharmaceuticals", "self"),
        ("Gero Beutel", "travel", "MSD", "self"),
        ("Ralf Gutz", "grants", "Pfizer", "institution"),
        ("Ralf Gutz", "grants", "Amgen", "institution"),
    ]
    assert result.declares_none == ["Sachiko Baba"]


def test_a_heading_without_a_colon_a_clause_about_the_authors_and_a_surname_in_two_words():
    authors = ["Rotem Sorel", "Erik K St Louis", "Ann Bell"]
    statement = (
        "Conflict of Interest Prof Sorel is a scientific founder of BiomX. Dr. St. Louis reports grants from "
        "Mayo Clinic. DaVita Research is a subsidiary of DaVita Partners; authors are employees of DaVita Partners."
    )
    assert rows(statement, authors) == [
        ("Rotem Sorel", "founder", "BiomX", "self"),
        ("Erik K St Louis", "grants", "Mayo Clinic", "self"),
        ("Rotem Sorel", "employment", "DaVita Partners", "self"),
        ("Erik K St Louis", "employment", "DaVita Partners", "self"),
        ("Ann Bell", "employment", "DaVita Partners", "self"),
    ]


def test_a_town_and_a_us_state_after_a_company_are_its_place():
    authors = ["Mark A. Oyer", "Ben Cole"]
    statement = (
        "Mark A. Oyer has received research funding from IDEXX Laboratories, Westbrook, ME within the past "
        "3 years, and from Zoetis, Parsippany, NJ."
    )
    assert rows(statement, authors) == [
        ("Mark A. Oyer", "grants", "IDEXX Laboratories", "self"),
        ("Mark A. Oyer", "grants", "Zoetis", "self"),
    ]


def test_authors_named_in_brackets_after_their_affiliation_and_a_full_name_after_inc():
    authors = ["Vala Stein", "Gudi Thor", "Olaf H Frank", "Ann Bee"]
    statement = (
        "Authors affiliated with deCODE (VS and GT) are employed by deCODE Genetics, Inc. Olaf H Frank works in "
        "ErasmusAGE, a center for aging research."
    )
    assert rows(statement, authors) == [
        ("Vala Stein", "employment", "deCODE Genetics, Inc.", "self"),
        ("Gudi Thor", "employment", "deCODE Genetics, Inc.", "self"),
        ("Olaf H Frank", "employment", "ErasmusAGE", "self"),
    ]


def test_bodies_on_a_topic_possessive_initials_and_a_name_before_a_phrase():
    authors = ["Sam Graham", "Kim Clay", "Mike Singer"]
    statement = (
        "SG is supported by a grant from the National Institute on Drug Abuse. KC's effort is supported by a "
        "grant from Pfizer on behalf of the trial. MS has been a consultant for Allergan and is on the Alimera "
        "Speakers Bureau, and has received research support from Optos."
    )
    assert rows(statement, authors) == [
        ("Sam Graham", "grants", "National Institute on Drug Abuse", "self"),
        ("Kim Clay", "grants", "Pfizer", "self"),
        ("Mike Singer", "consulting", "Allergan", "self"),
        ("Mike Singer", "lectures", "Alimera", "self"),
        ("Mike Singer", "grants", "Optos", "self"),
    ]


def test_stock_named_by_its_company_is_not_the_employers():
    authors = ["Mark I Carter", "Kim Lee"]
    statement = (
        "MIC is an employee of Genentech, and a holder of Roche stock. KL is an employee of 23andMe, Inc. and "
        "may hold stock or stock options."
    )
    assert rows(statement, authors) == [
        ("Mark I Carter", "employment", "Genentech", "self"),
        ("Mark I Carter", "stock", "Roche", "self"),
        ("Kim Lee", "employment", "23andMe, Inc.", "self"),
        ("Kim Lee", "stock", "23andMe, Inc.", "self"),
    ]


def test_study_funding_given_to_a_named_author_is_that_authors_grants():
    authors = ["Reut Grube", "Laura Font", "Julie Carr"]
    statement = (
        "The authors declare that they have no competing interests. || This study was supported by grants to "
        "Dr. Grube from the Canadian Institutes of Health Research and the Fonds de la recherche en santé. || "
        "This work was supported by the Wellcome Trust."
    )
    result = parse_statement(statement, authors)
    assert [(it.author, it.category, it.organization, it.payee) for it in result.items] == [
        ("Reut Grube", "grants", "Canadian Institutes of Health Research", "self"),
        ("Reut Grube", "grants", "Fonds de la recherche en santé", "self"),
        (None, "manuscript_support", "Wellcome Trust", "self"),
    ]
    assert result.declares_none == ["Laura Font", "Julie Carr"]


def test_membership_of_a_named_body_and_a_body_as_subject_of_its_own_funding():
    authors = ["Stef Lipp", "Helen Cole", "Mark Roe"]
    statement = (
        "Dr. Lipp is a member of the EuroQol Group. H.C. is a member of the Scientific Advisory Board of Acme. "
        "The Northern Ireland Biobank is funded by the Public Health Agency."
    )
    assert rows(statement, authors) == [
        ("Stef Lipp", "other", "EuroQol Group", "self"),
        ("Helen Cole", "advisory_board", "Acme", "self"),
        (None, "grants", "Public Health Agency", "self"),
    ]


def test_a_full_name_and_verb_after_ltd_and_a_body_receiving_its_own_funding():
    authors = ["Peter W. Hamm", "Manuel Salto-Tello", "Helen Cole"]
    statement = (
        "Peter W. Hamm is Founder of PathXL Ltd. Manuel Salto-Tello is a senior advisor to PathXL. The Northern "
        "Ireland Pathology Laboratory has received funding from CRUK."
    )
    assert rows(statement, authors) == [
        ("Peter W. Hamm", "founder", "PathXL Ltd.", "self"),
        ("Manuel Salto-Tello", "advisory_board", "PathXL", "self"),
        (None, "grants", "CRUK", "institution"),  # the laboratory itself received it
    ]


def test_the_study_funded_by_a_company_and_what_a_company_does_are_no_authors_ties():
    authors = ["James Wack", "Sabrina Coy", "Emil Sore"]
    statement = (
        "James Wack and Sabrina Coy are employees of Inflammatix. The study was funded by Inflammatix. ES is "
        "employed at DNASense ApS that consults and performs sequencing."
    )
    assert rows(statement, authors) == [
        ("James Wack", "employment", "Inflammatix", "self"),
        ("Sabrina Coy", "employment", "Inflammatix", "self"),
        (None, "manuscript_support", "Inflammatix", "self"),
        ("Emil Sore", "employment", "DNASense ApS", "self"),
    ]


def test_fees_from_a_source_for_what_they_paid():
    authors = ["Jo Clark", "Yoshi Fuji", "Al Bo"]
    statement = (
        "JC has received fees from Philips UK Limited for consultancy services outside of the submitted work. "
        "Dr. Fuji reports personal fees from Sompo Health Support Inc. for the copyright of WFun. AB is a "
        "founder of Acme."
    )
    assert rows(statement, authors) == [
        ("Jo Clark", "consulting", "Philips UK Limited", "self"),
        ("Yoshi Fuji", "royalties", "Sompo Health Support Inc.", "self"),
        ("Al Bo", "founder", "Acme", "self"),
    ]


def test_bare_stock_follows_an_employer_in_its_own_clause_only():
    authors = ["Ole A. Andre", "Kim Lee"]
    statement = (
        "Ole A. Andre: grants from Pfizer; stock or stock options. || Kim Lee: Employment by Pfizer; stock or "
        "stock options."
    )
    assert rows(statement, authors) == [
        ("Ole A. Andre", "grants", "Pfizer", "self"),
        ("Ole A. Andre", "stock", None, "self"),
        ("Kim Lee", "employment", "Pfizer", "self"),
        ("Kim Lee", "stock", None, "self"),
    ]
