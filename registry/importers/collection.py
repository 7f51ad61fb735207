"""CPython's cyclic garbage collector during a bulk import.

A batch of a thousand records builds hundreds of thousands of objects (records, rows, profiles) that
live until the batch is written. With the default threshold (a collection of the youngest objects
every 700 net allocations), they outlive two young collections, reach the oldest generation, and
make the collector walk the whole heap every time it grows by a quarter: seven full collections per
2,000 PubMed records, a quarter of the import's CPU. Collecting the youngest generation every
50,000 allocations lets a batch's short-lived objects die before they are promoted; the collector
still runs, so garbage in cycles is still freed, a little later.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 50_000

_lock = threading.Lock()
_active = 0
_saved: tuple[int, int, int] = (700, 10, 10)


@contextmanager
def young_collections_spaced() -> Iterator[None]:
    """Within: the youngest generation is collected every YOUNG_THRESHOLD net allocations (never more
    often than it was). The threshold is the process's: nested and concurrent uses share it, and the
    last to leave puts back what the first found."""
    global _active, _saved
    with _lock:
        if _active == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(YOUNG_THRESHOLD, _saved[0]), *_saved[1:])
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                gc.set_threshold(*_saved)
