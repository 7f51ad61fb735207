"""Admin for register payments (CMS Open Payments): a read-only list editors and auditors search
and filter; never shown to the public. Editors confirm or reject a record's match to a person (two
actions on the list); a re-import keeps their decision."""

from django.contrib import admin, messages

from registry.admin.imports import RoleAdmin, can_edit_people
from registry.enums import PaymentMatchStatus
from registry.models import PaymentRecord


@admin.register(PaymentRecord)
class PaymentRecordAdmin(RoleAdmin):
    # Registers run to millions of rows: one COUNT over the filtered rows, none over the table.
    show_full_result_count = False
    list_display = [
        "record_id",
        "kind",
        "payment_date",
        "recipient",
        "payer_name",
        "amount",
        "nature",
        "person",
        "match_method",
        "match_confidence",
    ]
    list_filter = ["kind", "match_status", "match_method", "program_year"]
    search_fields = ["=record_id", "last_name", "payer_name", "=npi", "=profile_id"]
    list_select_related = ["person"]
    date_hierarchy = "payment_date"
    readonly_fields = [field.name for field in PaymentRecord._meta.fields]
    actions = ["confirm_match", "reject_match"]

    def has_decide_permission(self, request) -> bool:
        return can_edit_people(request.user)

    @admin.action(description="Confirm the match to this person", permissions=["decide"])
    def confirm_match(self, request, queryset):
        confirmed = queryset.filter(person__isnull=False).update(
            match_status=PaymentMatchStatus.CONFIRMED, match_confidence=1.0, match_reason="Confirmed by an editor"
        )
        self.message_user(request, f"{confirmed} match(es) confirmed; a record without a person has none to confirm.")

    @admin.action(description="Reject the match: not this person", permissions=["decide"])
    def reject_match(self, request, queryset):
        rejected = queryset.update(
            person=None,
            match_status=PaymentMatchStatus.REJECTED,
            match_method="",
            match_confidence=None,
            match_reason="Rejected by an editor",
        )
        self.message_user(request, f"{rejected} match(es) rejected.", messages.SUCCESS)

    @admin.display(description="recipient", ordering="last_name")
    def recipient(self, obj: PaymentRecord) -> str:
        return " ".join(part for part in (obj.first_name, obj.middle_name, obj.last_name) if part) or "—"
