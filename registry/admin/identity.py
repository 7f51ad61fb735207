"""Admin for person links: why two records were judged one person (each piece of evidence and its
weight), and undoing a link."""

from django.contrib import admin, messages

from registry.admin.evidence import evidence_table
from registry.admin.imports import RoleAdmin, can_edit_people
from registry.enums import LinkStatus
from registry.merges import MergeRefused, unlink_people
from registry.models import PersonLink


@admin.register(PersonLink)
class PersonLinkAdmin(RoleAdmin):
    list_display = ["merged_name", "merged_person_id", "kept", "method", "status", "score", "created_at"]
    list_filter = ["status", "method"]
    search_fields = ["merged_name", "kept__name"]
    list_select_related = ["kept"]
    readonly_fields = [f.name for f in PersonLink._meta.fields if f.name != "evidence"] + ["evidence_shown"]
    exclude = ["evidence"]
    actions = ["unlink"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return can_edit_people(request.user)

    @admin.display(description="evidence")
    def evidence_shown(self, obj: PersonLink):
        return evidence_table(obj.evidence, obj.score)

    @admin.action(description="Unlink: two people (restores the merged record)", permissions=["change"])
    def unlink(self, request, queryset):
        done = 0
        for link in queryset.filter(status=LinkStatus.LINKED):
            try:
                unlink_people(actor=request.user, link=link, reason="Unlinked in the admin")
                done += 1
            except MergeRefused as exc:
                self.message_user(request, f"{link}: {exc}", messages.ERROR)
        self.message_user(request, f"{done} link(s) undone.", messages.SUCCESS)
