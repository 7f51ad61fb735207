"""A run whose worker died is known by its missed heartbeats within a minute, marked failed, and
frees its scope; a live run keeps beating whatever its rules are doing, and a run taken for dead
never records its findings."""

import datetime
import time

import pytest
from django.utils import timezone

from audits.enums import RunStatus
from audits.heartbeat import heartbeat
from audits.models import AuditRun, Finding
from audits.rules.missing_disclosure import MissingDisclosureRule
from audits.scope import AuditScope
from audits.services import RunAbandoned, execute_run, fail_stale_runs, start_run
from tests.factories import AuthorshipFactory


def running(run: AuditRun, *, silent_for: float) -> None:
    beat = timezone.now() - datetime.timedelta(seconds=silent_for)
    AuditRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, started_at=beat, heartbeat_at=beat)


@pytest.mark.django_db
def test_a_run_silent_for_over_a_minute_is_failed_and_a_new_audit_of_its_scope_starts(settings):
    assert (settings.AUDIT_HEARTBEAT_SECONDS, settings.AUDIT_STALE_AFTER_SECONDS) == (10, 60)
    killed = start_run(actor=None, scope=AuditScope())
    running(killed, silent_for=61)

    new = start_run(actor=None, scope=AuditScope())

    assert new.status == RunStatus.PENDING
    killed.refresh_from_db()
    assert killed.status == RunStatus.FAILED
    assert killed.error == "No sign of its worker for 60 seconds; marked failed."


@pytest.mark.django_db
def test_a_run_that_beat_within_the_minute_is_left_running(settings):
    alive = start_run(actor=None, scope=AuditScope())
    running(alive, silent_for=30)

    assert fail_stale_runs() == 0
    assert AuditRun.objects.get(pk=alive.pk).status == RunStatus.RUNNING


@pytest.mark.django_db
def test_a_pending_run_waits_longer_for_a_worker(settings):
    queued = start_run(actor=None, scope=AuditScope())
    AuditRun.objects.filter(pk=queued.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=5))
    assert fail_stale_runs() == 0

    AuditRun.objects.filter(pk=queued.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=16))
    assert fail_stale_runs() == 1
    assert AuditRun.objects.get(pk=queued.pk).error == "No worker took it in 900 seconds; marked failed."


@pytest.mark.django_db(transaction=True)
def test_a_live_run_beats_while_its_rules_work(settings, monkeypatch):
    settings.AUDIT_HEARTBEAT_SECONDS = 0.05
    AuthorshipFactory()
    beats = []
    find = MissingDisclosureRule.find

    def slow_find(self, ctx):
        # A rule at work for a while, as on a large registry: the run's heartbeat moves meanwhile.
        first = AuditRun.objects.get().heartbeat_at
        time.sleep(0.5)
        beats.append(AuditRun.objects.get().heartbeat_at - first)
        return find(self, ctx)

    monkeypatch.setattr(MissingDisclosureRule, "find", slow_find)
    run = start_run(actor=None, scope=AuditScope(), rule_codes=["MISSING_DISCLOSURE"])

    execute_run(run, AuditScope())

    assert beats[0] > datetime.timedelta(seconds=0.2)
    assert AuditRun.objects.get().status == RunStatus.SUCCEEDED


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_stops_with_its_block(settings):
    run = start_run(actor=None, scope=AuditScope())
    running(run, silent_for=0)
    with heartbeat(run.pk, every=0.05):
        time.sleep(0.2)
    stopped = AuditRun.objects.get().heartbeat_at
    time.sleep(0.2)
    assert AuditRun.objects.get().heartbeat_at == stopped


@pytest.mark.django_db
def test_a_task_delivered_again_for_a_run_already_failed_does_nothing():
    AuthorshipFactory()
    run = start_run(actor=None, scope=AuditScope())
    running(run, silent_for=120)
    fail_stale_runs()

    again = execute_run(AuditRun.objects.get(pk=run.pk), AuditScope())

    assert again.status == RunStatus.FAILED
    assert again.error == "No sign of its worker for 60 seconds; marked failed."
    assert Finding.objects.count() == 0


@pytest.mark.django_db
def test_a_run_marked_failed_while_it_ran_records_no_findings(monkeypatch):
    AuthorshipFactory()
    find = MissingDisclosureRule.find

    def find_while_taken_for_dead(self, ctx):
        # Another process gave up on this run meanwhile (its beats did not reach the database).
        AuditRun.objects.update(status=RunStatus.FAILED, error="No sign of its worker for 60 seconds; marked failed.")
        return find(self, ctx)

    monkeypatch.setattr(MissingDisclosureRule, "find", find_while_taken_for_dead)
    run = start_run(actor=None, scope=AuditScope(), rule_codes=["MISSING_DISCLOSURE"])

    with pytest.raises(RunAbandoned):
        execute_run(run, AuditScope())

    assert Finding.objects.count() == 0
    run.refresh_from_db()
    assert (run.status, run.error) == (RunStatus.FAILED, "No sign of its worker for 60 seconds; marked failed.")
