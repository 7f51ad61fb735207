"""A disclosure as the public reads it: the statement as written, whether it declares nothing, and
whether it was later corrected or withdrawn (not why: the note is the editors')."""

from dataclasses import dataclass
from datetime import date

from registry.enums import DisclosureForm, DisclosureStatus
from registry.models import Disclosure

STATUS_LABELS = dict(DisclosureStatus.choices)
FORM_LABELS = dict(DisclosureForm.choices)

# What a statement reads of a disclosure, by field name relative to it.
STATEMENT_FIELDS = ("id", "statement", "declares_none", "form", "completed_on", "status", "status_changed_on")


@dataclass(frozen=True)
class Statement:
    statement: str
    declares_none: bool
    form: str
    completed_on: date | None
    status: str
    status_changed_on: date | None

    @property
    def form_label(self) -> str:
        return FORM_LABELS.get(self.form, self.form)

    @property
    def amended(self) -> bool:
        return self.status != DisclosureStatus.ACTIVE

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @classmethod
    def of(cls, disclosure: Disclosure | None) -> "Statement | None":
        if disclosure is None:
            return None
        return cls(*(getattr(disclosure, name) for name in STATEMENT_FIELDS[1:]))

    @classmethod
    def from_row(cls, pk, *values) -> "Statement | None":
        """From STATEMENT_FIELDS as read through a left join: no id, no disclosure on file."""
        return None if pk is None else cls(*values)
