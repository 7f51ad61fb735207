"""The file an imported record was read from, when one ArticleWriter stores the records of several
files together: what the rows written for it say of where they came from (the change reason of their
history, the source of a tie or a match), where its warnings go, and which rows it created (its
import record's counts)."""

from collections import Counter
from dataclasses import dataclass, field

from registry.importers.articles.bulk import ROW_REASON
from registry.importers.articles.reimport import IMPORT_REASON


def import_reason(source: str) -> str:
    # History keeps at most 100 characters of a change reason.
    return f"{IMPORT_REASON}{source}"[:100]


@dataclass(eq=False)
class Origin:
    source: str  # the file's name, as provenance records it
    warnings: list[str] = field(default_factory=list)
    created: list = field(default_factory=list)  # the rows created for the file's records
    counts: Counter = field(default_factory=Counter)  # rows the services created for it, by counted label

    @property
    def reason(self) -> str:
        return import_reason(self.source)

    @property
    def correction_note(self) -> str:
        return f"A newer version of the article ({self.source})"

    def mark(self, obj):
        """`obj` is written for this file: its history row gives the file's reason."""
        setattr(obj, ROW_REASON, self.reason)
        return obj

    def stamp(self, obj):
        """`obj` is created for this file: marked, and counted in its import record."""
        self.created.append(obj)
        return self.mark(obj)
