"""The production way of serving (`make serve`): gunicorn with DEBUG off, static files by WhiteNoise.
Started here on a free loopback port against a scratch SQLite database, asked for the home page and
a static file, then stopped."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def production(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "a-test-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "SECURE_SSL_REDIRECT": "false",  # no TLS proxy in front of it here
        "CELERY_BROKER_URL": "",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
    }
    # What `make serve` does first, in one process to start Django once.
    prepare = "import django; django.setup(); from django.core.management import call_command as c; "
    prepare += "c('collectstatic', interactive=False, verbosity=0); c('migrate', interactive=False, verbosity=0)"
    env["DJANGO_SETTINGS_MODULE"] = "coi.settings"
    # Generous: collecting the static files (the API docs' assets among them) takes minutes on a busy machine.
    subprocess.run([sys.executable, "-c", prepare], cwd=ROOT, env=env, check=True, timeout=300)
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "gunicorn.conf.py", "coi.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.stderr.read().decode()) from None
                time.sleep(0.1)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed")
def test_gunicorn_serves_pages_and_whitenoise_serves_static_files_with_debug_off(production):
    status, headers, body = get(production + "/")
    assert status == 200
    assert b"<html" in body
    assert headers["X-Frame-Options"] == "DENY"

    status, headers, body = get(production + "/static/admin/css/base.css")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert b"body" in body

    status, _, _ = get(production + "/no-such-page/")
    assert status == 404


def test_make_serve_prepares_the_static_files_and_database_then_starts_gunicorn():
    """The README's production command exists and does what this module's server test does first."""
    made = subprocess.run(["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    planned = [line for line in made.splitlines() if " manage.py " in line or "gunicorn" in line]
    assert [line.split(" manage.py ")[-1] for line in planned[:2]] == [
        "collectstatic --no-input -v0",
        "migrate --no-input",
    ]
    assert planned[2].endswith("bin/gunicorn -c gunicorn.conf.py coi.wsgi")
