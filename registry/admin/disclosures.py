"""Admin for disclosures and interests. A published article's disclosure is corrected, with a
reason that goes into its history, never silently overwritten."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from registry.admin.parse import disclosure_parse_urls
from registry.enums import ArticleStatus, DisclosureStatus
from registry.models import DeclaredInterest, Disclosure, Interest


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
        instance = self.instance
        correcting_published = instance.pk and self.changed_data and _is_published(instance)
        if correcting_published and not (cleaned.get("change_reason") or "").strip():
            self.add_error(
                "change_reason",
                "This disclosure belongs to a published article: say why it is corrected.",
            )
        return cleaned


def _is_published(disclosure: Disclosure) -> bool:
    return disclosure.authorship.article.status == ArticleStatus.PUBLISHED


class DisclosureInline(admin.StackedInline):
    model = Disclosure
    form = DisclosureForm
    extra = 0
    max_num = 1
    fields = ["statement", "form", "completed_on", "declares_none", "status", "status_note", "change_reason"]


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

    def save_model(self, request, obj, form, change):
        reason = (form.cleaned_data.get("change_reason") or "").strip()
        if change and reason and _is_published(obj):
            obj.status = DisclosureStatus.CORRECTED
            obj.status_note = reason
            obj.status_changed_on = timezone.localdate()
        obj._change_reason = reason or ("Recorded by an editor" if not change else "Edited by an editor")
        super().save_model(request, obj, form, change)


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
