"""Load or update the maintained list of organizations (fixtures/organizations/organizations.jsonl)."""

from django.core.management.base import BaseCommand, CommandError

from registry.identity.organization_list import DEFAULT_LIST, ListError, load_organization_list


class Command(BaseCommand):
    help = "Load the maintained list of organizations; reloading never overwrites an editor's change."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_LIST), help="A list in the fixtures' format.")

    def handle(self, *args, **options):
        try:
            summary = load_organization_list(actor=None, path=options["file"])
        except (ListError, OSError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(summary.line())
        for kept in summary.kept:
            self.stdout.write(f"  kept as an editor left it: {kept}")
