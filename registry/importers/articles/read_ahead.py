"""The files of a batch read while the batch before it is written: in a child process when the machine
has a second CPU. Reading (the XML parsed, the reader's walk over it) is about a third of a JATS import's
CPU, and the writer besides waits on the database, so the two overlap; the files are still written in
their order, each with its own record, and a file the child could not read is read again here."""

import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from registry.importers.articles.records import ArticleRecord

logger = logging.getLogger(__name__)

# (data, *, file, warnings) -> the file's records
Read = Callable[..., list[ArticleRecord]]


@dataclass(eq=False)
class FileRead:
    path: Path
    data: bytes | None  # None when it could not be read: imported on its own, which says why
    records: list[ArticleRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_files(read: Read, paths: Sequence[Path]) -> list[FileRead]:
    return [_read_file(read, path) for path in paths]


def _read_file(read: Read, path: Path) -> FileRead:
    warnings: list[str] = []
    try:
        data = path.read_bytes()
        return FileRead(path, data, read(data, file=str(path), warnings=warnings), warnings)
    except Exception:  # the file's own import reads it again and refuses it with the reason
        return FileRead(path, None)


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class ReadAhead:
    """Reads the files of the next batch in one child process while this one is written (`ahead`), and
    gives each batch's files when asked (`files`): the child's reading when it read those files, else
    read here. On one CPU, or once closed, everything is read here."""

    def __init__(self, read: Read, *, processes: bool | None = None):
        self.read = read
        self.processes = _cpus() > 1 if processes is None else processes
        self._pool: ProcessPoolExecutor | None = None
        self._pending: tuple[tuple[Path, ...], Future] | None = None

    def files(self, paths: Sequence[Path]) -> list[FileRead]:
        pending, self._pending = self._pending, None
        if pending is not None and pending[0] == tuple(paths):
            try:
                return pending[1].result()
            except Exception:  # the child died or could not send its reading back: read here
                pass
        return read_files(self.read, paths)

    def ahead(self, paths: Sequence[Path]) -> None:
        if not paths or not self.processes:
            return
        try:
            if self._pool is None:
                # Forked: the child has the importer's modules at once, and touches neither the database
                # nor anything else the parent holds.
                self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self._pending = (tuple(paths), self._pool.submit(read_files, self.read, list(paths)))
        except Exception:  # no child to be had here (a daemonic process, no fork): read each batch here
            logger.info("Reading files here: no process to read ahead in", exc_info=True)
            self.close()
            self.processes = False

    def close(self) -> None:
        self._pending = None
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
