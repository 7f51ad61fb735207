"""manage.py bench: the project's benchmark, on a scratch database it creates and removes."""

import json
import random
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from tqdm import tqdm

from benchmark.exports import export_figure
from benchmark.identity import linking_figures
from benchmark.measure import Figure, audit_figures, jats_figures, parser_figure, planted_scores, timed
from benchmark.pages import author_page_figure
from benchmark.payments import payments_figures
from benchmark.public_pages import public_page_figures
from benchmark.pubmed import pubmed_figures
from benchmark.pubmed_workers import worker_figures
from benchmark.reports import report_figure
from benchmark.scratch import scratch_database
from benchmark.synthetic import SCALES, Generator
from registry.models import Article, DeclaredInterest, Interest


class Command(BaseCommand):
    help = (
        "Generate a synthetic registry with planted conflicts on a scratch database and measure the "
        "figures of the design's performance targets. Never touches the configured database's data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="small")
        parser.add_argument("--json", type=Path, help="Also write the results to this file.")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--no-link-writes",
            action="store_true",
            help="Score person linking on a dry run only, without the whole-registry run that writes the links.",
        )
        parser.add_argument(
            "--only",
            choices=["linking", "pages", "payments", "pubmed", "statements"],
            help=(
                "Measure this alone: person linking (times, precision, recall) or each public page's median "
                "time and queries, on the generated registry; or PubMed parsing and import, or the Open Payments "
                "scan, store and DuckDB peer figures (into an empty registry, without generating one); or the "
                "statement parser's speed on one core (no database at all)."
            ),
        )

    def handle(self, *args, scale, seed, **options):
        # Measure as production runs: with DEBUG on, every query is also logged in memory.
        settings.DEBUG = False
        if options["only"] == "statements":
            # The parser reads no database: nothing to generate, no scratch database to make.
            figures = [parser_figure()]
            self.finish({"scale": scale, "database": connection.vendor, "figures": figures, "planted": {}}, options)
            return
        bar = tqdm(total=10, desc="Benchmark", unit="step", disable=options["verbosity"] == 0)
        with bar, scratch_database():
            if options["only"] == "pubmed":
                bar.set_postfix_str("parsing and importing PubMed")
                figures = pubmed_figures(scale)
                bar.set_postfix_str("importing PubMed on workers")
                figures.extend(worker_figures(scale))
                self.finish({"scale": scale, "database": connection.vendor, "figures": figures, "planted": {}}, options)
                return
            if options["only"] == "payments":
                bar.set_postfix_str("importing Open Payments")
                figures = payments_figures(scale)
                self.finish({"scale": scale, "database": connection.vendor, "figures": figures, "planted": {}}, options)
                return
            figures, planted = self.generate(SCALES[scale], seed, bar)
            if options["only"] == "linking":
                bar.set_postfix_str("linking people")
                figures.extend(linking_figures(planted.identities, seed=seed, write=not options["no_link_writes"]))
                bar.update(1)
                self.finish({"scale": scale, "database": connection.vendor, "figures": figures, "planted": {}}, options)
                return
            if options["only"] == "pages":
                bar.set_postfix_str("rendering the public pages")
                figures.extend(public_page_figures())
                bar.update(1)
                self.finish({"scale": scale, "database": connection.vendor, "figures": figures, "planted": {}}, options)
                return
            dois = random.Random(seed).sample(list(Article.objects.values_list("doi", flat=True)), 20)
            bar.set_postfix_str("auditing")
            audit, run = audit_figures(dois)
            figures.extend(audit)
            bar.update(1)
            scores = planted_scores(run, planted)
            bar.update(1)
            bar.set_postfix_str("making the audit report")
            figures.append(report_figure())
            bar.update(1)
            bar.set_postfix_str("importing JATS")
            figures.extend(jats_figures())
            bar.update(1)
            bar.set_postfix_str("parsing and importing PubMed")
            figures.extend(pubmed_figures(scale))
            bar.set_postfix_str("importing PubMed on workers")
            figures.extend(worker_figures(scale))
            bar.update(1)
            bar.set_postfix_str("parsing statements")
            figures.append(parser_figure())
            bar.update(1)
            bar.set_postfix_str("exporting findings")
            figures.append(export_figure())
            bar.update(1)
            bar.set_postfix_str("importing Open Payments")
            figures.extend(payments_figures(scale))
            bar.update(1)
            bar.set_postfix_str("rendering the public pages")
            figures.extend(public_page_figures())
            bar.set_postfix_str("rendering an author page")
            figures.append(author_page_figure())
            bar.update(1)
            bar.set_postfix_str("linking people")
            figures.extend(linking_figures(planted.identities, seed=seed, write=not options["no_link_writes"]))
            bar.update(1)
        self.finish({"scale": scale, "database": connection.vendor, "figures": figures, "planted": scores}, options)

    def finish(self, result: dict, options) -> None:
        result["figures"] = [figure.as_dict() for figure in result["figures"]]
        self.print_table(result)
        if options["json"]:
            options["json"].write_text(json.dumps(result, indent=2), encoding="utf-8")
            self.stdout.write(f"Wrote {options['json']}")

    def generate(self, spec, seed: int, bar) -> tuple[list[Figure], object]:
        generator = Generator(spec, seed=seed, progress=bar.set_postfix_str)
        seconds, planted = timed(generator.generate)
        note = (
            f"{Article.objects.count()} articles, {Interest.objects.count()} interests, "
            f"{DeclaredInterest.objects.count()} declarations"
        )
        bar.update(1)
        return [Figure("synthetic registry generation", seconds, "s", note=note)], planted

    def print_table(self, result: dict) -> None:
        self.stdout.write(f"Benchmark at scale {result['scale']} on {result['database']}")
        self.stdout.write(f"{'figure':38} {'value':>14} {'target':>10}  met")
        for figure in result["figures"]:
            target = "—" if figure["target"] is None else f"{figure['target']:g}"
            met = {True: "yes", False: f"no, {figure['gap']}", None: ""}[figure["met"]]
            value = f"{figure['value']:.2f} {figure['unit']}"
            self.stdout.write(f"{figure['name']:38} {value:>14} {target:>10}  {met}")
            if figure["note"]:
                self.stdout.write(f"{'':38} {figure['note']}")
        header = f"{'planted conflicts by rule':38} {'planted':>8} {'found':>6} {'precision':>10} {'recall':>7}"
        self.stdout.write(header)
        for rule, s in result["planted"].items():
            self.stdout.write(
                f"{rule:38} {s['planted']:>8} {s['found']:>6} {s['precision']:>10.2f} {s['recall']:>7.2f}"
            )
