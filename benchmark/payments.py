"""The Open Payments figures: a synthetic general-payments file in the real column layout (program
year 2019), generated on the fly into a temporary folder, then

- scanned and matched as `import_open_payments` does by default (every row checked, matched and
  kept as Parquet; the rows matched or possibly matched stored in full);
- imported with every row stored (`--all-rows`), into a registry with no payment records yet;
- read and joined to the same people by DuckDB, the peer figure: its CSV reader and a hash join of
  the recipients' names to the registry's 2,000 names into a table.

Each import runs in a fresh process (benchmark/payments_run.py), whose peak resident memory above
its own start is the memory figure: measured in the benchmark's process it would count what the
registry's generation left there.
"""

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from django.conf import settings
from django.db import connection

from benchmark.measure import Figure
from registry.models import Organization, PaymentRecord, Person

LAYOUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "open_payments"
TEMPLATE = LAYOUT / "general_payments_PY2019_header_and_1_row.csv"
RECIPIENTS = 100_000  # distinct recipients in the file
PEOPLE = 2_000  # of them registry people: the authors of a journal, say
PAYERS = ("Acme Pharma Inc.", "Beta Devices LLC", "Gamma Biologics", "Delta Medical Corporation")
NATURES = ("Food and Beverage", "Consulting Fee", "Travel and Lodging", "Honoraria", "Gift")
CHUNK = 250_000  # rows generated at a time
# (rows scanned and matched, rows stored every one) a scale.
ROWS = {"small": (300_000, 300_000), "medium": (1_000_000, 1_000_000), "large": (15_000_000, 1_000_000)}
MEMORY_LIMIT_MB = 300


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _padded(values: np.ndarray) -> pa.Array:
    return pc.utf8_lpad(pc.cast(pa.array(values), pa.string()), 2, "0")


def write_general_payments(path: Path, rows: int, *, seed: int = 2026) -> float:
    """`rows` general payments in the layout of the real 2019 file, built column-wise with Arrow a
    chunk at a time (memory flat however many rows); the seconds it took."""
    started = time.perf_counter()
    with TEMPLATE.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header, example = next(reader), next(reader)
    rng = np.random.default_rng(seed)
    natures, payers = pa.array(NATURES), pa.array(PAYERS)
    with path.open("wb") as out:
        out.write((",".join(_quoted(name) for name in header) + "\n").encode())
        for first in range(0, rows, CHUNK):
            size = min(CHUNK, rows - first)
            recipient = rng.integers(0, RECIPIENTS, size)
            number = pc.cast(pa.array(recipient), pa.string())
            cents = (rng.gamma(1.2, 150.0, size) * 100).astype(np.int64)
            varied = {
                "Record_ID": pc.cast(pa.array(np.arange(800_000_000 + first, 800_000_000 + first + size)), pa.string()),
                "Physician_Profile_ID": pc.cast(pa.array(100_000 + recipient), pa.string()),
                "Physician_First_Name": pc.binary_join_element_wise("FIRST", number, ""),
                "Physician_Last_Name": pc.binary_join_element_wise("LAST", number, ""),
                "Total_Amount_of_Payment_USDollars": pc.binary_join_element_wise(
                    pc.cast(pa.array(cents // 100), pa.string()), _padded(cents % 100), "."
                ),
                "Date_of_Payment": pc.binary_join_element_wise(
                    _padded(rng.integers(1, 13, size)), _padded(rng.integers(1, 29, size)), "2019", "/"
                ),
                "Nature_of_Payment_or_Transfer_of_Value": natures.take(rng.integers(0, len(NATURES), size)),
                "Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name": payers.take(
                    rng.integers(0, len(PAYERS), size)
                ),
            }
            # Each line is the template row's quoted cells with the varied ones put in: one string
            # join a chunk, written out as the array's bytes (Arrow's CSV writer takes 10 times as long).
            parts, text = [], ""
            for name, value in zip(header, example, strict=True):
                if name in varied:
                    parts += [text + '"', varied[name]]
                    text = '",'
                else:
                    text += _quoted(value) + ","
            parts.append(text[:-1] + "\n")
            lines = pc.binary_join_element_wise(*parts, "")
            offsets, data = lines.buffers()[1:3]
            ends = np.frombuffer(offsets, dtype=np.int32, count=len(lines) + 1)
            out.write(memoryview(data)[ends[0] : ends[-1]])
    return time.perf_counter() - started


def registry_people() -> None:
    """The registry's people the import matches: every fiftieth recipient, by profile id and name;
    and two of the payers."""
    step = RECIPIENTS // PEOPLE
    people = [
        Person(name=f"First{n} Last{n}", open_payments_profile_id=f"{100_000 + n}") for n in range(0, RECIPIENTS, step)
    ]
    for person in people:
        person.normalize()
    Person.objects.bulk_create(people)
    for name in PAYERS[:2]:
        Organization.objects.get_or_create(name=name)


def run_import(path: Path, folder: Path, *, store_all: bool) -> dict:
    """Import `path` in a fresh process on the benchmark's database; its own figures."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "coi.settings"),
        "DATABASE_URL": _database_url(),
        "OPEN_PAYMENTS_FOLDER": str(folder),
        "DEBUG": "false",
        "SECRET_KEY": settings.SECRET_KEY or "benchmark",
        "ALLOWED_HOSTS": "localhost",
    }
    command = [sys.executable, "-m", "benchmark.payments_run", str(path)] + (["--all-rows"] if store_all else [])
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False, cwd=settings.BASE_DIR)
    if done.returncode:
        raise RuntimeError(f"the import of the synthetic file failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    at = f"{user}{password}@" if user else ""
    return f"postgres://{at}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


def duckdb_peer(path: Path, threads: int | None = None) -> tuple[float, int]:
    """DuckDB reading the file and joining its recipients to the registry's people by name into a
    table, on `threads` threads (all the machine's when None): (seconds, rows joined)."""
    import duckdb

    names = pa.table(
        {"key": pa.array(list(Person.objects.order_by().values_list("normalized_name", flat=True)), pa.string())}
    )
    database = duckdb.connect()
    if threads:
        database.execute(f"SET threads = {int(threads)}")
    database.register("people", names)
    started = time.perf_counter()
    database.execute(
        "CREATE TABLE matched AS SELECT c.* FROM read_csv(?, all_varchar = true, header = true) c "
        "JOIN people p ON lower(c.Physician_First_Name || ' ' || c.Physician_Last_Name) = p.key",
        [str(path)],
    )
    seconds = time.perf_counter() - started
    joined = database.execute("SELECT count(*) FROM matched").fetchone()[0]
    database.close()
    return seconds, joined


def payments_figures(scale: str = "small") -> list[Figure]:
    """Rows per second of scanning and matching, of storing every row, and DuckDB's beside them."""
    scanned_rows, stored_rows = ROWS[scale]
    registry_people()
    connection.close()  # the imports run in other processes; SQLite must see everything committed
    figures = []
    with tempfile.TemporaryDirectory(prefix="coi-payments-") as folder:
        folder = Path(folder)
        path = folder / "general_payments.csv"
        generation = write_general_payments(path, scanned_rows)
        size_mb = path.stat().st_size / 2**20
        peer_seconds, peer_rows = duckdb_peer(path)
        peer_rate = scanned_rows / peer_seconds
        one_seconds, _ = duckdb_peer(path, threads=1)  # the import's own budget: one core
        one_rate = scanned_rows / one_seconds
        scan = run_import(path, folder / "parquet", store_all=False)
        scan_rate = scan["rows"] / scan["seconds"]
        figures.append(
            Figure(
                "Open Payments scan and match",
                scan_rate,
                "rows/s",
                target=300_000.0,
                note=(
                    f"{scan['rows']:,} rows ({size_mb:,.0f} MB, generated in {generation:.0f} s) "
                    f"on {connection.vendor} "
                    f"in {scan['seconds']:.1f} s, {scan['matched']:,} matched and stored, the rest kept as Parquet; "
                    f"peak memory {scan['memory_mb']:.0f} MB above the import's start in a fresh process (limit "
                    f"{MEMORY_LIMIT_MB} MB; the process held {scan['libraries_mb']:.0f} MB of Django and libraries "
                    f"before); {scan_rate / peer_rate:.2f}x DuckDB's rate (target: at least 0.5x), "
                    f"{scan_rate / one_rate:.2f}x its rate on one thread"
                ),
            )
        )
        figures.append(
            Figure(
                "Open Payments, DuckDB read and join",
                peer_rate,
                "rows/s",
                note=(
                    f"the peer figure: DuckDB {_duckdb_version()} reads the same file and joins its recipients to the "
                    f"registry's {PEOPLE:,} names into a table in {peer_seconds:.1f} s ({peer_rows:,} rows), "
                    "all its threads"
                ),
            )
        )
        figures.append(
            Figure(
                "Open Payments, DuckDB on one thread",
                one_rate,
                "rows/s",
                note=f"the same read and join with DuckDB's threads set to 1, in {one_seconds:.1f} s",
            )
        )
        if stored_rows != scanned_rows:
            path.unlink()
            write_general_payments(path, stored_rows)
        # Storing into a registry without the scan's records (the generated registry's own stay).
        PaymentRecord.objects.filter(source_file=path.name)._raw_delete(connection.alias)
        connection.close()
        stored = run_import(path, folder / "parquet-all", store_all=True)
        figures.append(
            Figure(
                "Open Payments, every row stored",
                stored["rows"] / stored["seconds"],
                "rows/s",
                target=100_000.0,
                note=(
                    f"{stored['rows']:,} rows on {connection.vendor} in {stored['seconds']:.1f} s "
                    f"({stored['created']:,} created); peak memory {stored['memory_mb']:.0f} MB above the start"
                ),
            )
        )
    return figures


def _duckdb_version() -> str:
    import duckdb

    return duckdb.__version__
