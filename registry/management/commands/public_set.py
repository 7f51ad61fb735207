"""manage.py public_set: check the public set the database keeps (registry/public_set.py) against the
data, and repair what drifted."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from registry import public_set


class Command(BaseCommand):
    help = (
        "Compare the flags the database keeps (public people and organizations, articles declaring ties) "
        "with the data; report and recompute the ones that disagree (and reinstall the triggers that keep "
        "them if any is missing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Report only; fail when anything drifted.")

    def handle(self, *args, check: bool, **options):
        if not public_set.installed():
            if check:
                raise CommandError("The triggers that keep the public set are missing; run without --check.")
            public_set.install()
            self.stdout.write("Reinstalled the triggers that keep the public set.")
        with transaction.atomic():
            found = public_set.drift() if check else public_set.repair()
        for kind, label, true, false in [
            ("person", "people", "shown though not public", "public but hidden"),
            ("organization", "organizations", "shown though not public", "public but hidden"),
            ("article", "articles", "marked as declaring ties though none is in force", "declaring ties unmarked"),
        ]:
            self.stdout.write(
                f"{label} {true}: {len(found.wrongly_true[kind])}, {false}: {len(found.wrongly_false[kind])}"
            )
        if not found.total:
            self.stdout.write("no drift")
        elif check:
            raise CommandError(f"{found.total} flags wrong; run manage.py public_set to repair them.")
        else:
            self.stdout.write(f"repaired {found.total}")
