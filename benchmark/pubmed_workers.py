"""Two Celery workers against one: the same number of generated PubMed files imported by a real worker
process (`celery worker`, Redis on 127.0.0.1:6379) with one process, then with two, into the scratch
registry. The figure is the second rate over the first (target ≥ 1.7).

The worker's queues are this benchmark's own (a key prefix with this process's id), so that no other
worker on the same Redis takes its tasks. Measured on PostgreSQL only: SQLite takes one writer at a time.
The files share their topics and organizations with the PubMed import figure's file, imported before:
two files that create the same new topic would wait for each other's commit (docs/performance.md).
"""

import os
import secrets
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from celery import current_app as app
from django.conf import settings
from django.db import connection

from benchmark.measure import Figure
from benchmark.pubmed import write_pubmed_file
from registry.importers.pubmed.dispatch import import_pubmed_paths

BROKER = "redis://127.0.0.1:6379/14"
# (files, records a file) a scale; each worker run imports its own files (new PMIDs and people).
FILES = {"small": (4, 150), "medium": (4, 1000), "large": (8, 2000)}
READY_SECONDS = 60


def worker_figures(scale: str) -> list[Figure]:
    name = "PubMed import, two workers against one"
    if connection.vendor != "postgresql":
        return [Figure(name, 0.0, "x", note="not measured on SQLite, which takes one writer at a time")]
    if not _redis_answers():
        return [Figure(name, 0.0, "x", note=f"not measured: no Redis at {BROKER}")]
    files, records = FILES[scale]
    rates = []
    with tempfile.TemporaryDirectory(prefix="coi-bench-workers-") as folder:
        for run, processes in enumerate((1, 2)):
            paths = []
            for n in range(files):
                path = Path(folder) / f"pubmed98n{run}{n:03d}.xml.gz"
                # Numbered on from the PubMed import figure's records, each file its own citations and people.
                write_pubmed_file(path, records, first=1_000_000 + (run * files + n) * records)
                paths.append(path)
            try:
                with _worker(processes):
                    summary = import_pubmed_paths(paths, workers=True)
            except RuntimeError as exc:  # the worker did not start: say so, and measure the rest
                return [Figure(name, 0.0, "x", note=f"not measured: {exc}")]
            if summary.failures:
                return [Figure(name, 0.0, "x", note=f"{len(summary.failures)} file(s) refused: {summary.failures[0]}")]
            rates.append(summary.records / summary.seconds)
    return [
        Figure(
            name,
            rates[1] / rates[0],
            "x",
            target=1.7,
            note=(
                f"{files} files of {records} records: one worker {rates[0]:.0f} records/s, "
                f"two {rates[1]:.0f} records/s (load {os.getloadavg()[0]:.1f})"
            ),
        )
    ]


def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


@contextmanager
def _worker(processes: int):
    """A `celery worker` process with `processes` pool processes on the scratch database and this
    benchmark's own queues, ready when entered; stopped after."""
    prefix = f"coi-bench-{os.getpid()}:"
    env = {**os.environ, "DATABASE_URL": _database_url(), "CELERY_BROKER_URL": BROKER, "CELERY_KEY_PREFIX": prefix}
    # As production runs (the bench turns DEBUG off in its own process: no query kept in memory).
    env.update(DEBUG="false", SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50))
    command = [sys.executable, "-m", "celery", "-A", "coi", "worker"]
    command += ["--pool=prefork", f"--concurrency={processes}", "--loglevel=WARNING", f"--hostname=bench{processes}@%h"]
    saved = (settings.CELERY_BROKER_URL, app.conf.broker_url, app.conf.broker_transport_options)
    settings.CELERY_BROKER_URL = app.conf.broker_url = BROKER
    app.conf.broker_transport_options = {"global_keyprefix": prefix}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_ready(app, f"bench{processes}@", process, log)
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            settings.CELERY_BROKER_URL, app.conf.broker_url, app.conf.broker_transport_options = saved


def _wait_ready(app, hostname: str, process: subprocess.Popen, log) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            said = log.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"The benchmark's worker stopped at start (exit code {process.returncode}):\n{said}")
        replies = app.control.ping(timeout=1.0)
        if any(name.startswith(hostname) for reply in replies for name in reply):
            return
    raise RuntimeError("The benchmark's Celery worker did not answer in time.")


def _database_url() -> str:
    """The scratch database, as a URL for the worker's settings."""
    config = connection.settings_dict
    user = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
    host = config["HOST"] or "localhost"
    port = f":{config['PORT']}" if config["PORT"] else ""
    return f"postgres://{user}@{host}{port}/{config['NAME']}"
