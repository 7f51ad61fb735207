"""A running audit's sign of life: a thread of the process that runs it stamps the run every few
seconds, whatever the rules are doing, so that a run whose process died is known within a minute."""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import timezone

from audits.enums import RunStatus
from audits.models import AuditRun

logger = logging.getLogger(__name__)


@contextmanager
def heartbeat(run_id: int, *, every: float | None = None) -> Iterator[None]:
    """Stamp `heartbeat_at` of a running run every `every` seconds (AUDIT_HEARTBEAT_SECONDS) until the block ends."""
    every = settings.AUDIT_HEARTBEAT_SECONDS if every is None else every
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(every):
                try:
                    AuditRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(heartbeat_at=timezone.now())
                except DatabaseError as exc:  # a busy database misses a beat; the next one may land
                    logger.warning("Audit run %s: heartbeat not recorded: %s", run_id, exc)
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=beat, name=f"audit-run-{run_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
