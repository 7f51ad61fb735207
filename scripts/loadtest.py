"""A bounded load test of a running registry on this machine (loopback only), with a published mix.

    python scripts/loadtest.py prepare [--scale large]   # DATABASE_URL: a scratch database to fill
    python scripts/loadtest.py audit                     # a full audit on the Celery worker, to load beside
    python scripts/loadtest.py run --base-url http://127.0.0.1:8000 --duration 25 --concurrency 16

`prepare` fills the database of DATABASE_URL with the benchmark's synthetic registry (`small`: 1,000
articles, 2,500 people, audited once so that the auditor's list has findings; `medium` or `large`: not
audited, that takes long, run `audit`), and prints an auditor's API token. `audit` submits a full audit
of that registry to the worker of CELERY_BROKER_URL and returns at once: the load the targets are
measured under. `run` sends the mix below for DURATION
seconds from CONCURRENCY clients and reports requests per second, p50/p95/p99 latencies and errors,
overall and per kind. The server must allow the rate: start it with API_THROTTLE_ANON and
API_THROTTLE_USER raised (e.g. 1000000/minute), or the API answers 429, which counts as an error.
"""

import argparse
import asyncio
import ipaddress
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

# What a visitor does, by weight: readers' pages, search, the public API's lists, an auditor's findings.
MIX = {
    "author page": 25,
    "article page": 25,
    "search": 15,
    "API list": 25,
    "auditor findings": 10,
}
MAX_DURATION = 120


def setup_django() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coi.settings")
    import django

    django.setup()


def prepare(scale: str = "small") -> None:
    setup_django()
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    from audits.scope import AuditScope
    from audits.services import run_audit
    from benchmark.synthetic import SCALES, Generator
    from registry.models import Article
    from registry.permissions import AUDITORS, ensure_role_groups

    call_command("migrate", interactive=False, verbosity=0)
    if not Article.objects.exists():
        Generator(SCALES[scale]).generate()  # writes the rows too
        if scale == "small":
            run_audit(actor=None, scope=AuditScope())
    ensure_role_groups()
    from django.contrib.auth.models import Group, User

    auditor, _ = User.objects.get_or_create(username="loadtest-auditor", defaults={"is_staff": True})
    auditor.groups.add(Group.objects.get(name=AUDITORS))
    print(Token.objects.get_or_create(user=auditor)[0].key)


def submit_audit() -> None:
    setup_django()
    from django.conf import settings

    from audits.dispatch import submit_run
    from audits.scope import AuditScope

    if not settings.CELERY_BROKER_URL:
        raise SystemExit("Set CELERY_BROKER_URL (and start `make worker`): the audit must run on a worker.")
    run = submit_run(actor=None, scope=AuditScope())
    print(f"Audit run {run.pk} submitted to the worker")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


async def targets(client, token: str) -> dict[str, list[tuple[str, dict]]]:
    """URLs of each kind, from the public API (one page of people and articles is plenty)."""
    people = (await client.get("/api/people/")).json()["results"]
    articles = (await client.get("/api/articles/")).json()["results"]
    words = [person["name"].split()[-1] for person in people[:20]]
    auth = {"Authorization": f"Token {token}"}
    return {
        "author page": [(f"/people/{p['id']}/", {}) for p in people],
        "article page": [(f"/articles/{a['doi']}/" if a["doi"] else f"/articles/{a['id']}/", {}) for a in articles],
        "search": [(f"/search/?q={word}", {}) for word in words],
        "API list": [("/api/articles/", {}), ("/api/people/", {}), ("/api/organizations/", {})],
        "auditor findings": [("/api/findings/", auth), ("/api/findings/?severity=high", auth)],
    }


async def client_loop(client, urls, deadline: float, results) -> None:
    kinds, weights = list(MIX), list(MIX.values())
    while time.monotonic() < deadline:
        kind = random.choices(kinds, weights)[0]
        url, headers = random.choice(urls[kind])
        started = time.perf_counter()
        try:
            response = await client.get(url, headers=headers)
            ok = response.status_code == 200
        except Exception:  # a refused or timed-out request is an error of the run, not of the script
            ok = False
        results[kind].append((time.perf_counter() - started, ok))


async def run(base_url: str, duration: float, concurrency: int, token: str) -> dict:
    import httpx

    host = urlsplit(base_url).hostname or ""
    if host != "localhost" and not ipaddress.ip_address(host).is_loopback:
        raise SystemExit(f"{base_url}: the load test runs against this machine only (127.0.0.1)")
    duration = min(duration, MAX_DURATION)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as client:
        urls = await targets(client, token)
        results: dict[str, list[tuple[float, bool]]] = defaultdict(list)
        started = time.monotonic()
        deadline = started + duration
        await asyncio.gather(*(client_loop(client, urls, deadline, results) for _ in range(concurrency)))
        elapsed = time.monotonic() - started
    return report(results, elapsed, concurrency)


def summary(samples: list[tuple[float, bool]], elapsed: float) -> dict:
    times = [seconds * 1000 for seconds, _ in samples]
    return {
        "requests": len(samples),
        "per_second": round(len(samples) / elapsed, 1),
        "p50_ms": round(percentile(times, 0.50), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "p99_ms": round(percentile(times, 0.99), 1),
        "mean_ms": round(statistics.fmean(times), 1) if times else 0.0,
        "errors": sum(1 for _, ok in samples if not ok),
    }


def report(results, elapsed: float, concurrency: int) -> dict:
    every = [sample for samples in results.values() for sample in samples]
    return {
        "seconds": round(elapsed, 1),
        "concurrency": concurrency,
        "mix": MIX,
        "all": summary(every, elapsed),
        "by_kind": {kind: summary(results[kind], elapsed) for kind in MIX},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("prepare").add_argument("--scale", choices=["small", "medium", "large"], default="small")
    commands.add_parser("audit")
    load = commands.add_parser("run")
    load.add_argument("--base-url", default="http://127.0.0.1:8000")
    load.add_argument("--duration", type=float, default=25)
    load.add_argument("--concurrency", type=int, default=16)
    load.add_argument("--token", default=os.environ.get("LOADTEST_TOKEN", ""), help="an auditor's API token")
    options = parser.parse_args()
    if options.command == "prepare":
        prepare(options.scale)
        return
    if options.command == "audit":
        submit_audit()
        return
    print(
        json.dumps(asyncio.run(run(options.base_url, options.duration, options.concurrency, options.token)), indent=2)
    )


if __name__ == "__main__":
    main()
