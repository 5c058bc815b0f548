"""Local development: DEBUG on, a fixed dev key, e-mail to the console."""

from .base import *  # noqa: F403
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-dev-only-key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The dev server serves static files itself; no manifest to build first.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# WhiteNoise serves the collected files in production; here the finders serve them.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
