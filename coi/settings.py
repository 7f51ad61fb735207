"""Project settings: one module, configured from typed environment variables.

Zero configuration gives a local SQLite registry with DEBUG on; production sets
SECRET_KEY, DEBUG=false, ALLOWED_HOSTS and DATABASE_URL (PostgreSQL).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true or false)")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer") from exc


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")
    # Local development only: a fixed, obviously insecure key that production refuses.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "axes",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc served from static files, no CDN
    "registry",
    "audits",
    "benchmark",
    "coi",  # the public page cache's watch on writes (coi/page_cache.py)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from the web process, compressed and cached for good (no separate server).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware's redirects; before the user is read: a cached page needs neither user nor CSRF token.
    "coi.page_cache.PublicPageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its 429 response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coi.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "coi.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Connections are kept for a minute: opening one to PostgreSQL took 5-25 ms on the project's
        # machines, more than a public page's queries; checked before reuse, so a restarted server is
        # only a reconnect. DB_CONN_MAX_AGE=0 opens one per request.
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The reader search's typo tolerance (registry/reader/fuzzy.py, TRIGRAM_THRESHOLD): pg_trgm's `%>`
    # operator, which its indexes serve, compares with this setting.
    #
    # random_page_cost: PostgreSQL's default (4) prices a read by index as if from a spinning disk, so
    # the planner hashed every authorship or declaration to check a few thousand rows' visibility
    # (0.6 s for a misspelt name's candidates at the large scale, 0.16 s by index at 1.1, the usual
    # figure for SSDs and data in memory). PG_RANDOM_PAGE_COST overrides it.
    random_page_cost = os.environ.get("PG_RANDOM_PAGE_COST", "1.1")
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c pg_trgm.word_similarity_threshold=0.3 -c random_page_cost={float(random_page_cost)}"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while an import or audit writes; a busy timeout instead of
    # "database is locked" errors when two writers meet.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # In production (`make serve` runs collectstatic) file names carry their hash, so browsers may
    # cache them for ever; while developing, files are served as they are.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# WhiteNoise's own default (look for files at each request while developing, index the collected
# STATIC_ROOT once in production), fixed from the environment's DEBUG: the test runner turns
# settings.DEBUG off at run time, and every test's middleware would then warn that STATIC_ROOT,
# which only `make serve` collects, is missing.
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads (statements pasted, files imported through the admin) are size-limited.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)

# Imported spreadsheets (import_disclosures, the admin's upload) are refused past these limits before
# they are read: a 1 MB XLSX can expand to millions of rows (registry/importers/formats/sheet_limits.py).
IMPORT_SHEET_MAX_ROWS = env_int("IMPORT_SHEET_MAX_ROWS", 50_000)
IMPORT_SHEET_MAX_COLUMNS = env_int("IMPORT_SHEET_MAX_COLUMNS", 50)
IMPORT_SHEET_MAX_CELL_CHARS = env_int("IMPORT_SHEET_MAX_CELL_CHARS", 20_000)
IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES = env_int("IMPORT_XLSX_MAX_UNCOMPRESSED_BYTES", 100 * 1024 * 1024)
# Open Payments: every row of an imported file is kept, as Parquet in this folder, for totals and for
# matching people added later; the database holds in full only the rows matched (or possibly matched)
# to someone, unless OPEN_PAYMENTS_STORE_ALL=true (or `import_open_payments --all-rows`).
OPEN_PAYMENTS_FOLDER = Path(os.environ.get("OPEN_PAYMENTS_FOLDER", BASE_DIR / "open_payments"))
OPEN_PAYMENTS_STORE_ALL = env_bool("OPEN_PAYMENTS_STORE_ALL", False)

LOGIN_URL = "admin:login"

# Repeated failed logins lock out that username from that address for a while (django-axes); the
# first backend only watches attempts, the second one logs people in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# Counters of the API's throttles and of nothing else yet; shared by every web worker when
# CACHE_URL names a Redis database (redis://127.0.0.1:6379/1), kept per process otherwise.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Anonymous readers' public pages (home, search, article, author, organization, the public API) are
# served whole from the shared cache for this many seconds, or until the next write to the registry or
# the audits (coi/page_cache.py). Only with CACHE_URL: a cache per process would miss other processes' writes.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300) if CACHE_URL else 0

# The JSON API (registry/api/): the public reads published records; editors write with a token.
REST_FRAMEWORK = {
    # Token first: an unauthenticated API call gets 401 with "WWW-Authenticate: Token", not a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # DRF's JSON written by orjson (the same bytes, several times faster); the browsable API for browsers.
    "DEFAULT_RENDERER_CLASSES": [
        "registry.api.renderers.FastJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "registry.api.pagination.RegistryPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "registry.api.schema.RegistryAutoSchema",
    # Requests per client past which the API answers 429: by address for the public, by account for tokens.
    "DEFAULT_THROTTLE_CLASSES": [
        "registry.api.throttling.PublicRateThrottle",
        "registry.api.throttling.AccountRateThrottle",
    ],
    # The client's address is REMOTE_ADDR, or the one that many proxies in front of the app saw.
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/minute"),
        "user": os.environ.get("API_THROTTLE_USER", "1200/minute"),
    },
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Conflict-of-interest registry API",
    "DESCRIPTION": "Published articles, their authors' disclosures and declared interests; findings for auditors; "
    "disclosures recorded by editors.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Articles and disclosures both have a "status": name their choice sets apart.
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "registry.enums.ArticleStatus",
        "DisclosureStatusEnum": "registry.enums.DisclosureStatus",
    },
}

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    X_FRAME_OPTIONS = "DENY"

# A record's history is read and exported, never used to overwrite the record.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Background work: with a broker (e.g. redis://127.0.0.1:6379/0) full audits run on Celery workers
# (`make worker`); without one they run in the process that starts them.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# CELERY_KEY_PREFIX: the queues under keys of their own, for workers sharing a Redis with others
# (the benchmark's workers do).
if os.environ.get("CELERY_KEY_PREFIX"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"global_keyprefix": os.environ["CELERY_KEY_PREFIX"]}

# A running audit's process stamps the run every AUDIT_HEARTBEAT_SECONDS; a run without a stamp for
# AUDIT_STALE_AFTER_SECONDS is taken for dead and marked failed, so that a new one may start. A run no
# worker has taken (queued behind others) is given AUDIT_PENDING_STALE_AFTER_SECONDS.
AUDIT_HEARTBEAT_SECONDS = env_int("AUDIT_HEARTBEAT_SECONDS", 10)
AUDIT_STALE_AFTER_SECONDS = env_int("AUDIT_STALE_AFTER_SECONDS", 60)
AUDIT_PENDING_STALE_AFTER_SECONDS = env_int("AUDIT_PENDING_STALE_AFTER_SECONDS", 900)
if AUDIT_STALE_AFTER_SECONDS < 3 * AUDIT_HEARTBEAT_SECONDS:
    raise ImproperlyConfigured("AUDIT_STALE_AFTER_SECONDS must allow three missed heartbeats (AUDIT_HEARTBEAT_SECONDS)")
