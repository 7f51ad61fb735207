"""Roles: public readers, editors (write the registry), auditors (read all, review, export), admins.

Roles are Django groups whose model permissions are kept by `ensure_role_groups()`.
"""

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.db.models import Q

EDITORS = "Editors"
AUDITORS = "Auditors"

# Registry models editors maintain in full (add, change, delete, view).
EDITOR_MODELS = (
    "person",
    "personname",
    "affiliation",
    "organization",
    "organizationalias",
    "topic",
    "topicsynonym",
    "article",
    "articlefunding",
    "authorship",
    "editorialrole",
    "disclosure",
    "interest",
    "declaredinterest",
    "importrecord",
    "organizationidentifier",
    "personmatch",
)

# Queues editors work but whose rows only the system creates or deletes: change (decide, unlink) and view.
EDITOR_QUEUES = ("personlink", "organizationmergesuggestion")


# What auditors may do beyond reading everything.
AUDITOR_ACTIONS = ("run_audit", "review_finding", "export_findings", "add_findingreview")


def in_group(user, name: str) -> bool:
    """Whether the user holds the role; asked once per user object (a request's user), like its permissions."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    known = user.__dict__.setdefault("_role_cache", {})
    if name not in known:
        known[name] = user.groups.filter(name=name).exists()
    return known[name]


def is_editor(user) -> bool:
    return in_group(user, EDITORS)


def is_auditor(user) -> bool:
    return in_group(user, AUDITORS)


def can_read_unpublished(user) -> bool:
    """Editors and auditors see drafts and private fields; the public sees published records only."""
    return is_editor(user) or is_auditor(user)


def ensure_role_groups() -> None:
    """Create the role groups with their permissions; safe to call after every migrate."""
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    auditors, _ = Group.objects.get_or_create(name=AUDITORS)
    registry_perms = Permission.objects.filter(content_type__app_label="registry")
    view_all = Permission.objects.filter(
        Q(content_type__app_label__in=["registry", "audits"]) & Q(codename__startswith="view_")
    )
    # Editors see what the audits say about their records, but neither run audits nor review.
    queue_perms = registry_perms.filter(content_type__model__in=EDITOR_QUEUES, codename__startswith="change_")
    editors.permissions.add(*registry_perms.filter(content_type__model__in=EDITOR_MODELS), *queue_perms, *view_all)
    auditor_actions = Permission.objects.filter(content_type__app_label="audits", codename__in=AUDITOR_ACTIONS)
    auditors.permissions.add(*view_all, *auditor_actions)
