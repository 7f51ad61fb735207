"""Files the commands write: in place only when complete."""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def replaced_when_complete(path: Path, mode: str = "wb", **open_args) -> Iterator[IO]:
    """Write beside `path` under a name of its own and move the file into place at the end, so a
    failure leaves neither a half-written file nor a loss of the one there before."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_name, 0o666 & ~umask)  # as open() would create it, not mkstemp's 0600
        with os.fdopen(handle, mode, **open_args) as out:
            yield out
        os.replace(temp_name, path)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
