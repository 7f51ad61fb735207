import pytest

from registry.identity.names import name_form, printed_form

NAMES = [
    ("Jane Doe", "Doe"),
    ("Jane  Doe ", "Doe"),
    ("J. Doe", "Doe"),
    ("J.-P. Doe", "Doe"),
    ("Jamie HD Cate", "Cate"),
    ("Doe", "Doe"),
    ("Jörg Müller Jr.", "Müller"),
    ("Li Wang 3rd", "Wang"),
    ("Anne van der Berg", "van der Berg"),
    ("Anne Berg-Smith", "Berg-Smith"),
    ("Anne Berg-Smith", "Smith"),
    ("Maria de la Cruz", "de la Cruz"),
    ("JaneDoe", "Doe"),
    ("Jane Doe", "doe"),
    ("Jane Doe", " Doe "),
    ("Jane Doe", "Smith"),
    ("Jane Doe", "Jr."),
    ("Jane Doe", "-"),
]


@pytest.mark.parametrize(("name", "family_name"), NAMES)
def test_a_name_printed_without_its_family_name_reads_as_when_parsed_alone(name, family_name):
    assert printed_form(name, family_name, name_form(name, family_name)) == name_form(name)


def test_a_name_whose_family_name_is_its_last_word_is_taken_from_the_stated_form():
    stated = name_form("Jane Q. Doe", "Doe")

    assert printed_form("Jane Q. Doe", "Doe", stated) is stated


def test_a_family_name_of_several_words_is_parsed_again():
    stated = name_form("Anne van der Berg", "van der Berg")

    form = printed_form("Anne van der Berg", "van der Berg", stated)

    assert (stated.family, stated.middles) == ("vanderberg", ())
    assert (form.first, form.middles, form.family) == ("anne", ("v", "d"), "berg")
