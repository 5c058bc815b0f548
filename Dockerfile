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

WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

COPY --chown=wagtail:wagtail . .

# Translations and static files are built into the image; a throw-away random key serves this step only.
RUN pybabel compile --domain django --directory locale \
    && SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" ALLOWED_HOSTS=localhost \
       python manage.py collectstatic --noinput \
    && mkdir -p /app/media && chown -R wagtail:wagtail /app/media /app/staticfiles

USER wagtail
EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["sh", "-c", "gunicorn config.wsgi:application --bind 0.0.0.0:${PORT} --workers ${GUNICORN_WORKERS:-3} --timeout 30 --access-logfile -"]
