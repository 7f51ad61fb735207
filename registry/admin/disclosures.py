"""Admin for disclosures and interests. A published article's disclosure is corrected, with a
reason that goes into its history, never silently overwritten."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from registry import services
from registry.admin.parse import disclosure_parse_urls
from registry.enums import DisclosureStatus
from registry.models import Authorship, DeclaredInterest, Disclosure, Interest

# What the editor states on the form; the declared interests are edited inline, on their own.
_CONTENT = ["statement", "form", "completed_on", "declares_none"]


class DisclosureForm(forms.ModelForm):
    change_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required when correcting the disclosure of a published article; kept in the history.",
    )

    class Meta:
        model = Disclosure
        fields = ["authorship", "statement", "form", "completed_on", "declares_none", "status", "status_note"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and set(_CONTENT) & set(self.changed_data):
            try:  # the service refuses it too; checked here to show the error on the field
                services.require_correction_reason(self.instance, correction_note=cleaned.get("change_reason") or "")
            except ValidationError as exc:
                self.add_error("change_reason", exc)
        status_changed = {"status", "status_note"} & set(self.changed_data)
        unexplained = (
            cleaned.get("status") != DisclosureStatus.ACTIVE and not (cleaned.get("status_note") or "").strip()
        )
        if status_changed and unexplained:
            self.add_error("status_note", "Say why the disclosure is corrected or withdrawn.")
        return cleaned

    def record(self, *, actor, authorship: Authorship) -> Disclosure:
        """Write the form through the service: a published disclosure changed is marked corrected."""
        data = self.cleaned_data
        disclosure = services.record_disclosure(
            actor=actor,
            authorship=authorship,
            interests=None,
            reason="Edited by an editor" if self.instance.pk else "Recorded by an editor",
            correction_note=data.get("change_reason") or "",
            **{name: data[name] for name in _CONTENT},
        )
        status_changed = {"status", "status_note"} & set(self.changed_data)
        if status_changed and (disclosure.status, disclosure.status_note) != (data["status"], data["status_note"]):
            services.change_disclosure_status(
                actor=actor, disclosure=disclosure, status=data["status"], note=data["status_note"]
            )
        self.instance = disclosure
        return disclosure


class RecordingFormSet(forms.BaseInlineFormSet):
    """Disclosures entered on an authorship's page, written through the service like the disclosure page."""

    actor = None

    def save_new(self, form, commit=True):
        return form.record(actor=self.actor, authorship=self.instance)

    def save_existing(self, form, obj, commit=True):
        return form.record(actor=self.actor, authorship=self.instance)


class DisclosureInline(admin.StackedInline):
    model = Disclosure
    form = DisclosureForm
    formset = RecordingFormSet
    extra = 0
    max_num = 1
    fields = ["statement", "form", "completed_on", "declares_none", "status", "status_note", "change_reason"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.actor = request.user
        return formset


class DeclaredInterestInline(admin.TabularInline):
    model = DeclaredInterest
    extra = 1
    autocomplete_fields = ["interest"]
    fields = ["interest", "text_as_written"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("interest__person", "interest__organization")


@admin.register(Disclosure)
class DisclosureAdmin(SimpleHistoryAdmin):
    # Large tables: one COUNT over the filtered rows is enough; skip the unfiltered total.
    show_full_result_count = False
    form = DisclosureForm
    list_display = ["author", "article", "form", "declares_none", "interest_count", "status"]
    list_filter = ["form", "declares_none", "status", "authorship__article__status"]
    list_select_related = ["authorship__person", "authorship__article"]
    search_fields = [
        "authorship__person__name",
        "authorship__article__title",
        "authorship__article__doi",
        "statement",
    ]
    autocomplete_fields = ["authorship"]
    inlines = [DeclaredInterestInline]
    change_form_template = "admin/registry/parse/disclosure_change_form.html"  # adds "Parse statement"
    fields = [
        "authorship",
        "statement",
        "form",
        "completed_on",
        "declares_none",
        "status",
        "status_note",
        "change_reason",
    ]

    def get_urls(self):
        return disclosure_parse_urls(self) + super().get_urls()

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(interest_count=Count("declared_interests"))
            .order_by("authorship__article", "authorship__position")
        )

    @admin.display(description="author", ordering="authorship__person__name")
    def author(self, obj: Disclosure) -> str:
        return obj.authorship.person.name

    @admin.display(description="article", ordering="authorship__article__title")
    def article(self, obj: Disclosure) -> str:
        return obj.authorship.article.title

    @admin.display(description="interests", ordering="interest_count")
    def interest_count(self, obj: Disclosure) -> int:
        return obj.interest_count

    def get_readonly_fields(self, request, obj=None):
        # A disclosure belongs to its authorship; another author's is recorded on its own.
        return ["authorship"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        disclosure = form.record(actor=request.user, authorship=obj.authorship)
        obj.pk, obj._state.adding = disclosure.pk, False  # the inline interests attach to it
        obj.refresh_from_db()


# What an editor enters for an interest, on its own page and inline on a person's page.
INTEREST_ENTRY_FIELDS = [
    "category",
    "organization",
    "organization_name",
    "payee",
    "amount",
    "currency",
    "start_date",
    "end_date",
    "ongoing",
    "specification",
    "provenance",
]


@admin.register(Interest)
class InterestAdmin(SimpleHistoryAdmin):
    # Large tables: one COUNT over the filtered rows is enough; skip the unfiltered total.
    show_full_result_count = False
    list_display = [
        "person",
        "category",
        "counterparty",
        "payee",
        "amount",
        "currency",
        "start_date",
        "end_date",
        "ongoing",
        "provenance",
    ]
    list_filter = ["category", "payee", "provenance", "ongoing", "organization__kind"]
    list_select_related = ["person", "organization"]
    search_fields = [
        "person__name",
        "organization__name",
        "organization__aliases__name",
        "organization_name",
        "specification",
    ]
    autocomplete_fields = ["person", "organization", "topics"]
    date_hierarchy = "start_date"
    fields = ["person", *INTEREST_ENTRY_FIELDS[:-1], "topics", "provenance", "provenance_detail"]

    @admin.display(description="organization", ordering="organization__name")
    def counterparty(self, obj: Interest) -> str:
        return str(obj.organization or obj.organization_name or obj.specification or "—")
