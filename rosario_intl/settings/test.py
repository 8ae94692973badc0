"""Test settings: fast hashing, in-memory cache and e-mail, real database from DATABASE_URL."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Each test runs inside a transaction on "default", which another connection cannot see:
# the page cache reads the version through it here. Its own connection (production's
# "page_cache") is tested in tests/test_page_cache.py.
PAGE_CACHE_DATABASE = "default"
# No page is rendered in the background after a save: the thread could not see a test's
# transaction, and would outlive it. tests/test_page_cache_warm.py turns it on.
PAGE_CACHE_WARM = []
