"""manage.py create_demo_users: local editor and auditor accounts for trying the registry out."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from registry.permissions import AUDITORS, EDITORS, ensure_role_groups

DEMO_ACCOUNTS = [
    ("editor", "editor-demo-2026", EDITORS),
    ("auditor", "auditor-demo-2026", AUDITORS),
]


class Command(BaseCommand):
    help = "Create (or reset) the local demo editor and auditor accounts. Refused unless DEBUG is on."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for local use only; DEBUG is off.")
        ensure_role_groups()
        users = get_user_model()
        for username, password, group_name in DEMO_ACCOUNTS:
            user, _ = users.objects.get_or_create(username=username)
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(f"Demo {group_name[:-1].lower()} login: {username} / {password}")
