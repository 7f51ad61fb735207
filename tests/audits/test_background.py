"""Background audits on a real Celery worker against Redis, and what happens when a worker dies."""

import datetime
import threading
from contextlib import contextmanager

import pytest
from celery.signals import task_postrun
from django.utils import timezone

from audits.dispatch import submit_run
from audits.enums import RunStatus
from audits.models import AuditRun, Finding
from audits.scope import AuditScope
from audits.services import fail_stale_runs, start_run
from tests.factories import AuthorshipFactory


@contextmanager
def task_finished(timeout: float = 30.0):
    """Wait, on leaving the block, until the worker has finished a task sent inside it.

    The worker runs in a thread of this process; on SQLite the tests' in-memory database is shared
    between the two with table locks that do not wait, so polling the run's row while the worker
    writes it can fail with "database table is locked". The worker's own signal says when it is done."""
    done = threading.Event()

    def finished(**_kwargs) -> None:
        done.set()

    task_postrun.connect(finished, weak=False)
    try:
        yield
        assert done.wait(timeout), f"no task finished within {timeout} s"
    finally:
        task_postrun.disconnect(finished)


@pytest.mark.django_db(transaction=True)
def test_a_full_audit_runs_on_a_worker_when_a_broker_is_configured(celery_worker):
    AuthorshipFactory()
    with task_finished():
        run = submit_run(actor=None, scope=AuditScope())
        assert run.status == RunStatus.PENDING  # handed to the worker, not run here
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED
    assert run.counts["total"] == 1
    assert Finding.objects.get().last_seen_run == run


@pytest.mark.django_db
def test_without_a_broker_the_audit_runs_in_process(settings):
    settings.CELERY_BROKER_URL = ""
    AuthorshipFactory()
    run = submit_run(actor=None, scope=AuditScope())
    assert run.status == RunStatus.SUCCEEDED


@pytest.mark.django_db
def test_a_run_whose_worker_went_silent_is_marked_failed_and_frees_its_scope(settings):
    settings.AUDIT_STALE_AFTER_SECONDS = 60
    alive = start_run(actor=None, scope=AuditScope(key="article:1", label="one article"))
    AuditRun.objects.filter(pk=alive.pk).update(status=RunStatus.RUNNING, heartbeat_at=timezone.now())
    dead = start_run(actor=None, scope=AuditScope())
    AuditRun.objects.filter(pk=dead.pk).update(
        status=RunStatus.RUNNING, heartbeat_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    assert fail_stale_runs() == 1
    dead.refresh_from_db()
    assert dead.status == RunStatus.FAILED
    assert dead.error == "No sign of its worker for 60 seconds; marked failed."
    assert AuditRun.objects.get(pk=alive.pk).status == RunStatus.RUNNING
    # A new full audit may start now.
    assert start_run(actor=None, scope=AuditScope()).status == RunStatus.PENDING
