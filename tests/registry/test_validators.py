import pytest
from django.core.exceptions import ValidationError

from registry.validators import (
    normalize_doi,
    normalize_orcid,
    normalize_ror_id,
    validate_country,
    validate_currency,
    validate_npi,
    validate_orcid,
)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("0000-0002-1825-0097", "0000-0002-1825-0097"),  # Josiah Carberry, ORCID's documented example
        ("0000-0002-1694-233x", "0000-0002-1694-233X"),  # check character X, typed in lower case
        ("https://orcid.org/0000-0001-8254-7103", "0000-0001-8254-7103"),
        ("orcid.org/0000-0001-5109-3700", "0000-0001-5109-3700"),
        ("0000000218250097", "0000-0002-1825-0097"),
    ],
)
def test_orcid_accepts_real_ids_in_their_usual_forms(raw, stored):
    assert normalize_orcid(raw) == stored


def test_orcid_with_wrong_check_digit_names_the_expected_one():
    with pytest.raises(ValidationError) as excinfo:
        normalize_orcid("0000-0002-1825-0098")
    assert excinfo.value.messages == [
        "0000-0002-1825-0098 is not a valid ORCID iD: its check digit is 8 but should be 7."
    ]


@pytest.mark.parametrize("raw", ["0000-0002-1825-009", "0000-0002-1825-00970", "abcd-0002-1825-0097", ""])
def test_orcid_of_wrong_shape_is_refused(raw):
    with pytest.raises(ValidationError) as excinfo:
        normalize_orcid(raw)
    assert excinfo.value.code == "invalid_orcid"


def test_validate_orcid_wants_the_stored_form():
    validate_orcid("0000-0002-1825-0097")
    with pytest.raises(ValidationError):
        validate_orcid("https://orcid.org/0000-0002-1825-0097")


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("10.4045/tidsskr.26.0122", "10.4045/tidsskr.26.0122"),
        ("10.7554/eLife.00036", "10.7554/elife.00036"),
        ("https://doi.org/10.1038/d41586-024-01622-3", "10.1038/d41586-024-01622-3"),
        ("doi:10.1371/journal.pone.0263252", "10.1371/journal.pone.0263252"),
        ("http://dx.doi.org/10.1001/jamanetworkopen.2021.36921", "10.1001/jamanetworkopen.2021.36921"),
    ],
)
def test_doi_accepts_real_dois_and_resolver_links(raw, stored):
    assert normalize_doi(raw) == stored


@pytest.mark.parametrize("raw", ["10.4045", "10.123/abc", "11.4045/tidsskr.26.0122", "10.4045/has space", ""])
def test_doi_of_wrong_shape_is_refused_with_an_example(raw):
    with pytest.raises(ValidationError) as excinfo:
        normalize_doi(raw)
    assert "like 10.4045/tidsskr.26.0122" in excinfo.value.messages[0]


@pytest.mark.parametrize("code", ["NOK", "USD", "EUR", "GBP", "JPY"])
def test_currency_accepts_iso_4217_codes(code):
    validate_currency(code)


@pytest.mark.parametrize("code", ["XYZ", "US", "EURO", "nok", ""])
def test_currency_refuses_what_is_not_an_iso_4217_code(code):
    with pytest.raises(ValidationError) as excinfo:
        validate_currency(code)
    assert "is not an ISO 4217 currency code" in excinfo.value.messages[0]


def test_country_codes():
    validate_country("NO")
    with pytest.raises(ValidationError):
        validate_country("XX")


def test_ror_ids_of_real_organizations_and_a_typo():
    assert normalize_ror_id("https://ror.org/01xtthb56") == "01xtthb56"  # University of Oslo
    assert normalize_ror_id("05xg72x27") == "05xg72x27"  # NTNU
    with pytest.raises(ValidationError) as excinfo:
        normalize_ror_id("01xtthb57")
    assert excinfo.value.messages == ["01xtthb57 is not a valid ROR id: its check digits are 57 but should be 56."]


def test_npi_check_digit():
    validate_npi("1234567893")  # CMS's documented example
    with pytest.raises(ValidationError) as excinfo:
        validate_npi("1234567890")
    assert excinfo.value.messages == ["1234567890 is not a valid NPI: its check digit should be 3."]
