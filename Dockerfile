# The production image: gunicorn serving Django/Wagtail, static files by WhiteNoise.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PORT=8000

# Pango, HarfBuzz and DejaVu: WeasyPrint draws the printable case sheets with local fonts only.
# Apertium (Spanish<->Portuguese, GPL-2 data, about 16 MB): the offline machine drafts (docs/translation.md).
RUN useradd --system --create-home --home-dir /app --uid 1000 wagtail \
    && apt-get update \
    && apt-get install --yes --no-install-recommends libjpeg62-turbo zlib1g libwebp7 \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
       apertium apertium-es-pt \
    && rm -rf /var/lib/apt/lists/*

# pg_dump/pg_restore for backup_site/restore_site, from PostgreSQL's own repository: they must not be
# older than the server (postgres:16 in docker-compose.yml), and Debian bookworm ships 15.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends curl ca-certificates \
    && install -d /usr/share/postgresql-common/pgdg \
    && curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc https://www.postgresql.org/media/keys/ACCC4CF8.asc \
    && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt bookworm-pgdg main" > /etc/apt/sources.list.d/pgdg.list \
    && apt-get update \
    && apt-get install --yes --no-install-recommends postgresql-client-16 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

COPY --chown=wagtail:wagtail . .

# Translations and static files are built into the image; a throw-away random key serves this step only
# (and a cache address that is never connected to: production settings refuse a per-process cache).
RUN pybabel compile --domain django --directory locale \
    && pybabel compile --domain djangojs --directory locale \
    && SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" ALLOWED_HOSTS=localhost \
       CACHE_URL=redis://localhost:6379/0 python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown -R wagtail:wagtail /app/media /app/staticfiles

USER wagtail
EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
# docker/gunicorn.conf.py: bind to $PORT, $GUNICORN_WORKERS workers, the app and the search model loaded
# before the workers fork (preload_app), so the workers share the model's memory.
CMD ["gunicorn", "config.wsgi:application", "--config", "docker/gunicorn.conf.py"]
