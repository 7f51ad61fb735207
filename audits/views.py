"""Auditor pages (run audits, work through findings) and the public rule catalogue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from audits.forms import FindingFilterForm, ReviewForm, RunAuditForm
from audits.models import AuditRun, Finding
from audits.rules import all_rules
from audits.scope import ScopeError, build_scope
from audits.selectors import finding_history, findings_list
from audits.services import AuditAlreadyRunning, review_finding, submit_run


def rule_catalogue(request):
    return render(request, "audits/rules.html", {"rules": all_rules()})


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
    return render(request, "audits/run.html", {"run": run})


@login_required
@permission_required("audits.view_finding", raise_exception=True)
def finding_list(request):
    form = FindingFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(findings_list(filters), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audits/findings.html", {"form": form, "page": page, "query": query.urlencode()})


@login_required
@permission_required("audits.view_finding", raise_exception=True)
def finding_detail(request, pk: int):
    return _finding_page(request, pk, ReviewForm())


def _finding_page(request, pk: int, form: ReviewForm, status: int = 200):
    finding = get_object_or_404(
        Finding.objects.select_related("article", "person", "organization", "first_seen_run", "last_seen_run"),
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
    finding = get_object_or_404(Finding, pk=pk)
    review_finding(actor=request.user, finding=finding, **form.cleaned_data)
    messages.success(request, f"Finding marked {finding.get_review_status_display().lower()}.")
    return redirect("audits:finding", finding.pk)
