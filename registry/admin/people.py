"""Admin for people: name variants, affiliations and interests on one page."""

from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from registry.admin.disclosures import INTEREST_ENTRY_FIELDS
from registry.models import Affiliation, Interest, Person, PersonName


class PersonNameInline(admin.TabularInline):
    model = PersonName
    extra = 1


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 1
    autocomplete_fields = ["organization"]
    fields = ["organization", "role", "department", "start_date", "end_date"]


class InterestInline(admin.TabularInline):
    model = Interest
    extra = 1
    autocomplete_fields = ["organization"]
    fields = INTEREST_ENTRY_FIELDS


class HasOrcidFilter(admin.SimpleListFilter):
    title = "ORCID iD"
    parameter_name = "has_orcid"

    def lookups(self, request, model_admin):
        return [("yes", "Has an ORCID iD"), ("no", "No ORCID iD")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(orcid__isnull=False)
        if self.value() == "no":
            return queryset.filter(orcid__isnull=True)
        return queryset


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    # Large tables: one COUNT over the filtered rows is enough; skip the unfiltered total.
    show_full_result_count = False
    list_display = ["name", "orcid", "article_count", "interest_count"]
    list_filter = [HasOrcidFilter, "affiliations__organization__kind"]
    search_fields = ["name", "name_variants__name", "orcid", "npi"]
    fields = ["name", "given_names", "family_name", "orcid", "npi", "open_payments_profile_id", "email"]
    inlines = [PersonNameInline, AffiliationInline, InterestInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                article_count=Count("authorships", distinct=True),
                interest_count=Count("interests", distinct=True),
            )
            # Explicit: an aggregate drops the default ordering, and autocomplete pages need one.
            .order_by("family_name", "name")
        )

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj: Person) -> int:
        return obj.article_count

    @admin.display(description="interests", ordering="interest_count")
    def interest_count(self, obj: Person) -> int:
        return obj.interest_count


@admin.register(Affiliation)
class AffiliationAdmin(SimpleHistoryAdmin):
    list_display = ["person", "organization", "role", "department", "start_date", "end_date"]
    list_filter = ["organization__kind", "organization__country"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "organization__name", "role", "department"]
    autocomplete_fields = ["person", "organization"]
    date_hierarchy = "start_date"
