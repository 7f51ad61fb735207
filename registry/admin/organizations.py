"""Admin for organizations, their aliases, and topics."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from registry.models import Organization, OrganizationAlias, Topic, TopicSynonym


class TopicSynonymInline(admin.TabularInline):
    model = TopicSynonym
    extra = 1


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "synonym_list", "organization_count"]
    search_fields = ["name", "synonyms__name"]
    filter_horizontal = ["related"]
    inlines = [TopicSynonymInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("synonyms")
            .annotate(organization_count=Count("organizations", distinct=True))
            # Explicit: an aggregate drops the default ordering, and autocomplete pages need one.
            .order_by("name")
        )

    @admin.display(description="synonyms")
    def synonym_list(self, obj: Topic) -> str:
        return ", ".join(synonym.name for synonym in obj.synonyms.all())

    @admin.display(description="organizations", ordering="organization_count")
    def organization_count(self, obj: Topic) -> int:
        return obj.organization_count


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 1


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "parent", "alias_list", "ror_id", "reviewed", "interest_count"]
    list_filter = ["reviewed", "origin", "kind", "publicly_traded", "country", "topics"]
    list_select_related = ["parent"]
    search_fields = ["name", "aliases__name", "ror_id"]
    autocomplete_fields = ["parent", "topics"]
    inlines = [OrganizationAliasInline]
    fields = [
        "name",
        "kind",
        "country",
        "ror_id",
        "parent",
        "publicly_traded",
        "topics",
        "website",
        "description",
        "reviewed",
        "origin",
        "origin_detail",
    ]
    readonly_fields = ["origin", "origin_detail"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("aliases")
            .annotate(interest_count=Count("interests", distinct=True))
            .order_by("name")
        )

    @admin.display(description="aliases")
    def alias_list(self, obj: Organization) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all())

    @admin.display(description="declared ties", ordering="interest_count")
    def interest_count(self, obj: Organization) -> int:
        return obj.interest_count
