"""Admin for audit runs and findings: auditors filter, read the evidence and record reviews."""

import json

from django.contrib import admin, messages
from django.utils.html import format_html

from audits.dispatch import submit_run
from audits.models import AuditRun, Finding, FindingReview, Occurrence
from audits.rules import all_rules
from audits.scope import build_scope
from audits.services import AuditAlreadyRunning, review_finding


@admin.register(AuditRun)
class AuditRunAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "created_at",
        "started_by",
        "scope_label",
        "status",
        "finding_count",
        "duration_seconds",
    ]
    list_filter = ["status"]
    list_select_related = ["started_by"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in AuditRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="scope")
    def scope_label(self, obj: AuditRun) -> str:
        return obj.scope.get("label", "")

    @admin.display(description="findings")
    def finding_count(self, obj: AuditRun):
        return obj.counts.get("total", "—")


class RuleFilter(admin.SimpleListFilter):
    """Rules from the catalogue: no scan of the findings table to list them."""

    title = "rule"
    parameter_name = "rule_code"

    def lookups(self, request, model_admin):
        return [(code, code) for code in all_rules()]

    def queryset(self, request, queryset):
        return queryset.filter(rule_code=self.value()) if self.value() else queryset


class OccurrenceInline(admin.TabularInline):
    """The finding's history across runs."""

    model = Occurrence
    extra = 0
    fields = ["run", "severity", "summary"]
    readonly_fields = fields
    verbose_name = "run that found it"
    verbose_name_plural = "history across runs"
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("run")


class FindingReviewInline(admin.TabularInline):
    model = FindingReview
    extra = 1
    fields = ["decision", "reason", "reviewer", "created_at"]
    readonly_fields = ["reviewer", "created_at"]

    def has_change_permission(self, request, obj=None):
        return False  # a review is a record of a decision: add a new one instead

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("audits.review_finding")


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = [
        "summary",
        "rule_code",
        "severity",
        "review_status",
        "presence",
        "article",
        "last_seen_run_id",
    ]
    list_filter = [RuleFilter, "severity", "review_status", "presence", "subject_type"]
    list_select_related = ["article"]
    search_fields = ["summary", "article__doi", "article__title", "person__name", "organization__name"]
    show_full_result_count = False
    inlines = [FindingReviewInline, OccurrenceInline]
    readonly_fields = [
        "summary",
        "rule_code",
        "rule_version",
        "severity",
        "subject_type",
        "article",
        "authorship",
        "person",
        "organization",
        "interest",
        "review_status",
        "presence",
        "first_seen_run",
        "last_seen_run",
        "fingerprint",
        "evidence_pretty",
    ]
    exclude = ["evidence"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Findings are written by audits; "changing" one means adding a review to it.
        return request.user.has_perm("audits.review_finding") or super().has_change_permission(request, obj)

    @admin.display(description="evidence")
    def evidence_pretty(self, obj: Finding) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.evidence, indent=2, ensure_ascii=False))

    def save_formset(self, request, form, formset, change):
        """New reviews go through the review service, which also updates the finding's status."""
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for review_form in formset.extra_forms:
            if review_form.has_changed():
                data = review_form.cleaned_data
                formset.new_objects.append(
                    review_finding(
                        actor=request.user,
                        finding=form.instance,
                        decision=data["decision"],
                        reason=data["reason"],
                    )
                )


# Offered on the registry's article list to holders of audits.run_audit (registered in AuditsConfig.ready()).
@admin.action(description="Run an audit of the selected articles")
def audit_selected_articles(modeladmin, request, queryset):
    scope = build_scope(article_ids=list(queryset.values_list("pk", flat=True)))
    try:
        run = submit_run(actor=request.user, scope=scope)
    except AuditAlreadyRunning as exc:
        modeladmin.message_user(request, str(exc), messages.ERROR)
        return
    if run.status == "succeeded":
        modeladmin.message_user(request, f"Audit run {run.pk}: {run.counts['total']} findings.", messages.SUCCESS)
    else:
        modeladmin.message_user(request, f"Audit run {run.pk} started on a worker.", messages.INFO)
