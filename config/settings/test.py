"""Tests: the database named by DATABASE_URL (PostgreSQL in CI), fast hashing, local e-mail."""

from .base import *  # noqa: F403
from .env import cache_from_env, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-test-only-key")
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# WhiteNoise serves the collected files in production; here the finders serve them.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405 - live-server threads must not keep test-database connections open
# The real Redis, as in production: rate limits and invalidations are tested where they live.
# tests/conftest.py empties this database before and after every test, so a run needs one of
# its own (CI: .ci/run; parallel runs on one machine: CACHE_URL=redis://127.0.0.1:6379/<n>).
CACHES = {"default": cache_from_env("redis://127.0.0.1:6379/1")}
# The admin tests of the other apps log in with force_login (no second step); tests/accounts
# switch the requirement back on, as it is everywhere else (dev and production).
TWO_FACTOR_REQUIRED_FOR_PRIVILEGED = False
# Publishing in a test only queues machine drafts; tests/translation turn the after-response run on.
TRANSLATION_AFTER_RESPONSE = False

# Whole-page caching is tested on its own (tests/test_page_cache.py); elsewhere a test reading the
# same address twice around a settings override must see the second rendering.
PAGE_CACHE_SECONDS = 0
