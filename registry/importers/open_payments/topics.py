"""What a payer is active in, from its own Open Payments rows: each row names up to five product
categories or therapeutic areas ("Oncology", "Neurology"), kept as the payer organization's topics
(editors may change them in the admin; a topic an editor merged keeps its synonyms)."""

from collections import defaultdict

import pyarrow as pa
import pyarrow.compute as pc

from registry.importers.articles.bulk import insert_rows
from registry.importers.articles.topics import topics_by_key
from registry.models import Organization
from registry.names import normalize_term

AREA_COLUMN = "product_category_or_therapeutic_area_"
# Words the register uses for "no category" rather than a field a payer works in.
_NOT_AN_AREA = frozenset({"", "n/a", "na", "none", "other", "unknown", "not applicable"})


class PayerAreas:
    """Collects (payer, area) pairs block by block; `record()` writes them once per file."""

    def __init__(self):
        self.found: dict[int, dict[str, str]] = defaultdict(dict)  # payer -> normal name -> name

    def collect(self, batch: pa.RecordBatch, payer_ids: pa.Array, kept: pa.Array) -> None:
        columns = [name for name in batch.schema.names if name.strip().lower().startswith(AREA_COLUMN)]
        if not columns:
            return
        known = pc.and_(kept, pc.is_valid(payer_ids))
        payers, areas = [], []
        for column in columns:
            values = batch.column(column)
            mask = pc.and_(known, pc.not_equal(values, ""))
            payers.append(pc.filter(payer_ids, mask))
            areas.append(pc.filter(values, mask))
        pairs = pa.table({"payer": pa.chunked_array(payers, pa.int64()), "area": pa.chunked_array(areas, pa.string())})
        unique = pairs.group_by(["payer", "area"]).aggregate([])  # a few pairs out of thousands of rows
        for payer, area in zip(unique.column("payer").to_pylist(), unique.column("area").to_pylist(), strict=True):
            name = area_name(area)
            if name:
                self.found[payer].setdefault(normalize_term(name), name)

    def record(self) -> int:
        """Add the areas to their payers' topics (an area already there is left as it is); how many
        were added. Three queries for a file, plus the topics created."""
        if not self.found:
            return 0
        topics = topics_by_key(name for names in self.found.values() for name in names.values())
        through = Organization.topics.through
        have = set(
            through.objects.filter(organization_id__in=self.found).order_by().values_list("organization_id", "topic_id")
        )
        wanted = {
            (payer, topics[key].pk) for payer, names in self.found.items() for key in names if key in topics
        } - have
        insert_rows([through(organization_id=payer, topic_id=topic) for payer, topic in sorted(wanted)])
        self.found.clear()
        return len(wanted)


def area_name(value: str) -> str:
    """The register's spelling made readable ("ONCOLOGY" → "Oncology"); empty when it names no area."""
    value = " ".join(value.split())[:200]
    if value.casefold() in _NOT_AN_AREA:
        return ""
    return value.capitalize() if value.isupper() and len(value) > 4 else value
