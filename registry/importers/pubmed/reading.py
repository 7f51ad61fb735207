"""A PubMed file read in a process of its own while this one writes the registry: the XML and the
competing-interest statements (all that needs no database) on a second core.

This process reads the file's first records itself, and starts the reading process, which reads from
the file's first record, only when the file holds more than those; once the reading process's records
arrive it takes them from where it got to. Either way the writer sees the same records,
warnings and refusal in the same order as when it reads the file alone.

Nothing here imports Django's models: the reading process loads only the readers and the parser.
"""

import io
import multiprocessing
import os
import pickle
import queue as queues
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from registry.importers.articles.statements import statement_plans
from registry.importers.errors import ImportFailure
from registry.importers.formats.pubmed import PubmedCitation, PubmedDeletion, read_pubmed
from registry.importers.hashing import HashingReader

# Records (citations and deletions) a message, and messages waiting at most: the reading process is
# never more than CHUNK * WAITING records ahead of the writer, whatever the file's size.
CHUNK = 100
WAITING = 20
# The writer reads the file's first records itself (off: it waits for the reading process), and starts
# the reading process only when the file holds more than this many (a batch, store.BATCH): a smaller
# file is read here alone, since the reading process costs most of a second of CPU to start.
READ_HERE_FIRST = True
START_AFTER = 1000
# How long the writer waits for a message before it checks that the reading process is still there.
POLL_SECONDS = 1.0

Item = PubmedCitation | PubmedDeletion


def reading_process_helps() -> bool:
    """Whether a second process can take the reading: this process may run on more than one CPU, one of
    them is idle (measured: with every core busy, the reading process's CPU is taken from the writer's
    and a file takes longer), and this process is not itself a pool's (a Celery worker's, which may
    not start one, and whose files are already spread over the cores one a process)."""
    cpus = len(os.sched_getaffinity(0))
    return cpus > 1 and os.getloadavg()[0] < cpus - 1 and not multiprocessing.current_process().daemon


def opened(path: Path, *, file: str) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise ImportFailure(f"cannot be read: {exc.strerror or exc}", file=file) from None


def buffered(hashing: HashingReader) -> BinaryIO:
    return io.BufferedReader(hashing, buffer_size=1 << 20)


class ReadAhead:
    """`with ReadAhead(path, file=...) as reading: for item in reading.items(warnings): ...`, then
    `reading.sha256` is the file's hash."""

    def __init__(self, path: Path, *, file: str):
        self.path = path
        self.file = file
        self.sha256 = ""
        self.last = "the start of the file"
        self.queue = None
        self.process = None
        self.starting = None
        self.read_here = 0  # records read in this process before it took the reading process's

    def __enter__(self) -> "ReadAhead":
        return self

    def __exit__(self, *exc) -> None:
        if self.process is None:
            return
        self.starting.join()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.process.close()
        self.queue.close()

    def start(self) -> None:
        context = _context()
        self.queue = context.Queue(maxsize=WAITING)
        self.process = context.Process(target=read_into, args=(str(self.path), self.file, self.queue), daemon=True)
        # Started aside: the first start also starts the server process (most of a second of CPU).
        self.starting = threading.Thread(target=self.process.start, daemon=True)
        self.starting.start()

    def items(self, warnings: list[str]) -> Iterator[Item]:
        if READ_HERE_FIRST:
            taken, message = yield from self._read_here(warnings)
        else:
            self.start()
            taken, message = 0, self._next()
        self.read_here = taken
        if message is None:
            return  # read to the end here before the reading process caught up
        while True:
            kind, first, payload = message
            if first > taken:  # never: messages come in order, each sent whole or the reading stops
                raise ImportFailure(f"the reading process skipped records {taken}-{first}", file=self.file)
            if kind == "items":
                for item, said in payload[max(taken - first, 0) :]:
                    warnings += said
                    self.last = _name(item)
                    yield item
                taken = max(taken, first + len(payload))
            else:
                warnings += payload[0]
                self._finish(kind, payload)
                return
            message = self._next()

    def _read_here(self, warnings: list[str]):
        """Read in this process until the reading process's records reach past those read here; returns
        how many were read here and that first useful message (None: the file was read to its end)."""
        taken = 0
        with opened(self.path, file=self.file) as raw:
            hashing = HashingReader(raw)
            for item in read_pubmed(buffered(hashing), file=self.file, warnings=warnings):
                self.last = _name(item)
                if taken == START_AFTER:
                    self.start()  # the file holds more: read ahead from the next batch on
                yield item
                taken += 1
                while self.process is not None and (message := self._waiting()) is not None:
                    kind, first, payload = message
                    if kind != "items" or first + len(payload) > taken:
                        return taken, message
            self.sha256 = hashing.sha256.hexdigest()
        return taken, None

    def _waiting(self):
        try:
            return pickle.loads(self.queue.get_nowait())
        except queues.Empty:
            return None

    def _next(self):
        while True:
            try:
                return pickle.loads(self.queue.get(timeout=POLL_SECONDS))
            except queues.Empty:
                if self.starting.is_alive() or self.process.is_alive():
                    continue
            try:  # it may have sent its last message just before it ended
                return pickle.loads(self.queue.get(timeout=POLL_SECONDS))
            except queues.Empty:
                raise ImportFailure(
                    f"the process reading the file stopped unexpectedly (exit code {self.process.exitcode})",
                    file=self.file,
                    location=f"after {self.last}",
                ) from None

    def _finish(self, kind: str, payload: tuple) -> None:
        if kind == "done":
            self.sha256 = payload[1]
        elif kind == "refused":
            _, reason, file, location = payload
            raise ImportFailure(reason, file=file, location=location)
        else:
            _, error, name, text = payload
            if error is not None:
                raise error
            raise ImportFailure(f"unexpected error ({name}): {text}", file=self.file)


def _name(item: Item) -> str:
    return f"PMID {item.pmid}" if isinstance(item, PubmedCitation) else f"the deletion at {item.location}"


def read_into(path: str, file: str, out) -> None:
    """The reading process: every record of the file, its statements planned, sent in order as
    ("items", index of the first, [(record, warnings said before it)]), then ("done", (warnings, sha256)),
    or ("refused", (warnings, reason, file, location)) or ("error", (warnings, exception, name, text))."""
    warnings: list[str] = []
    said = 0
    chunk: list[tuple[Item, list[str]]] = []
    first = 0
    try:
        with opened(Path(path), file=file) as raw:
            hashing = HashingReader(raw)
            for item in read_pubmed(buffered(hashing), file=file, warnings=warnings):
                if isinstance(item, PubmedCitation):
                    item.article.planned = statement_plans(item.article)
                chunk.append((item, warnings[said:]))
                said = len(warnings)
                if len(chunk) >= CHUNK:
                    _send(out, ("items", first, chunk))
                    first, chunk = first + len(chunk), []
            end = ("done", (warnings[said:], hashing.sha256.hexdigest()))
    except ImportFailure as failure:
        end = ("refused", (warnings[said:], failure.reason, failure.file, failure.location))
    except Exception as exc:  # sent as it is when it can be, so that the writer reports it as it would its own
        end = _error(exc, warnings[said:])
    if chunk:
        try:
            _send(out, ("items", first, chunk))
            first += len(chunk)
        except Exception as exc:  # a record that cannot be pickled
            end = _error(exc, [])
    _send(out, (end[0], first, end[1]))
    out.close()
    out.join_thread()


def _send(out, message: tuple) -> None:
    """Pickled here, not by the queue's feeding thread, which would only print an error and drop the
    message: a record that cannot be sent stops the reading with that error."""
    out.put(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))


def _error(exc: Exception, warnings: list[str]) -> tuple:
    return ("error", (warnings, _picklable(exc), type(exc).__name__, str(exc)))


def _picklable(exc: Exception) -> Exception | None:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return None
    return exc


def _context():
    """Processes started from a server process that has loaded the readers once (not forked from this
    one, whose database connections and threads a child must not share)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context
