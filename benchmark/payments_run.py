"""python -m benchmark.payments_run FILE [--all-rows]: one Open Payments import in a fresh process,
for the benchmark (benchmark/payments.py); prints its figures as one JSON line: rows, seconds, rows
matched, rows created, the peak resident memory above the import's start, and the memory the
process held before it (Django, the apps and their libraries loaded), in MB.

The database and the Parquet folder come from the environment (DATABASE_URL, OPEN_PAYMENTS_FOLDER).
"""

import json
import os
import sys
import threading
import time
from pathlib import Path


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


def main(arguments: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coi.settings")
    import django

    django.setup()
    from registry.importers.open_payments.reader import import_open_payments_paths

    libraries = PeakMemory.current() / 2**20  # Django, the apps and their libraries, before the import
    path = Path(arguments[0])
    memory = PeakMemory()
    with memory:
        started = time.perf_counter()
        summary = import_open_payments_paths([path], store_all="--all-rows" in arguments)
        seconds = time.perf_counter() - started
    if not summary.ok:
        raise SystemExit(f"refused: {summary.failures[0]}")
    figures = {
        "rows": summary.records,
        "seconds": seconds,
        "matched": summary.counts["matched"],
        "created": summary.counts["created"],
        "memory_mb": memory.growth_mb,
        "libraries_mb": libraries,
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1:])
