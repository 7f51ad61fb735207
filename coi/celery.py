"""The Celery application. Background work runs on it when CELERY_BROKER_URL is set."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coi.settings")

app = Celery("coi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
