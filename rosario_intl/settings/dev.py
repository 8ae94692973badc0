"""Local development: DEBUG on, embedded SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import PAGE_CACHE_WARM, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="django-insecure-local-development-only")
# Off, so that a template or a translation edited under `make run` shows at the next request
# (DJANGO_PAGE_CACHE=True turns it on, to try it; with DEBUG on it then still notices edits).
PAGE_CACHE_ENABLED = env.bool("DJANGO_PAGE_CACHE", default=False)
# Nor any page rendered again in the background after a save (DJANGO_PAGE_CACHE_WARM=True, with
# the page cache on, to try it).
PAGE_CACHE_WARM = PAGE_CACHE_WARM if env.bool("DJANGO_PAGE_CACHE_WARM", default=False) else []
