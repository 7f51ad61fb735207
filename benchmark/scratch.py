"""A scratch database for the benchmark, created and removed around it; the user's data is never touched."""

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


@contextmanager
def scratch_database() -> Iterator[str]:
    """Switch the default connection to a new, migrated database named for this process; drop it after.

    Uses Django's test-database machinery, which knows how to create and destroy a database on
    each backend. SQLite gets a file (not memory), so timings include real disk writes.
    """
    settings_dict = connection.settings_dict
    saved_test = dict(settings_dict.get("TEST", {}))
    folder = None
    if connection.vendor == "sqlite":
        folder = tempfile.mkdtemp(prefix="coi-bench-")
        settings_dict["TEST"] = {**saved_test, "NAME": os.path.join(folder, "bench.sqlite3")}
    else:
        settings_dict["TEST"] = {**saved_test, "NAME": f"coi_bench_{os.getpid()}"}
    old_name = settings_dict["NAME"]
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=False)
    try:
        yield name
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        settings_dict["TEST"] = saved_test
        if folder:
            shutil.rmtree(folder, ignore_errors=True)  # the SQLite file's folder, with its -wal and -shm
