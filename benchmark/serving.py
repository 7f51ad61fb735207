"""How the benchmark asks for pages: as production serves them to a reader, uncached, and counted."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.test import Client
from django.test.utils import override_settings


class QueryCounter:
    """Counts the queries run, whatever DEBUG says (the benchmark runs with it off)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def production_client() -> Client:
    """A test client asking as production's proxy forwards a reader's request: over HTTPS, said in the
    X-Forwarded-Proto header that the production settings trust (SECURE_PROXY_SSL_HEADER), so that
    with DEBUG off the HTTPS redirect (SECURE_SSL_REDIRECT) lets it through as it lets readers."""
    return Client(headers={"X-Forwarded-Proto": "https"})


def served_as() -> str:
    """The settings the pages were measured under, for the figures' notes."""
    ssl = "HTTPS redirect on" if settings.SECURE_SSL_REDIRECT else "no HTTPS redirect"
    proxy = "proxy header trusted" if settings.SECURE_PROXY_SSL_HEADER else "no proxy header"
    return f"asked over HTTPS as the proxy forwards; settings: {ssl}, {proxy}"


@contextmanager
def as_measured() -> Iterator[None]:
    """The test client as an anonymous reader the API's throttles never stop (they count in the cache),
    and every page rendered afresh: with CACHE_URL set, the public page cache would otherwise answer all
    renderings but the first, and the figures would be the cache's."""
    api = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None}}
    with override_settings(
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"], REST_FRAMEWORK=api, PAGE_CACHE_SECONDS=0
    ):
        yield
