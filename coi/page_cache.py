"""A shared cache of whole public pages for anonymous readers (PAGE_CACHE_SECONDS, with CACHE_URL's Redis).

A cached page is stored under the registry's current *generation*, a counter in the cache that every
committed write to a table of the registry or the audits bumps, so the next read after a write renders
afresh. Writes are seen where every one of them passes, the database connection (a wrapper on each
connection's queries), which catches what model signals miss: bulk_create, QuerySet.update and delete,
and the raw SQL of the importers, bulk merges and person linking.

Only a GET without a session cookie or an Authorization header is served from or stored in the cache:
a logged-in editor or an API token holder never gets a cached page, and their pages (which may hold
drafts) are never stored. A response that sets a cookie is not stored either.
"""

import re
import time
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

GENERATION_KEY = "page-cache:generation"
# The pages every anonymous reader sees alike (URL names).
PUBLIC_PAGES = frozenset(
    {
        "home",
        "search",
        "person",
        "article",
        "organization",
        "api:article-list",
        "api:article-detail",
        "api:person-list",
        "api:person-detail",
        "api:organization-list",
        "api:organization-detail",
    }
)
WATCHED_APPS = ("registry", "audits")
# Tables written often that no public page shows: a running audit stamps its run every few seconds,
# and bumping the generation each time would empty the cache all through an audit. The API's stored JSON
# is written by the list page that reads it (a copy of what the other tables hold, which its writers
# changed, and bumped for, first).
UNWATCHED_MODELS = ("audits.AuditRun", "registry.ArticleJson")
# A COPY writes when it copies into a table (FROM); COPY … TO reads.
WRITE = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?"
    r'|COPY(?=\s+"?\w+"?\s*(?:\([^)]*\))?\s*FROM\b))\s+"?(\w+)',
    re.I,
)


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def generation() -> int:
    """The registry's current generation; a new, unique one if the cache lost it (so nothing older is served)."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        current = cache.get(GENERATION_KEY)
    return current


def bump_generation() -> None:
    """Make every cached page stale: called once a write to the registry or the audits is committed."""
    if enabled():
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        cache.incr(GENERATION_KEY)


# --- seeing writes -------------------------------------------------------------------------------


def watched_tables() -> frozenset[str]:
    unwatched = {apps.get_model(label)._meta.db_table for label in UNWATCHED_MODELS}
    return frozenset(
        model._meta.db_table
        for app in WATCHED_APPS
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
        if model._meta.db_table not in unwatched
    )


class WriteWatcher:
    """A query wrapper on a database connection: after the commit of a transaction that wrote to a
    watched table (or at once, outside a transaction), bumps the generation, once per transaction."""

    def __init__(self, connection):
        self.connection = connection
        self.tables: frozenset[str] | None = None  # read from the app registry at the first write

    def __call__(self, execute: Callable, sql: str, params, many: bool, context):
        result = execute(sql, params, many, context)
        match = WRITE.match(sql)
        if match and enabled() and match.group(1).lower() in self.watched() and not self._bump_pending():
            transaction.on_commit(bump_generation, using=self.connection.alias)
        return result

    def watched(self) -> frozenset[str]:
        if self.tables is None:
            self.tables = watched_tables()
        return self.tables

    def _bump_pending(self) -> bool:
        return self.connection.in_atomic_block and any(
            entry[1] is bump_generation for entry in self.connection.run_on_commit
        )


def watch_writes(sender, connection, **kwargs) -> None:
    """connection_created receiver: put a WriteWatcher on the connection (once)."""
    if not any(isinstance(wrapper, WriteWatcher) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.append(WriteWatcher(connection))


# --- serving pages -------------------------------------------------------------------------------


class PublicPageCacheMiddleware:
    """Serves anonymous GETs of public pages from the shared cache and stores what it renders for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not (enabled() and _cacheable_request(request)):
            return self.get_response(request)
        key = f"page-cache:{generation()}:{_request_key(request)}"
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _storable(response):
            stored = (response.status_code, dict(response.items()), response.content)
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in PUBLIC_PAGES


def _request_key(request: HttpRequest) -> str:
    # The API chooses JSON or its browsable HTML by the Accept header; pages name their own address.
    accept = request.headers.get("Accept", "") if request.path_info.startswith("/api/") else ""
    return f"{request.get_host()}|{request.get_full_path()}|{accept}"


def _storable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.cookies
        and not getattr(response, "streaming", False)
        and "private" not in response.get("Cache-Control", "")
    )
