"""Base settings: complete and safe. DEBUG off, no secrets; the other modules override."""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .env import cache_from_env, database_from_env, env_bool, env_list, env_str, search_backends_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False)
# Overridden by dev/test; production refuses to start without a real one.
SECRET_KEY = env_str("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "home",
    "practices",
    "meetings",
    "search",
    "opendata",
    "accounts",
    "seo",
    "printsheet",
    "officials",
    "stats",
    "curation",
    "exchange",
    "alerts",
    "indexing",
    "backups",
    "translation",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "wagtail.api.v2",
    "rest_framework",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # its catalogue translates the admin's "21 minutes ago"
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "accounts.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and the database: anonymous visitors' pages from the shared cache (core/pagecache.py).
    # Anything that changes the bytes per client (compression) must sit above it.
    "core.pagecache.AnonymousPageCache",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware: they answer in the request's language (core/middleware.py).
    "core.middleware.JsonErrorsForApi",
    "core.middleware.RefuseImpossibleAddresses",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.BoundAdminSearch",
    "accounts.middleware.SessionTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],  # every template lives in its app's templates/ (site-wide ones in home/)
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": database_from_env(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE_URL (settings/env.py): rate limits, the search circuit breaker, facet options, the
# thesaurus and the buffered counters live here, so every worker must see the same one: Redis in
# production (refused otherwise) and in the tests; local memory is enough for one dev process.
CACHES = {"default": cache_from_env("locmem://")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.validators.BreachedPasswordValidator"},
    {"NAME": "accounts.validators.PersonalInformationPasswordValidator"},
]

# Languages: Spanish first; every public URL carries its language prefix.
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", "Español"),
    ("en", "English"),
    ("pt", "Português"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Panama"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Offline machine drafts (translation/, docs/translation.md): the "Translate" button of
# wagtail-localize's editor, `translate_practices`, and a draft after a new original is published.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "translation.machine.OfflineTranslator"}
# Drafts queued by a publish are made after its response is sent, for at most this long;
# the scheduler's `translate_practices --queue` does the rest and the retries.
TRANSLATION_AFTER_RESPONSE = env_bool("TRANSLATION_AFTER_RESPONSE", True)
TRANSLATION_AFTER_RESPONSE_SECONDS = 20
# Wagtail ships its admin translations as pt_BR/pt_PT, not "pt".
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("es", "Español"),
    ("en", "English"),
    ("pt-br", "Português"),
]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

STORAGES = {
    # Original images under a random token: officials/private_media.py.
    "default": {"BACKEND": "officials.private_media.UnguessableMediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Asylum good practices of the Americas")
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # ASCII URLs survive e-mail clients and copy-paste
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = search_backends_from_env()
# Public API v2 (opendata/): at most 100 objects per page; exports stream in batches of this many.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = False  # text search has one path: /api/search/
OPENDATA_EXPORT_BATCH_SIZE = 500

WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A 24-megapixel camera's photo (6000 x 4000) passes; every rendition and admin preview decodes the
# whole original, and a 40-megapixel one cost 1-2 s of CPU each time (core/image_previews.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Officials choose topics from the vocabulary; only the secretariat adds new ones.
TAGGIT_CASE_INSENSITIVE = True

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "buenaspracticas@localhost")
# Review workflow e-mails (officials and the secretariat), in each recipient's admin language.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Plain text only: Wagtail 8 renders the HTML part outside the recipient's language (admin/mail.py),
# so a Brazilian official would get a Portuguese text part and a Spanish HTML part.
WAGTAILADMIN_NOTIFICATION_USE_HTML = False
# Reviewers are the secretariat's group; administrators are not e-mailed every submission.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"  # its password label translated
# Days an official's invitation link stays valid (officials/tokens.py).
OFFICIALS_INVITATION_DAYS = 7

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True

# --- Account security (docs/operations.md, "Account security") ---
# Sessions in the database with their user's id, so deactivating a user ends them (accounts/).
SESSION_ENGINE = "accounts.sessions"

# Whole public pages for visitors without a session (core/pagecache.py, docs/operations.md *Page cache*).
PAGE_CACHE_SECONDS = 60 * 60  # 0 turns it off; any content write forgets every page before that
PAGE_CACHE_SHARED_SECONDS = 60  # how long a proxy or CDN in front may keep a page (s-maxage)
# The views whose anonymous GETs are kept: Wagtail's pages, the search, comparison, indicator and about pages,
# feeds, sitemap and robots.txt.
PAGE_CACHE_URL_NAMES = frozenset(
    {
        "wagtail_serve",
        "search",
        "compare",
        "about",
        "indicator_index",
        "indicator_type",
        "sitemap",
        "robots",
        "feed_practices_rss",
        "feed_practices_atom",
        "feed_country_rss",
        "feed_country_atom",
        "feed_topic_rss",
        "feed_topic_atom",
        "feed_search_rss",
        "feed_search_atom",
    }
)
# Writes that change no public page (bookkeeping, logs, counters, drafts and review state, requests
# and subscriptions): every other model's write forgets the cached pages.
PAGE_CACHE_IGNORED_MODELS = frozenset(
    {
        "sessions",
        "admin",
        "axes",
        "otp_static",
        "otp_totp",
        "accounts",
        "alerts",
        "exchange",
        "stats",
        "indexing",
        "officials",
        "translation.translationjob",
        "practice_search.searchtermstat",
        "practice_search.passagevector",
        "auth.user",
        "wagtailusers",
        "wagtailadmin",
        "wagtailcore.revision",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.workflowstate",
        "wagtailcore.taskstate",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.pagesubscription",
        "wagtailcore.referenceindex",
        "wagtailsearch.indexentry",
        "taggit.taggeditem",
    }
)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # Wagtail's admin reads the token from the page, not the cookie
# Enforced on the server by accounts.middleware.SessionTimeoutMiddleware.
SESSION_IDLE_TIMEOUT = int(env_str("SESSION_IDLE_TIMEOUT", str(30 * 60)))
SESSION_ABSOLUTE_TIMEOUT = int(env_str("SESSION_ABSOLUTE_TIMEOUT", str(12 * 60 * 60)))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT

# Log-in throttling (django-axes): per user name and address, lifted after the cool-off; and per
# user name from every address, guarding (not locking) the account: accounts/login_guard.py.
AUTHENTICATION_BACKENDS = [
    "accounts.login_guard.GuardedAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
LOGIN_GUARD_FAILURES = int(env_str("LOGIN_GUARD_FAILURES", "10"))
# Behind the reverse proxy the client's address is the last one it appended to X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
TRUSTED_PROXY_COUNT = int(env_str("TRUSTED_PROXY_COUNT", "0"))

# Two-step verification (django-otp, TOTP): required for administrators and the secretariat.
TWO_FACTOR_REQUIRED_FOR_PRIVILEGED = True
OTP_TOTP_ISSUER = "Buenas prácticas de asilo"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# No avatars fetched from gravatar.com: the CSP allows no third-party images, and it would
# tell a third party who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for new versions (blocked by connect-src
# anyway); upgrades follow the lock files.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Content-Security-Policy (django-csp 4). The public site: only its own files, no inline
# script or style. The admin gets 'unsafe-inline' for scripts and styles (accounts/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "WARNING"},
        # One line per background task and per publish is noise in commands and test output.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "wagtail.contrib.redirects": {"level": "WARNING"},
        # Every log-in at INFO is noise; lockouts and repeated failures are logged as warnings.
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every rendering step at INFO (one case sheet = a dozen lines).
        "weasyprint": {"level": "WARNING"},
    },
}

# --- Limits and paths the apps read, declared here so that each has one default ---
# Practice imports (practices/importing/readers.py, docs/import.md): the largest file, and the most
# a workbook (a zip archive) may unpack into.
PRACTICES_IMPORT_MAX_BYTES = 20 * 1024 * 1024
PRACTICES_IMPORT_MAX_UNPACKED_BYTES = 40 * 1024 * 1024
# Following a search by e-mail (alerts/): subscription attempts per hour per connection, and the
# days a confirmation link stays valid (docs/operations.md).
ALERTS_RATE_LIMIT = 10
ALERTS_CONFIRMATION_DAYS = 7
# Overrides of the per-hour limits written in exchange/ratelimit.py ({"sent": 5, "attempts": 20})
# and accounts/throttling.py (password-reset and invitation e-mails), e.g. {"sent": 10}.
EXCHANGE_RATE_LIMITS = {}
ACCOUNT_MAIL_LIMITS = {}
# The sentence embedder of the hybrid search (search/embeddings.py, docs/search.md): a class with
# `encode(list[str])`; changing it means re-embedding (`embed_practices --all`).
SEARCH_EMBEDDER = "search.embeddings.UniversalSentenceEncoder"
# Where `backup_site` writes its archives unless told (--output-dir; docs/operations.md, Backups).
BACKUP_DIR = env_str("BACKUP_DIR", "var/backups")
