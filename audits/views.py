"""Auditor pages (run audits, work through findings, export) and the public rule catalogue."""

import tempfile
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse, HttpResponseBadRequest, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from audits.dispatch import submit_run
from audits.enums import ReviewStatus
from audits.evidence import disclosure_shown, evidence_rows
from audits.exports import FORMATS, REGISTRY_DATASETS, Dataset, findings_dataset, stream_export, write_export
from audits.forms import BulkReviewForm, FindingFilterForm, ReviewForm, RunAuditForm
from audits.models import AuditRun
from audits.reports import FORMATS as REPORT_FORMATS
from audits.reports import ReportScopeError, build_report, render_report, report_scope
from audits.rules import all_rules
from audits.rules.severity import SEVERITY_MEANING
from audits.scope import ScopeError, build_scope
from audits.selectors import (
    GROUPS,
    finding_groups,
    finding_history,
    findings_list,
    findings_visible_to,
    grouped_findings,
    matching_findings,
    neighbours,
)
from audits.services import AuditAlreadyRunning, review_finding, review_findings


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


FINDINGS_PER_PAGE = 50
GROUPS_PER_PAGE = 25


@login_required
@permission_required("audits.view_finding", raise_exception=True)
def finding_list(request):
    return _findings_page(request, request.GET, bulk_form=BulkReviewForm())


def _findings_page(request, params, *, bulk_form: BulkReviewForm, status: int = 200):
    """The list, flat or grouped by article or person; a filter it cannot apply is an error, never ignored."""
    form = FindingFilterForm(params or None)
    group = params.get("group", "")
    valid = form.is_valid() or not params
    if group and group not in GROUPS:
        valid = False
        form.add_error(None, f"Findings cannot be grouped by “{group}”: by article or by person.")
    unknown = sorted(set(params) - set(form.fields) - {"page", "group"})
    if unknown:  # a misspelt filter would otherwise list every finding as if it applied
        valid = False
        form.add_error(None, f"Unknown filter: {', '.join(unknown)}.")
    query = params.copy()
    for name in ("page", "group", "csrfmiddlewaretoken"):
        query.pop(name, None)
    context = {
        "form": form,
        "group": group,
        "query": query.urlencode(),
        "export_formats": FORMATS.values(),
        "bulk_form": bulk_form,
        "can_review": request.user.has_perm("audits.review_finding"),
    }
    if not valid:
        return render(request, "audits/findings.html", context, status=400)
    filters = form.cleaned_data if params else {}
    if group:
        page = Paginator(grouped_findings(filters, group, viewer=request.user), GROUPS_PER_PAGE).get_page(
            params.get("page")
        )
        context["groups"] = finding_groups(filters, group, page.object_list, viewer=request.user)
    else:
        page = Paginator(findings_list(filters, viewer=request.user), FINDINGS_PER_PAGE).get_page(params.get("page"))
    context.update(page=page, listed=True)
    return render(request, "audits/findings.html", context, status=status)


@login_required
@permission_required("audits.review_finding", raise_exception=True)
@require_POST
def bulk_review(request):
    """Confirm or dismiss the ticked findings, or all matching the filter, with one reason, all or none."""
    filter_params = QueryDict(request.POST.get("filter", ""))
    form = BulkReviewForm(request.POST)
    filter_form = FindingFilterForm(filter_params)
    if not form.is_valid() or (filter_params and not filter_form.is_valid()):
        return _findings_page(request, filter_params, bulk_form=form, status=400)
    data = form.cleaned_data
    if data["all_matching"]:
        findings = matching_findings(filter_form.cleaned_data if filter_params else {}, viewer=request.user)
    else:
        findings = data["findings"]
    reviews = review_findings(actor=request.user, findings=findings, decision=data["decision"], reason=data["reason"])
    decided = dict(ReviewStatus.choices)[data["decision"]].lower()
    messages.success(request, f"{len(reviews)} finding{pluralize(len(reviews))} marked {decided}.")
    url = reverse("audits:findings")
    return redirect(f"{url}?{filter_params.urlencode()}" if filter_params else url)


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
    previous, following = _triage_neighbours(request, pk)
    context = {
        "query": _list_query(request),
        "previous": previous,
        "next": following,
        "finding": finding,
        "evidence": evidence_rows(finding.evidence),
        "disclosure": disclosure_shown(finding),
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
    messages.success(request, f"Finding {finding.pk} marked {finding.get_review_status_display().lower()}.")
    query = _list_query(request)
    target = finding.pk
    if request.POST.get("advance"):
        target = _triage_neighbours(request, pk)[1] or finding.pk
    url = reverse("audits:finding", args=[target])
    return redirect(f"{url}?{query}" if query else url)


def _list_query(request) -> str:
    """The findings list's filters a finding page was opened from, kept while working through the list."""
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("group", None)
    return query.urlencode()


def _triage_neighbours(request, pk: int) -> tuple[int | None, int | None]:
    form = FindingFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return None, None
    return neighbours(form.cleaned_data if request.GET else {}, pk, viewer=request.user)


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


@login_required
@permission_required("audits.export_findings", raise_exception=True)
@require_GET
def report(request, format: str):
    """The audit report of ?run=ID, ?article=DOI, or ?journal=NAME&from=DATE&to=DATE.

    Only auditors: the report shows open findings and reviewers' names, which editors and readers never see.
    """
    params = request.GET
    try:
        scope = report_scope(
            run=_whole_number(params.get("run")),
            article=params.get("article") or None,
            journal=params.get("journal") or None,
            date_from=_day(params.get("from")),
            date_to=_day(params.get("to")),
        )
    except ReportScopeError as exc:
        return HttpResponseBadRequest(f"Cannot make the report: {exc}", content_type="text/plain; charset=utf-8")
    content = render_report(build_report(scope), format)
    response = HttpResponse(content, content_type=REPORT_FORMATS[format])
    if format == "pdf" or params.get("download"):
        filename = f"audit-report-{scope.slug()}.{format}"
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def _whole_number(text: str | None) -> int | None:
    if not text:
        return None
    if not text.isdigit():
        raise ReportScopeError(f"{text!r} is not a run id.")
    return int(text)


def _day(text: str | None):
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ReportScopeError(f"{text!r} is not a date (YYYY-MM-DD).") from exc
