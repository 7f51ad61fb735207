"""The Open Payments import figure: a synthetic general-payments file in the real column layout
(program year 2019), imported and matched on the benchmark's scratch database."""

import csv
import os
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
from django.db import connection

from benchmark.measure import Figure
from registry.importers.open_payments.reader import import_open_payments_paths
from registry.models import Organization, Person

LAYOUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "open_payments"
TEMPLATE = LAYOUT / "general_payments_PY2019_header_and_1_row.csv"
PEOPLE = 5000  # recipients; a tenth of them are registry people with an Open Payments profile id
PAYERS = ("Acme Pharma Inc.", "Beta Devices LLC", "Gamma Biologics", "Delta Medical Corporation")
NATURES = ("Food and Beverage", "Consulting Fee", "Travel and Lodging", "Honoraria", "Gift")


def write_general_payments(path: Path, rows: int, *, seed: int = 2026) -> None:
    """`rows` general payments in the layout of the real 2019 file, built column-wise (seconds for 200k)."""
    with TEMPLATE.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header, example = next(reader), next(reader)
    rng = np.random.default_rng(seed)
    recipient = rng.integers(0, PEOPLE, rows)
    varied = {
        "Record_ID": np.arange(800_000_000, 800_000_000 + rows).astype(str),
        "Physician_Profile_ID": (100_000 + recipient).astype(str),
        "Physician_First_Name": np.char.add("FIRST", recipient.astype(str)),
        "Physician_Last_Name": np.char.add("LAST", recipient.astype(str)),
        "Total_Amount_of_Payment_USDollars": np.char.mod("%.2f", rng.gamma(1.2, 150.0, rows)),
        "Date_of_Payment": np.char.mod("%02d/", rng.integers(1, 13, rows)),
        "Nature_of_Payment_or_Transfer_of_Value": np.array(NATURES)[rng.integers(0, len(NATURES), rows)],
        "Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name": np.array(PAYERS)[
            rng.integers(0, len(PAYERS), rows)
        ],
    }
    days = np.char.mod("%02d/2019", rng.integers(1, 29, rows))
    varied["Date_of_Payment"] = np.char.add(varied["Date_of_Payment"], days)
    columns = {
        name: pa.array(varied[name]) if name in varied else pa.array([value] * rows, pa.string())
        for name, value in zip(header, example, strict=True)
    }
    pa_csv.write_csv(pa.table(columns), str(path))


def registry_people() -> None:
    """People the import matches: every tenth recipient by profile id, and the payers by name."""
    people = [Person(name=f"First{n} Last{n}", open_payments_profile_id=f"{100_000 + n}") for n in range(0, PEOPLE, 10)]
    for person in people:
        person.normalize()
    Person.objects.bulk_create(people)
    for name in PAYERS[:2]:
        Organization(name=name).save()


class PeakMemory:
    """The highest resident set size seen while it runs (pyarrow's buffers are outside tracemalloc)."""

    def __init__(self, every: float = 0.01):
        self.every = every
        self.baseline = self.peak = self.current()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    @staticmethod
    def current() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    def _watch(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, self.current())

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @property
    def growth_mb(self) -> float:
        return (self.peak - self.baseline) / 2**20


def payments_figure(rows: int = 200_000) -> Figure:
    """Rows per second of `import_open_payments` (reading, checking, matching, writing, committing)."""
    registry_people()
    with tempfile.TemporaryDirectory(prefix="coi-payments-") as folder:
        path = Path(folder) / "general_payments.csv"
        write_general_payments(path, rows)
        size_mb = path.stat().st_size / 2**20
        with PeakMemory() as memory:
            started = time.perf_counter()
            summary = import_open_payments_paths([path])
            seconds = time.perf_counter() - started
    if not summary.ok:
        raise RuntimeError(f"the synthetic file was refused: {summary.failures[0]}")
    note = (
        f"{rows:,} rows ({size_mb:.0f} MB) on {connection.vendor}, {summary.counts['matched']:,} matched, in "
        f"{seconds:.1f} s; peak memory growth {memory.growth_mb:.0f} MB (read in 8 MB blocks, so it does not "
        "grow with the file)"
    )
    return Figure("Open Payments import", summary.records / seconds, "rows/s", target=100_000.0, note=note)
