import pytest
from rest_framework.test import APIClient


@pytest.fixture
def editor_user(db):
    from tests import factories  # imported here: pure tests (the parser's) run without Django models

    return factories.editor(username="editor")


@pytest.fixture
def auditor_user(db):
    from tests import factories

    return factories.auditor(username="auditor")


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture(autouse=True)
def _fresh_throttle_counters():
    """The API's throttles count requests in the cache: each test starts from zero, so that no test
    is throttled for the requests of the tests before it."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Tests write and read inside one transaction, whose commit (which makes cached pages stale) never
    comes: the page cache stays off even where CACHE_URL is set (tests/coi/test_page_cache.py turns it on)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Django's default hasher spends about 0.4 s of CPU on each password it sets or checks, by design;
    the tests set one for every account their factories make and check one at each login, which came to
    a large share of the suite's time. One MD5 round checks the same things here (right and wrong
    passwords, lockouts); production keeps Django's default (PASSWORD_HASHERS is not set in settings)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def open_payments_folder(settings, tmp_path_factory):
    """Each test's Open Payments Parquet files in a folder of its own, never the project's."""
    settings.OPEN_PAYMENTS_FOLDER = tmp_path_factory.mktemp("open_payments")
    return settings.OPEN_PAYMENTS_FOLDER


@pytest.fixture(autouse=True)
def _public_set_at_each_statement(request):
    """On PostgreSQL the flags of the public set are refreshed at commit, which a test's transaction never
    reaches: tests that read them as they write get them refreshed at every statement instead
    (tests/registry/test_public_set.py checks the refresh at commit too)."""
    if "_django_db_helper" not in request.fixturenames:
        return
    request.getfixturevalue("_django_db_helper")
    from django.db import connection

    from registry import public_set

    if connection.in_atomic_block:
        public_set.refresh_at_each_statement(connection)


@pytest.fixture
def celery_worker(settings):
    """A real Celery worker, in a thread of this process, against Redis (the tests' database 15).

    Its queues are this process's own (a key prefix with the process id): the suite runs in several
    processes at once (pytest-xdist), and a worker must never take a task another process sent, whose
    run or import record is in that process's test database."""
    import os

    from celery.contrib.testing.worker import start_worker

    from coi.celery import app

    broker = "redis://127.0.0.1:6379/15"
    settings.CELERY_BROKER_URL = broker
    app.conf.broker_url = broker
    app.conf.broker_transport_options = {"global_keyprefix": f"coi-tests-{os.getpid()}:"}
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield
    app.conf.broker_url = ""
