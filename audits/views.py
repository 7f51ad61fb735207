"""Auditor pages (run audits, work through findings, export) and the public rule catalogue."""

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from audits.dispatch import submit_run
from audits.exports import FORMATS, REGISTRY_DATASETS, Dataset, findings_dataset, stream_export, write_export
from audits.forms import FindingFilterForm, ReviewForm, RunAuditForm
from audits.models import AuditRun
from audits.rules import all_rules
from audits.rules.severity import SEVERITY_MEANING
from audits.scope import ScopeError, build_scope
from audits.selectors import finding_history, findings_list, findings_visible_to
from audits.services import AuditAlreadyRunning, review_finding


def rule_catalogue(request):
    return render(request, "audits/rules.html", {"rules": all_rules(), "severities": SEVERITY_MEANING.items()})


@login_required
@permission_required("audits.view_auditrun", raise_exception=True)
def run_list(request):
    form = RunAuditForm()
    runs = AuditRun.objects.select_related("started_by").order_by("-created_at")[:30]
    return render(request, "audits/runs.html", {"runs": runs, "form": form})


@login_required
@permission_required("audits.run_audit", raise_exception=True)
@require_POST
def start_run(request):
    form = RunAuditForm(request.POST)
    if not form.is_valid():
        runs = AuditRun.objects.select_related("started_by").order_by("-created_at")[:30]
        return render(request, "audits/runs.html", {"runs": runs, "form": form}, status=400)
    data = form.cleaned_data
    parameters = {"window_months": data["window_months"]} if data["window_months"] else {}
    try:
        scope = build_scope(article=data["article"] or None, person=data["person"] or None, since=data["since"])
        run = submit_run(actor=request.user, scope=scope, rule_codes=data["rules"] or None, parameters=parameters)
    except (ScopeError, ValidationError, ValueError, AuditAlreadyRunning) as exc:
        messages.error(request, "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
        return redirect("audits:runs")
    if run.status == "succeeded":
        messages.success(request, f"Audit run {run.pk} finished: {run.counts['total']} findings.")
    else:
        messages.info(request, f"Audit run {run.pk} started on a worker; this page shows its progress.")
    return redirect("audits:run", run.pk)


@login_required
@permission_required("audits.view_auditrun", raise_exception=True)
def run_detail(request, pk: int):
    run = get_object_or_404(AuditRun.objects.select_related("started_by"), pk=pk)
    return render(request, "audits/run.html", {"run": run, "export_formats": FORMATS.values()})


@login_required
@permission_required("audits.view_finding", raise_exception=True)
def finding_list(request):
    form = FindingFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        # The form shows what is wrong with each filter; no list for filters that cannot be applied.
        context = {"form": form, "page": None, "query": "", "export_formats": FORMATS.values()}
        return render(request, "audits/findings.html", context, status=400)
    filters = form.cleaned_data if form.is_bound else {}
    page = Paginator(findings_list(filters, viewer=request.user), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "export_formats": FORMATS.values()}
    return render(request, "audits/findings.html", context)


@login_required
@permission_required("audits.view_finding", raise_exception=True)
def finding_detail(request, pk: int):
    return _finding_page(request, pk, ReviewForm())


def _finding_page(request, pk: int, form: ReviewForm, status: int = 200):
    finding = get_object_or_404(
        findings_visible_to(request.user).select_related(
            "article", "person", "organization", "first_seen_run", "last_seen_run"
        ),
        pk=pk,
    )
    context = {
        "finding": finding,
        "history": finding_history(finding),
        "reviews": finding.reviews.select_related("reviewer"),
        "form": form,
        "can_review": request.user.has_perm("audits.review_finding"),
    }
    return render(request, "audits/finding.html", context, status=status)


@login_required
@permission_required("audits.review_finding", raise_exception=True)
@require_POST
def review(request, pk: int):
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _finding_page(request, pk, form, status=400)
    finding = get_object_or_404(findings_visible_to(request.user), pk=pk)
    review_finding(actor=request.user, finding=finding, **form.cleaned_data)
    messages.success(request, f"Finding marked {finding.get_review_status_display().lower()}.")
    return redirect("audits:finding", finding.pk)


@login_required
@permission_required("audits.export_findings", raise_exception=True)
@require_GET
def export_findings(request, format: str):
    """The findings the list shows for the same filters, every page of them."""
    form = FindingFilterForm(request.GET)
    if not form.is_valid():
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
        return HttpResponseBadRequest(f"Cannot export: {problems}", content_type="text/plain; charset=utf-8")
    return _download(findings_dataset(filters=form.cleaned_data, viewer=request.user), format, "findings")


@login_required
@permission_required("audits.export_findings", raise_exception=True)
@require_GET
def export_run_findings(request, pk: int, format: str):
    run = get_object_or_404(AuditRun.objects.select_related("started_by"), pk=pk)
    return _download(findings_dataset(run=run, viewer=request.user), format, f"findings-run-{run.pk}")


@login_required
@permission_required("audits.export_findings", raise_exception=True)
@require_GET
def export_registry(request, dataset: str, format: str):
    """Every disclosure or interest, drafts included: auditors read everything."""
    return _download(REGISTRY_DATASETS[dataset](), format, dataset)


def _download(dataset: Dataset, format_name: str, file_stem: str) -> HttpResponse:
    """CSV and JSON stream as they are written; XLSX and Parquet are built in a temporary file first."""
    export_format = FORMATS[format_name]
    filename = f"{file_stem}.{export_format.name}"
    if export_format.streamed:
        response = StreamingHttpResponse(stream_export(dataset, format_name), export_format.content_type)
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
        return response
    built = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it, which deletes it)
    try:
        write_export(dataset, format_name, built)
    except BaseException:
        built.close()
        raise
    built.seek(0)
    return FileResponse(built, as_attachment=True, filename=filename, content_type=export_format.content_type)
