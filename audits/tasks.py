"""Background tasks of the audit engine."""

from celery import shared_task

from audits.models import AuditRun
from audits.scope import scope_from_description
from audits.services import execute_run


@shared_task(name="audits.execute_run", acks_late=True)
def execute_audit_run(run_id: int) -> int:
    """Run a pending audit on a worker; the run row records progress, success or failure."""
    run = AuditRun.objects.get(pk=run_id)
    execute_run(run, scope_from_description(run.scope))
    return run_id
