"""gunicorn's settings for `make serve` and the container: workers from WEB_CONCURRENCY, bound to
HOST:PORT, logs to standard output."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Two per core is gunicorn's advice for sync workers; WEB_CONCURRENCY (as on most platforms) decides.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
worker_class = "sync"
# Exports stream large files; the audits run on Celery workers, not here.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
# A worker is replaced after this many requests, so that slow memory growth never adds up.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
