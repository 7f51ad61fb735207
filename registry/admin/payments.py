"""Admin for register payments (CMS Open Payments): a read-only list editors and auditors search
and filter; never shown to the public."""

from django.contrib import admin

from registry.admin.imports import RoleAdmin
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

    @admin.display(description="recipient", ordering="last_name")
    def recipient(self, obj: PaymentRecord) -> str:
        return " ".join(part for part in (obj.first_name, obj.middle_name, obj.last_name) if part) or "—"
