"""Where each field of a payment record is in an Open Payments file, whatever its program year.

Names are compared in lower case. Files exported through a database carry names cut to 63
characters ("…_making_payment_countr"); a column that is the start of a known name, at least 40
characters long, is taken for it.
"""

from registry.enums import PaymentKind

TRUNCATED_AT_LEAST = 40
_PAYER = "applicable_manufacturer_or_applicable_gpo_making_payment_"

# field -> the column names it has had, newest first.
ALIASES: dict[str, tuple[str, ...]] = {
    "change_type": ("change_type",),
    "record_id": ("record_id",),
    "program_year": ("program_year",),
    "profile_id": ("covered_recipient_profile_id", "physician_profile_id"),
    "npi": ("covered_recipient_npi", "physician_npi"),
    "first_name": ("covered_recipient_first_name", "physician_first_name"),
    "middle_name": ("covered_recipient_middle_name", "physician_middle_name"),
    "last_name": ("covered_recipient_last_name", "physician_last_name"),
    "city": ("recipient_city",),
    "state": ("recipient_state",),
    "country": ("recipient_country",),
    "specialty": ("covered_recipient_specialty_1", "physician_specialty"),
    "payer_name": (_PAYER + "name",),
    "payer_register_id": (_PAYER + "id",),
    "amount": ("total_amount_of_payment_usdollars",),
    "date": ("date_of_payment",),
    "nature": ("nature_of_payment_or_transfer_of_value",),
    "form": ("form_of_payment_or_transfer_of_value",),
    "publication_date": ("payment_publication_date",),
    "value_of_interest": ("value_of_interest",),
    "terms_of_interest": ("terms_of_interest",),
}


INVESTIGATORS = 5  # a research payment names up to five principal investigators
_INVESTIGATOR_FIELDS = ("profile_id", "npi", "first_name", "last_name")


def map_investigators(names: list[str]) -> list[dict[str, str]]:
    """Each principal investigator's columns (field -> the file's column name), in order; only
    research files have them. They stay in the record's raw columns too, which keep what the
    record's own columns do not hold."""
    lowered = [name.strip().lower() for name in names]
    found = []
    for number in range(1, INVESTIGATORS + 1):
        columns = {}
        for field in _INVESTIGATOR_FIELDS:
            index = _find(lowered, f"principal_investigator_{number}_{field}")
            if index is not None:
                columns[field] = names[index]
        if columns:
            found.append(columns)
    return found


class COLUMNS:
    """Fields copied as text into the record's columns of the same name."""

    TEXT = (
        "profile_id",
        "npi",
        "first_name",
        "middle_name",
        "last_name",
        "city",
        "state",
        "country",
        "specialty",
        "payer_name",
        "payer_register_id",
    )


# A column only one kind of file has, checked in this order.
KIND_MARKERS = (
    (PaymentKind.OWNERSHIP, ("value_of_interest", "total_amount_invested_usdollars")),
    (PaymentKind.RESEARCH, ("name_of_study", "expenditure_category1", "principal_investigator_1_profile_id")),
    (PaymentKind.GENERAL, ("nature_of_payment_or_transfer_of_value",)),
)


def detect_kind(names: list[str]) -> str | None:
    """general, research or ownership, from the header; None when it is none of them."""
    lowered = [name.strip().lower() for name in names]
    for kind, markers in KIND_MARKERS:
        if any(_find(lowered, marker) is not None for marker in markers):
            return kind
    return None


def map_columns(names: list[str], kind: str) -> dict[str, str]:
    """field -> the file's column name, for the fields the file has."""
    lowered = [name.strip().lower() for name in names]
    found = {}
    for name, aliases in ALIASES.items():
        for alias in aliases:
            index = _find(lowered, alias)
            if index is not None:
                found[name] = names[index]
                break
    return found


def _find(lowered: list[str], wanted: str) -> int | None:
    if wanted in lowered:
        return lowered.index(wanted)
    for index, name in enumerate(lowered):
        if len(name) >= TRUNCATED_AT_LEAST and wanted.startswith(name):
            return index
    return None
