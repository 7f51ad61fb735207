"""Where the tests' files are: the sample data in tests/data, shared by every test folder."""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
DEV_LABELS = DATA / "labels" / "statements-dev.jsonl"
AXE = DATA / "axe" / "axe.min.js"  # axe-core 4.14.1, MPL-2.0 (see its README)
