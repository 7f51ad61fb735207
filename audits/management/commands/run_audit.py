"""manage.py run_audit: audit the registry, or narrow it to an article, a person or recent articles."""

import json
from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from audits.scope import ScopeError, build_scope
from audits.services import AuditAlreadyRunning, run_audit


def parse_parameter(text: str) -> tuple[str | None, str, str]:
    """'window_months=24' or 'UNDISCLOSED_INTEREST.window_months=24'."""
    if "=" not in text:
        raise CommandError(f"--param {text!r}: expected NAME=VALUE or RULE.NAME=VALUE")
    name, value = text.split("=", 1)
    rule, _, name = name.rpartition(".")
    return rule or None, name.strip(), value.strip()


class Command(BaseCommand):
    help = "Run the audit rules over the registry (or a narrower scope) and record the findings."

    def add_arguments(self, parser):
        parser.add_argument("--article", help="DOI of one article to audit.")
        parser.add_argument("--person", help="ORCID iD or id of a person whose articles to audit.")
        parser.add_argument("--since", type=date.fromisoformat, help="Only articles dated on or after (YYYY-MM-DD).")
        parser.add_argument("--rules", help="Comma-separated rule codes (default: every rule).")
        parser.add_argument(
            "--param",
            action="append",
            default=[],
            help="Rule parameter, NAME=VALUE (every rule taking it) or RULE.NAME=VALUE; repeatable.",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        parameters: dict = {}
        for text in options["param"]:
            rule, name, value = parse_parameter(text)
            (parameters.setdefault(rule, {}) if rule else parameters)[name] = value
        rules = [code.strip() for code in options["rules"].split(",")] if options["rules"] else None
        try:
            scope = build_scope(article=options["article"], person=options["person"], since=options["since"])
            bar = None if options["no_progress"] else tqdm(total=100, desc="Auditing", unit="%", leave=False)
            run = run_audit(
                actor=None,
                scope=scope,
                rule_codes=rules,
                parameters=parameters,
                progress=(lambda percent: bar.update(percent - bar.n)) if bar else None,
            )
        except (ScopeError, ValidationError, ValueError, AuditAlreadyRunning) as exc:
            message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(message) from exc
        finally:
            if options.get("no_progress") is False and "bar" in locals() and bar is not None:
                bar.close()
        self.stdout.write(
            f"Audit run {run.pk} over {scope.label}: {run.counts['total']} findings "
            f"({run.counts['new']} new, {run.counts['resolved']} resolved) in {run.duration_seconds:.2f} s"
        )
        self.stdout.write(json.dumps({"by_rule": run.counts["by_rule"], "by_severity": run.counts["by_severity"]}))
