"""Who may use which part of the API, in the roles of registry/permissions.py."""

from rest_framework.permissions import BasePermission

from registry.permissions import is_auditor


class IsAuditor(BasePermission):
    """Findings are auditors' working data (superusers count as auditors)."""

    def has_permission(self, request, view) -> bool:
        return is_auditor(request.user)


class CanRecordDisclosures(BasePermission):
    """Editors hold registry.change_disclosure through their group; auditors only read."""

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.has_perm("registry.change_disclosure"))
