"""Admin for the editors' queue of duplicate organizations, the merges done, and the maintained list."""

from django.contrib import admin, messages

from registry.enums import MergeSuggestionStatus
from registry.identity.org_merges import OrganizationMergeRefused, merge_organizations, reject_merge_suggestions
from registry.models import OrganizationListEntry, OrganizationMerge, OrganizationMergeSuggestion


@admin.register(OrganizationMergeSuggestion)
class OrganizationMergeSuggestionAdmin(admin.ModelAdmin):
    list_display = ["organization_a", "organization_b", "score", "reason", "status"]
    list_filter = ["status"]
    list_select_related = ["organization_a", "organization_b"]
    search_fields = ["organization_a__name", "organization_b__name"]
    readonly_fields = ["organization_a", "organization_b", "score", "reason", "created_at", "decided_by", "decided_at"]
    actions = ["merge_into_first", "reject"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Merge the second organization into the first", permissions=["change"])
    def merge_into_first(self, request, queryset):
        for suggestion in queryset.filter(status=MergeSuggestionStatus.OPEN):
            try:
                merge_organizations(
                    actor=request.user,
                    keep=suggestion.organization_a,
                    merge=suggestion.organization_b,
                    reason=f"Merge suggested ({suggestion.reason}) and confirmed",
                )
            except OrganizationMergeRefused as exc:
                self.message_user(request, str(exc), messages.ERROR)

    @admin.action(description="Reject: different organizations", permissions=["change"])
    def reject(self, request, queryset):
        done = reject_merge_suggestions(actor=request.user, suggestions=queryset)
        self.message_user(request, f"{done} suggestion(s) rejected.", messages.SUCCESS)


@admin.register(OrganizationMerge)
class OrganizationMergeAdmin(admin.ModelAdmin):
    list_display = ["merged_name", "kept", "reason", "actor", "created_at", "undone_at"]
    readonly_fields = ["kept", "merged_pk", "merged_name", "snapshot", "reason", "actor", "created_at", "undone_at"]

    def has_add_permission(self, request):
        return False


@admin.register(OrganizationListEntry)
class OrganizationListEntryAdmin(admin.ModelAdmin):
    list_display = ["key", "organization", "source", "licence", "loaded_at"]
    search_fields = ["key", "organization__name"]
    readonly_fields = ["key", "organization", "loaded", "source", "licence", "loaded_at"]

    def has_add_permission(self, request):
        return False
