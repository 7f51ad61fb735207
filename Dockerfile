# The registry's web app and Celery worker (docker-compose.yml runs both, with PostgreSQL and Redis).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DEBUG=false \
    HOST=0.0.0.0 \
    PORT=8000 \
    STATIC_ROOT=/app/staticfiles

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
# Static files are collected into the image; collectstatic needs settings, not secrets or a database.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input -v0

RUN useradd --system --uid 1000 registry && chown -R registry /app
USER registry
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && exec gunicorn -c gunicorn.conf.py coi.wsgi"]
