"""Settings for the AICT site, read from the environment (12-factor).

Every variable is documented in `.env.example` and the README. Defaults are safe:
DEBUG is off unless set, and there is no fallback SECRET_KEY when it is off.
"""

import warnings
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Variables already in the environment win over the file's.
ENV_FILE = Path(env("ENV_FILE", default=str(BASE_DIR / ".env")))
if ENV_FILE.is_file():
    environ.Env.read_env(ENV_FILE)

DEBUG = env.bool("DEBUG", default=False)


def renamed(name, old_name, read, default):
    """A variable under its current name; a deployment still setting the old one keeps working
    and is told to rename it (the old names said « contact » but govern every public form)."""
    if name in env:
        return read(name)
    if old_name in env:
        warnings.warn(f"{old_name} is deprecated: rename it {name}.", FutureWarning, stacklevel=2)
        return read(old_name)
    return default


# A throwaway key is tolerable only while developing; production must set its own.
if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="django-insecure-development-only-key")
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "The SECRET_KEY environment variable is required when DEBUG is off. "
            "Set it to a long random string (see .env.example)."
        )
    # Django's own deployment check asks for 50 characters; a short key signs forms and
    # password-reset links that can be forged.
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            f"SECRET_KEY is {len(SECRET_KEY)} characters long: use at least 50 random characters "
            "when DEBUG is off, e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'."
        )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "aict_site.admin_site.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "reversion",
    "axes",
    "csp",
    "imagekit",
    "django_prose_editor",
    "django_filters",
    "adminsortable2",
    "aict_site",
    "reference",
    "pages",
    "contacts",
    "directory",
    "funding",
    "events",
    "news",
    "resources",
    "alerts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "aict_site.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304 for cached pages too, so it sits outside the page cache.
    "django.middleware.http.ConditionalGetMiddleware",
    # Outside the page cache: a cached form page still gets a timestamp of its own.
    "aict_site.publicforms.FormTimestampMiddleware",
    # Before sessions, CSRF and the view: a cached page skips all of them.
    "aict_site.caching.pages.PageCacheMiddleware",
    # Inside the page cache: a page's French spacing is set once, when it is made.
    "aict_site.typography.FrenchTypographyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "aict_site.security.SiteCSPMiddleware",
    # After the headers, before any view reads the request: refuses what no page can answer.
    "aict_site.requestguard.RequestGuardMiddleware",
    # Last, as django-axes asks, so that it sees the outcome of every login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "aict_site.urls"
WSGI_APPLICATION = "aict_site.wsgi.application"

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
                "aict_site.context_processors.site",
                "pages.context_processors.site_settings",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL (psycopg 3) when DATABASE_URL says so.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let several gunicorn workers write without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# Each worker keeps its connection: opening one (and, on SQLite, setting it up) cost more
# than rendering a cached fragment.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A file cache is shared by every gunicorn worker; local memory would be per process. It keeps
# the content version and a few small records; counters live in the database (or Redis).
CACHES = {
    "default": env.cache("CACHE_URL", default=f"filecache://{BASE_DIR / 'var' / 'cache'}"),
}
# Every cache at once (the page cache, kept fragments, remembered values, each worker's
# memory: aict_site.caching); off, every page is made from the database on every request.
CACHING = env.bool("CACHING", default=True)
# Entries each worker keeps in its own memory (fragments, cards, search results, remembered
# values): room for all of them at ten times today's content (1.3 KB each on average,
# measured: about 7 MB per worker at most); past that the least recently used go first.
WORKER_MEMORY_ENTRIES = env.int("WORKER_MEMORY_ENTRIES", default=5000)


def page_cache(default):
    """Rendered pages in a cache of their own, bounded, so that a visitor asking for many
    addresses can push out old pages but never the content version or anything else."""
    if "PAGE_CACHE_URL" in env:
        return env.cache("PAGE_CACHE_URL")
    backend = default["BACKEND"]
    if backend.endswith("FileBasedCache"):
        location = str(Path(default["LOCATION"]) / "pages")
    elif backend.endswith("LocMemCache"):
        location = "pages"
    else:
        # Redis or memcached: page entries expire by themselves (see docs/deploy.md).
        return {**default, "KEY_PREFIX": "pages"}
    return {
        "BACKEND": backend,
        "LOCATION": location,
        "OPTIONS": {"MAX_ENTRIES": env.int("PAGE_CACHE_MAX_ENTRIES", default=3000)},
    }


CACHES["pages"] = page_cache(CACHES["default"])

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin brute-force protection: 5 failures lock the client out for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a reverse proxy every client arrives from the proxy's address: count the proxies
# so the lock-out applies to the visitor's address from X-Forwarded-For, not to everyone.
# The lock-out and the rate limits read the address in one place.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "aict_site.clients.client_network"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
# The project's catalogue, then its French for the libraries' strings (locale/libraries).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "libraries"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Lists of choices written in Python, as Django's templates write them (aict_site.formrenderer).
FORM_RENDERER = "aict_site.formrenderer.SiteFormRenderer"

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names and gzip + brotli copies, served with far-future cache headers.
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
# Several app servers: uploads in an S3-compatible bucket, when a bucket is named. Needs
# `pip install -r requirements-s3.txt` on those servers (see docs/deploy.md).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "default_acl": None,
            "querystring_auth": False,
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="site@lianescooperation.org")
# The public address of the site, for links in mail sent outside a request (a registrant's
# confirmation sent from a background thread or by send_pending_notifications). Unset, the
# local server's: the port `make run` and `make serve` listen on (PORT).
SITE_URL = env("SITE_URL", default=f"http://127.0.0.1:{env('PORT', default='8000')}").rstrip("/")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who is told of a contact request or a registration when no office's address applies.
NOTIFY_EMAILS = renamed("NOTIFY_EMAILS", "CONTACT_NOTIFY_EMAILS", env.list, default=[])
# Aides-territoires, the national finder: its aids for local authorities about international
# cooperation come into the admin's « À examiner » (manage.py watch_aides_territoires).
AIDES_TERRITOIRES_API_KEY = env("AIDES_TERRITOIRES_API_KEY", default="")
AIDES_TERRITOIRES_API_URL = env(
    "AIDES_TERRITOIRES_API_URL", default="https://aides-territoires.beta.gouv.fr/api"
).rstrip("/")
AIDES_TERRITOIRES_TIMEOUT = env.float("AIDES_TERRITOIRES_TIMEOUT", default=20.0)

ADMIN_URL = env("ADMIN_URL", default="gestion/").strip("/") + "/"

# HTTPS is on by default in production; `make serve` turns it off to try the site on http.
HTTPS = env.bool("HTTPS", default=not DEBUG)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # The load balancer probes /healthz over plain http.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # HSTS preload is a commitment only the domain's owner can make (hstspreload.org),
    # so it stays off and its deployment warning is silenced on purpose.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The public site needs nothing but its own files: no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [NONE],
    },
}
# The admin's rich-text editor needs an inline import map and inline styles; staff only.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": CONTENT_SECURITY_POLICY["DIRECTIVES"]
    | {
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "frame-ancestors": [SELF],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # No secret from an address (a ticket, a signed link) in a request warning.
    "filters": {"without_secrets": {"()": "aict_site.logs.WithoutSecrets"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["without_secrets"]},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Visitors' records (contact requests, registrations) are deleted after this many days
# (CNIL: 3 years).
VISITOR_DATA_RETENTION_DAYS = renamed(
    "VISITOR_DATA_RETENTION_DAYS", "CONTACT_RETENTION_DAYS", env.int, default=1095
)
# The admin's login records (django-axes: account name, network address, browser, time) are
# deleted after this many days: long enough to look into an attack, no longer. The privacy
# page says it.
STAFF_LOGIN_RECORDS_DAYS = env.int("STAFF_LOGIN_RECORDS_DAYS", default=180)
# Images' responsive copies are made when staff upload them (aict_site.images.AtUpload).
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "aict_site.images.AtUpload"
# Rendered public pages are kept this long at most (seconds; 0 turns the cache off). Any
# content change empties the cache at once; the limit only bounds clock-dependent text.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
# Pages each worker also keeps in its own memory (aict_site.caching.memory.recent_pages).
PAGE_CACHE_RECENT_PAGES = env.int("PAGE_CACHE_RECENT_PAGES", default=200)
# Shared fragments that depend on the clock (scheduled pages in the menu, open calls, next
# events) are renewed at least this often, edits or not.
FRAGMENT_CLOCK_SECONDS = 60

# Public forms (contact, registration): accepted submissions per client address and hour, and
# the least time (seconds) between showing a form and posting it; bots are faster than people.
FORM_RATE_LIMIT = renamed("FORM_RATE_LIMIT", "CONTACT_RATE_LIMIT", env.int, default=5)
FORM_MIN_SECONDS = renamed("FORM_MIN_SECONDS", "CONTACT_MIN_SECONDS", env.int, default=3)
# Each SMTP step gives up after this many seconds.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# Staff notifications and password-reset emails are sent from a thread of their own, so a
# visitor's answer never waits for the mail server (aict_site.notifying, aict_site.passwords).
SEND_MAIL_IN_BACKGROUND = env.bool("SEND_MAIL_IN_BACKGROUND", default=True)
# Password-reset requests per client address and per account, and hour.
PASSWORD_RESET_RATE_LIMIT = env.int("PASSWORD_RESET_RATE_LIMIT", default=5)
PASSWORD_RESET_ACCOUNT_LIMIT = env.int("PASSWORD_RESET_ACCOUNT_LIMIT", default=3)

# Backups: where `manage.py backup` writes its archives, and how many it keeps.
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "var" / "backups")
BACKUP_KEEP = env.int("BACKUP_KEEP", default=14)
