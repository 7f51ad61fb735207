"""The export figure (target: a million findings to CSV in 15 s), on the benchmark's scratch database.

The synthetic registry's audit finds a few hundred findings: too few to time a streamed export, whose
fixed costs would then dominate, while generating a million real ones would take longer than the rest of
the benchmark. So the figure pads the findings to EXPORT_ROWS with copies of the audit's own findings
(their rules, subjects, summaries and evidence, under new fingerprints), times the CSV export of every
finding as `export_findings --all-runs` writes it, and rolls the padding back. The export streams at a
steady rate, so the time for a million is the measured time scaled by the number of rows.
"""

import tempfile
from pathlib import Path

from django.db import connection, transaction
from django.db.models import Max, TextField
from django.db.models.functions import Cast

from audits.exports import export_to_path, findings_dataset
from audits.models import Finding
from benchmark.measure import Figure, timed
from benchmark.tables import Table

EXPORT_ROWS = 200_000
A_MILLION = 1_000_000
TARGET_SECONDS = 15.0
_WRITE_BATCH = 50_000
_COPIED_FIELDS = (
    "rule_code",
    "rule_version",
    "severity",
    "subject_type",
    "article_id",
    "authorship_id",
    "person_id",
    "organization_id",
    "interest_id",
    "summary",
    "first_seen_run_id",
    "last_seen_run_id",
    "presence",
    "review_status",
)


def export_figure(rows: int = EXPORT_ROWS) -> Figure:
    """Seconds to write a million findings to CSV, from the rate measured on `rows` findings."""
    with transaction.atomic():
        padded = pad_findings(rows)
        with tempfile.TemporaryDirectory(prefix="coi-bench-export-") as folder:
            path = Path(folder) / "findings.csv"
            seconds, written = timed(lambda: export_to_path(findings_dataset(), "csv", path))
            megabytes = path.stat().st_size / 1e6
        transaction.set_rollback(True)  # the padding goes; the audit's findings stay as they were
    name = "export of 1M findings to CSV"
    if not written:
        return Figure(name, 0.0, "s", target=TARGET_SECONDS, higher_is_better=False, note="no findings to export")
    rate = written / seconds
    note = (
        f"{written} findings ({written - padded} from the audit, {padded} copies of them) in {seconds:.2f} s, "
        f"{megabytes:.0f} MB: {rate:,.0f} findings/s, scaled to 1M"
    )
    return Figure(name, A_MILLION / rate, "s", target=TARGET_SECONDS, higher_is_better=False, note=note)


def pad_findings(rows: int) -> int:
    """Add copies of the existing findings until there are `rows`; returns how many were added."""
    originals = list(Finding.objects.order_by("pk").values_list(*_COPIED_FIELDS, Cast("evidence", TextField()))[:rows])
    missing = rows - Finding.objects.count()
    if not originals or missing <= 0:
        return 0
    table = Table(Finding)
    table.next_id = (Finding.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    for n in range(missing):
        *copied, evidence = originals[n % len(originals)]
        table.add(fingerprint=f"bench-export-{n}", evidence=evidence, **dict(zip(_COPIED_FIELDS, copied, strict=True)))
        if len(table.rows) == _WRITE_BATCH:
            table.flush()
    table.flush()
    if connection.vendor == "postgresql":
        # Statistics for the planner, as a registry in use has them (see benchmark.tables.analyze).
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Finding._meta.db_table)}")
    return missing
