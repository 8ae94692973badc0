"""Settings shared by every environment.

Everything that differs between machines comes from the environment
(``DJANGO_*`` variables and ``DATABASE_URL``), read with django-environ.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "rosario_intl.errors.csrf_failure"

INSTALLED_APPS = [
    # modeltranslation must come before the admin (see shared/notes/modeltranslation.md).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    # Locks the admin login after repeated failures (AXES_* below).
    "axes",
    # Two-factor login for staff (TWO_FACTOR_* and OTP_* below): codes from an authenticator
    # app (TOTP) and single-use recovery codes (static tokens).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # After them and auth: its admin.py replaces theirs (rosario_intl/two_factor/).
    "rosario_intl.two_factor",
    # History of every admin change, with restore and recovery of deleted entries.
    "reversion",
    "cooperation",
]

MIDDLEWARE = [
    # First, so that every log record of the request, and every response, carries its id.
    "rosario_intl.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page views from the cache, keyed on the content version. After the SSL
    # redirect and the static files; before everything else, so a hit skips it all. What
    # the middleware below add to a page (its Content-Security-Policy, Permissions-Policy,
    # Content-Language, X-Frame-Options) is stored with it; SecurityMiddleware still adds
    # its headers to every response, HSTS only over HTTPS.
    "rosario_intl.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "rosario_intl.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: the URL decides the language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second step; then what
    # an account that needs one may reach before it has (rosario_intl/two_factor/).
    "django_otp.middleware.OTPMiddleware",
    "rosario_intl.two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a locked-out login into the 429 page (AXES_LOCKOUT_CALLABLE).
    "axes.middleware.AxesMiddleware",
    # Last, so that it sees a view's database error first and answers 503 instead of 500.
    "rosario_intl.middleware.DatabaseUnavailableMiddleware",
]

# Security headers on every response; production adds HTTPS, HSTS and secure cookies.
# The policy forbids inline scripts and styles: templates load everything from static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features the portal never uses, turned off for it and anything it embeds
# (rosario_intl.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# The public page cache (rosario_intl/page_cache.py): on unless DJANGO_PAGE_CACHE=False
# (development turns it off: settings/dev.py).
PAGE_CACHE_ENABLED = env.bool("DJANGO_PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = env.int("DJANGO_PAGE_CACHE_SECONDS", default=600)
# Which of CACHES holds the pages (the tests point it at one cache per simulated worker).
PAGE_CACHE_ALIAS = "default"
# The row every page is keyed on, raised by each change of content (cooperation/signals.py),
# and what raises it when a scheduled entry goes public without anyone saving anything.
PAGE_CACHE_VERSION_MODEL = "cooperation.ContentVersion"
PAGE_CACHE_SCHEDULED_CHANGE = "cooperation.signals.scheduled_publication_due"
# The connection (of DATABASES) that reads the version on every cacheable request.
PAGE_CACHE_DATABASE = "page_cache"
# The query parameters a public page depends on: the page number, the list filters
# (cooperation.forms.DirectoryFilterForm) and the search (SearchForm). Any other parameter (a
# campaign's utm_source, random ones sent to get past the cache) gets the same cached page.
PAGE_CACHE_PARAMETERS = [
    "page",
    *("status", "theme", "sdg", "partner", "kind", "network", "year"),
    "q",
]
# Folders whose files render the pages (code, app templates), hashed into every key with the
# template folders and LOCALE_PATHS, so that a new release never serves the previous one's
# pages from a shared cache.
PAGE_CACHE_CODE = [BASE_DIR / "cooperation", BASE_DIR / "rosario_intl", BASE_DIR / "common"]
# The most visited public pages (URL names, each in every language), rendered again into the
# page cache in a background thread once a change of content has committed, so that the first
# visitors after an edit find them cached (rosario_intl/page_cache_warm.py). They are requested
# at SITE_URL, as visitors ask for them. DJANGO_PAGE_CACHE_WARM=False turns it off.
PAGE_CACHE_WARM = (
    [
        "cooperation:home",
        "cooperation:program_list",
        "cooperation:project_list",
        "cooperation:partner_list",
        "cooperation:partner_map",
    ]
    if env.bool("DJANGO_PAGE_CACHE_WARM", default=True)
    else []
)
# What the app calls once a change of content has committed (cooperation/signals.py).
PAGE_CACHE_WARM_AFTER_COMMIT = "rosario_intl.page_cache_warm.warm_soon"

# Entries not reviewed for this many days are flagged in the admin ("Needs review").
REVIEW_INTERVAL_DAYS = env.int("DJANGO_REVIEW_INTERVAL_DAYS", default=365)

ROOT_URLCONF = "rosario_intl.urls"
WSGI_APPLICATION = "rosario_intl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cooperation.context_processors.site",
            ],
        },
    },
]

# An unset or empty DATABASE_URL means the embedded SQLite database.
DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# PostgreSQL through Django's backend, whose connection check reads the connection instead of
# asking the server (rosario_intl/postgresql/base.py).
POSTGRESQL_BACKEND = "rosario_intl.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = POSTGRESQL_BACKEND
# The same database, for the page cache's version read alone: one round trip per cache hit
# without Django's health check, which that read replaces with a retry of its own
# (rosario_intl/page_cache.py, _read_version). In tests it reads the test database.
DATABASES["page_cache"] = {
    **DATABASES["default"],
    "CONN_HEALTH_CHECKS": False,
    "TEST": {"MIRROR": "default"},
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# OWASP ASVS 2.1: at least 12 characters, no common or all-digit passwords, and deliberately
# no composition rules (no "one upper case, one digit, one symbol").

# Staff sessions (visitors get none): they end after 30 minutes without a request, at logout,
# when the account is deactivated and when its password changes (Django checks both on every
# request). Saving on every request is what makes the 30 minutes an idle timeout; a request
# with no session stores nothing, so visitors still get no cookie.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Brute-force protection for the admin login (django-axes): after 5 failures for one user
# name from one address, that pair is locked out for 15 minutes with a 429 page; a failure
# during the lockout starts the 15 minutes again. Other users from the same address, and
# the same user from elsewhere, can still sign in, so an attacker cannot lock staff out
# (behind a proxy, as long as DJANGO_TRUSTED_PROXY_COUNT lets the real address through).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "rosario_intl.errors.lockout_response"
# The client's address: REMOTE_ADDR, or with DJANGO_TRUSTED_PROXY_COUNT proxies in front,
# the address the outermost of them saw (rosario_intl.middleware.client_ip). A client can
# write anything in X-Forwarded-For, so it is never read beyond what the proxies appended.
AXES_CLIENT_IP_CALLABLE = "rosario_intl.middleware.client_ip"
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
# Log lines name the lockout, not the person: user names and addresses are masked.
AXES_VERBOSE = False

# Two-factor login (rosario_intl/two_factor/): after the password, staff who must use it
# (superusers and these groups) or chose to (editors may) give a 6-digit code from an
# authenticator app, or one of their 10 single-use recovery codes. Until then the session
# reaches no admin page but the code's (or, without a device yet, the set-up's).
TWO_FACTOR_REQUIRED_GROUPS = ["publishers"]
# The name the authenticator app shows next to the account.
OTP_TOTP_ISSUER = "Rosario · Cooperación internacional"
# Two limits on guessing codes. Each wrong code counts as a failed login for django-axes
# (the 5 failures and 15 minutes above, shared with wrong passwords); and django-otp throttles
# each device on its own: after n wrong codes in a row the next is refused for 2^(n-1)
# seconds, whatever the address, and signing in again with the password does not reset it.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# The device admin (superusers only) never shows a device's secret key or its QR code.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# What axes stores of a failed attempt's form leaves out the code, as it does the password.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token"]

# Internationalisation: Spanish first (Rosario's own language), English second.
LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Spanish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Argentina/Cordoba"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "es"
MODELTRANSLATION_LANGUAGES = ("es", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("es",)}
MODELTRANSLATION_PREPOPULATE_LANGUAGE = None

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploaded files (documents, images, logos): on this machine's disk in MEDIA_ROOT ("local"),
# or with "s3" in a bucket of an S3-compatible object store, which every app server shares
# (README: "Scale beyond one machine"). Their addresses are the objects' own, unsigned and
# stable (a cached page or the IATI export may hold them for long): the bucket must let anyone
# read an object whose key they know and nobody list it; a draft's file stays out of reach
# because its key has a random part (cooperation.models.uploads).
MEDIA_STORAGE = env.str("DJANGO_MEDIA_STORAGE", default="local")
S3_BUCKET = env.str("DJANGO_S3_BUCKET", default="")
S3_ACCESS_KEY_ID = env.str("DJANGO_S3_ACCESS_KEY_ID", default="")
S3_SECRET_ACCESS_KEY = env.str("DJANGO_S3_SECRET_ACCESS_KEY", default="")
if MEDIA_STORAGE not in {"local", "s3"}:
    raise ImproperlyConfigured(
        f'DJANGO_MEDIA_STORAGE is "{MEDIA_STORAGE}": it must be "local" or "s3" (.env.example).'
    )
if MEDIA_STORAGE == "s3":
    from botocore.config import Config

    STORAGES["default"] = {
        "BACKEND": "rosario_intl.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "access_key": S3_ACCESS_KEY_ID,
            "secret_key": S3_SECRET_ACCESS_KEY,
            # Empty: Amazon S3 itself.
            "endpoint_url": env.str("DJANGO_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("DJANGO_S3_REGION", default="") or None,
            # A host name that serves the bucket's objects (a CDN in front of it): the files'
            # addresses then use it instead of the endpoint's.
            "custom_domain": env.str("DJANGO_S3_CUSTOM_DOMAIN", default="") or None,
            "querystring_auth": False,
            # As on the local disk: a second file of the same name never replaces the first.
            "file_overwrite": False,
            # The bucket's policy decides who reads; an ACL per object is refused by buckets
            # that have ACLs turned off (Amazon's default since 2023).
            "default_acl": None,
            # Keys never change content (each upload gets a new one): as nginx for /media/.
            "object_parameters": {"CacheControl": "public, max-age=3600"},
            # Only uploads and deletions in the admin reach the store (a page only writes
            # addresses): a stalled store must not hold an admin worker for long.
            "client_config": Config(
                connect_timeout=5,
                read_timeout=20,
                retries={"max_attempts": 3, "mode": "standard"},
                # "path" for most self-hosted stores (MinIO), "virtual" or "auto" for Amazon.
                s3={"addressing_style": env.str("DJANGO_S3_ADDRESSING_STYLE", default="auto")},
            ),
        },
    }

# What the card fragments key on (cooperation/fragments.py): the page cache's content version
# and code fingerprint, named here so that the app never imports the project.
FRAGMENT_VERSION = "rosario_intl.page_cache.content_version_or_none"
FRAGMENT_RELEASE = "rosario_intl.page_cache.code_fingerprint"

# The City of Rosario's main website, linked from every page's footer; empty hides the link.
CITY_SITE_URL = env.str("DJANGO_CITY_SITE_URL", default="https://www.rosario.gob.ar/")
# The public site's canonical origin, used for absolute links (sitemap, Open Graph).
SITE_URL = env.str("DJANGO_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Open data (cooperation/opendata.py, cooperation/iati.py). The licence of the datasets: a
# name and the address of its text.
OPEN_DATA_LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
# The IATI reporting organisation's identifier. Neither the city nor its international
# relations office has a registered IATI organisation identifier, so this prefix is the
# portal's own; set the registered one once the city has it (it then also prefixes every
# iati-identifier).
IATI_REPORTING_ORG_REF = "AR-ROSARIO"

# Every record carries the id of the request it belongs to (rosario_intl.logging); production
# writes one JSON object per line. Nothing logs cookies, headers, query strings or form data.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "rosario_intl.logging.RequestIdFilter"},
        "as_warning": {"()": "rosario_intl.logging.AsWarning"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "rosario_intl.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    "loggers": {
        "django.security.DisallowedHost": {"filters": ["as_warning"]},
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}

ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="admin/")
