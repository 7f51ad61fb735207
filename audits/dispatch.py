"""Where an audit runs: on a Celery worker when a broker is configured, otherwise in this process.

Above both the services and the tasks, so that neither imports the other's caller.
"""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import transaction

from audits.models import AuditRun
from audits.scope import AuditScope
from audits.services import execute_run, start_run
from audits.tasks import execute_audit_run


def submit_run(
    *,
    actor,
    scope: AuditScope,
    rule_codes: Sequence[str] | None = None,
    parameters: dict[str, Any] | None = None,
) -> AuditRun:
    """Start an audit: on a Celery worker when a broker is configured, otherwise right here.

    Returns the run; with a worker it is still pending or running, and its row shows progress.
    """
    run = start_run(actor=actor, scope=scope, rule_codes=rule_codes, parameters=parameters)
    if settings.CELERY_BROKER_URL:
        transaction.on_commit(lambda: execute_audit_run.delay(run.pk))
        return run
    return execute_run(run, scope)
