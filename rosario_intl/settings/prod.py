"""Production: DEBUG off, HTTPS only, secrets, hosts and services from the environment.

Every variable read here or in base.py is listed, with its default, in .env.example.
"""

import copy

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    DATABASES,
    LOGGING,
    MEDIA_STORAGE,
    POSTGRESQL_BACKEND,
    S3_ACCESS_KEY_ID,
    S3_BUCKET,
    S3_SECRET_ACCESS_KEY,
    SECRET_KEY,
    STORAGES,
    env,
)

# Never read from the environment: a traceback page in production leaks settings and code.
DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Production refuses to start without a secret key: "
        "set DJANGO_SECRET_KEY in the environment (see .env.example)."
    )

# Uploads would fail, or go to a bucket nobody meant, only once staff save a file: better not
# to start.
if MEDIA_STORAGE == "s3":
    missing = [
        name
        for name, value in [
            ("DJANGO_S3_BUCKET", S3_BUCKET),
            ("DJANGO_S3_ACCESS_KEY_ID", S3_ACCESS_KEY_ID),
            ("DJANGO_S3_SECRET_ACCESS_KEY", S3_SECRET_ACCESS_KEY),
        ]
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            f"DJANGO_MEDIA_STORAGE is s3 but {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not set. Production refuses "
            "to start without the bucket and its keys (see .env.example)."
        )

# HTTPS. TLS ends at the proxy in front, which must set X-Forwarded-Proto itself,
# overwriting whatever a client sent.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# A local try of the production stack (`make serve` with DJANGO_SECURE_SSL_REDIRECT=False on
# this machine only) has no TLS to redirect to: its deploy check may pass without the
# redirect. Any other host name still fails it (security.W008).
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "[::1]"}
if not SECURE_SSL_REDIRECT and set(ALLOWED_HOSTS) <= LOOPBACK_HOSTS:
    SILENCED_SYSTEM_CHECKS = ["security.W008"]
# The container runtime and the load balancer probe the workers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Only staff get cookies (visitors get none). The __Secure- prefix makes browsers refuse
# them unless they come over HTTPS with the Secure flag.
SESSION_COOKIE_NAME = "__Secure-sessionid"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_NAME = "__Secure-csrftoken"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# One cache shared by every worker when Redis is there; otherwise one per worker.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend, its clients reused (common/redis_cache.py).
            "BACKEND": "common.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            # A stalled Redis must not hold a worker for long.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

if DATABASES["default"]["ENGINE"] == POSTGRESQL_BACKEND:
    statement_timeout_ms = env.int("DJANGO_DB_STATEMENT_TIMEOUT_MS", default=5000)
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        # With the server down, visitors get the 503 page within seconds, not minutes.
        "connect_timeout": env.int("DJANGO_DB_CONNECT_TIMEOUT", default=3),
        # No query holds a worker and a connection for long; 0 turns the limit off.
        "options": f"-c statement_timeout={statement_timeout_ms}",
    }
    # The page cache's connection to the same database (base.py), with the same limits.
    DATABASES["page_cache"]["OPTIONS"] = DATABASES["default"]["OPTIONS"]

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# The container's log collector reads standard output: one JSON object per line.
LOGGING = copy.deepcopy(LOGGING)
LOGGING["handlers"]["console"]["stream"] = "ext://sys.stdout"
LOGGING["handlers"]["console"]["formatter"] = "json"
