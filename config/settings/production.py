"""Production: secrets from the environment, refuses to start with a missing or dev key."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import PER_PROCESS_CACHES, cache_from_env, database_from_env, env_bool, env_list, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production "
        "(the development key is refused)."
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the container health check speaks plain HTTP inside the network
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# __Host- cookies: the browser accepts them only over HTTPS, for this exact host and path "/",
# so neither a subdomain nor plain HTTP can set or overwrite them. (Only here: over the dev
# server's plain HTTP the browser would drop them and log-in would fail.)
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
# Never switched off in production, whatever the environment says.
TWO_FACTOR_REQUIRED_FOR_PRIVILEGED = True
# The proxy in front (docker/nginx.conf) appends the client's address to X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(env_str("TRUSTED_PROXY_COUNT", "1"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

# Wagtail's live preview shows the page in a same-origin iframe, so SAMEORIGIN, not DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Rate limits, the circuit breaker, invalidations and counters must be shared by every gunicorn
# worker: a per-process cache would multiply each limit by the number of workers.
CACHES = {"default": cache_from_env("locmem://")}
if CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
    raise ImproperlyConfigured(
        "CACHE_URL must name a cache that every worker shares in production (redis://host:6379/0, "
        "or db://cache_table); locmem:// and dummy:// are per process."
    )
# gunicorn sync workers serve one request at a time on one thread, so a kept connection is
# reused by the next request of the same worker: one connection per worker, checked before
# reuse (CONN_HEALTH_CHECKS) so a restarted database does not fail the first request.
DATABASES["default"] = database_from_env(f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60)  # noqa: F405
# Documents: Django checks who may download, nginx sends the file from an internal location
# (officials/sendfile_accel.py, docker/nginx.conf).
SENDFILE_BACKEND = "officials.sendfile_accel"
SENDFILE_ROOT = MEDIA_ROOT  # noqa: F405
SENDFILE_URL = "/media/"
