"""Admin for imports: the upload page (JATS, Crossref, ORCID, CSV/XLSX), the list of what each
import did, the CSV template, and the queue of uncertain person matches editors confirm or reject.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from registry.admin.evidence import evidence_table
from registry.enums import ImportKind, MatchStatus
from registry.importers.formats.disclosures import template_csv
from registry.importers.runner import ImportSummary
from registry.importers.sources import SOURCES
from registry.merges import MergeRefused, decide_person_match
from registry.models import ImportRecord, OrganizationIdentifier, PersonMatch

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def max_upload_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def can_import(user) -> bool:
    """Editors (staff who may add registry records) import; auditors and others do not."""
    return user.is_active and user.is_staff and user.has_perm("registry.add_article")


class UploadForm(forms.Form):
    kind = forms.ChoiceField(choices=ImportKind.choices, label="What the file holds")
    file = forms.FileField(
        help_text="JATS XML, Crossref JSON, ORCID JSON/XML, a CSV/XLSX of interests, or an Open Payments CSV."
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes; the limit is {limit:,} bytes.", code="too_large"
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        kind, upload = cleaned.get("kind"), cleaned.get("file")
        if kind and upload:
            suffixes = SOURCES[kind].suffixes
            if not upload.name.lower().endswith(suffixes):
                self.add_error("file", f"A {ImportKind(kind).label} file ends in {', '.join(suffixes)}.")
        return cleaned


def can_edit_people(user) -> bool:
    """Editors change people (merging two is such a change). Django caches permissions per request."""
    return user.is_active and user.is_staff and user.has_perm("registry.change_person")


class RoleAdmin(admin.ModelAdmin):
    """Kept by the system: editors and auditors read them; nobody edits them here.

    Editors hold the registry's own model permissions (not these models'), so their role is read
    from those; auditors read every registry model.
    """

    def has_view_permission(self, request, obj=None):
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or can_edit_people(request.user)

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ImportRecord)
class ImportRecordAdmin(RoleAdmin):
    change_list_template = "admin/registry/importrecord/change_list.html"
    list_display = ["created_at", "kind", "file_name", "status", "created_summary", "actor"]
    list_filter = ["kind", "status"]
    search_fields = ["file_name", "sha256"]
    list_select_related = ["actor"]
    readonly_fields = ["kind", "file_name", "sha256", "status", "actor", "created_at", "counts", "error", "warnings"]

    @admin.display(description="created")
    def created_summary(self, obj: ImportRecord) -> str:
        return ", ".join(f"{count} {kind}" for kind, count in obj.counts.items() if count) or "—"

    def get_urls(self):
        return [
            path("upload/", self.admin_site.admin_view(self.upload_view), name="registry_import_upload"),
            path(
                "template.csv",
                self.admin_site.admin_view(self.template_view),
                name="registry_import_template",
            ),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        if not can_import(request.user):
            raise PermissionDenied
        summary = None
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            kind, upload = form.cleaned_data["kind"], form.cleaned_data["file"]
            summary = ImportSummary(kind=kind)
            SOURCES[kind].import_data(upload.read(), name=upload.name, actor=request.user, summary=summary)
        context = {
            **self.admin_site.each_context(request),
            "title": "Import a file",
            "opts": self.model._meta,
            "form": form,
            "summary": summary,
            "max_upload_bytes": max_upload_bytes(),
        }
        return TemplateResponse(request, "admin/registry/import_upload.html", context)

    def template_view(self, request):
        if not can_import(request.user):
            raise PermissionDenied
        response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="disclosures-template.csv"'
        return response

    def changelist_view(self, request, extra_context=None):
        extra = {"can_import": can_import(request.user), **(extra_context or {})}
        return super().changelist_view(request, extra_context=extra)


@admin.register(PersonMatch)
class PersonMatchAdmin(RoleAdmin):
    list_display = [
        "name_as_printed",
        "person_link",
        "candidate_link",
        "method",
        "score",
        "evidence_summary",
        "status",
        "article",
        "created_at",
    ]
    list_filter = ["status", "method"]
    search_fields = ["name_as_printed", "person__name", "candidate__name"]
    list_select_related = ["person", "candidate", "article"]
    readonly_fields = [f.name for f in PersonMatch._meta.fields if f.name != "evidence"] + ["evidence_shown"]
    exclude = ["evidence"]
    actions = ["confirm_matches", "reject_matches"]

    def has_change_permission(self, request, obj=None):
        return can_edit_people(request.user)

    @admin.display(description="evidence")
    def evidence_summary(self, obj: PersonMatch) -> str:
        return "; ".join(
            f"{item['kind']} {'never' if item['weight'] is None else format(item['weight'], '+g')}"
            for item in obj.evidence
        )

    @admin.display(description="evidence")
    def evidence_shown(self, obj: PersonMatch):
        return evidence_table(obj.evidence, obj.score)

    @admin.display(description="imported as")
    def person_link(self, obj: PersonMatch):
        return self._person(obj.person)

    @admin.display(description="may be")
    def candidate_link(self, obj: PersonMatch):
        return self._person(obj.candidate)

    @staticmethod
    def _person(person):
        if person is None:
            return "—"
        url = reverse("admin:registry_person_change", args=[person.pk])
        return format_html('<a href="{}">{} (#{})</a>', url, person.name, person.pk)

    def _decide(self, request, queryset, *, confirm: bool) -> None:
        done = 0
        for match in queryset.filter(status=MatchStatus.PENDING).select_related("person", "candidate"):
            try:
                decide_person_match(actor=request.user, match=match, confirm=confirm)
                done += 1
            except MergeRefused as exc:
                self.message_user(request, f"{match}: {exc}", messages.ERROR)
        verb = "confirmed and merged" if confirm else "rejected"
        self.message_user(request, f"{done} match(es) {verb}.", messages.SUCCESS)

    @admin.action(description="Confirm: the same person (merge)", permissions=["change"])
    def confirm_matches(self, request, queryset):
        self._decide(request, queryset, confirm=True)

    @admin.action(description="Reject: different people", permissions=["change"])
    def reject_matches(self, request, queryset):
        self._decide(request, queryset, confirm=False)


@admin.register(OrganizationIdentifier)
class OrganizationIdentifierAdmin(RoleAdmin):
    list_display = ["organization", "scheme", "value"]
    list_filter = ["scheme"]
    search_fields = ["value", "organization__name"]
    list_select_related = ["organization"]
