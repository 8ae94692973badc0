# syntax=docker/dockerfile:1
# The portal in production: gunicorn with rosario_intl.settings.prod, as an unprivileged user.
# Configure it with the variables in .env.example; run `python manage.py migrate` once per
# release (compose.yaml does it in its `migrate` service).

# The translation catalogues, compiled from the .po files with GNU gettext in a stage of
# their own, so that gettext does not end up in the image.
FROM python:3.11-slim AS messages
# Debian stable's gettext: security updates come with the distribution, no pin.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY locale ./locale
RUN find locale -name django.po -execdir msgfmt --check --output-file django.mo django.po \;

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=rosario_intl.settings.prod \
    HOST=0.0.0.0 \
    PORT=8000

WORKDIR /app

# DejaVu: the link preview cards (cooperation/og_image.py) are drawn with it; Pillow's own
# font has no accented letters. Debian stable's package, no pin, like gettext above.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, so that a code change does not reinstall them. psycopg's binary
# wheel brings libpq, so no system package is needed.
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .

COPY . .
COPY --from=messages /src/locale ./locale

# Hashed, compressed static files, built once here; a throwaway key is enough for that.
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input --verbosity 0

RUN groupadd --system --gid 10001 rosario \
    && useradd --system --uid 10001 --gid rosario --home-dir /app --shell /usr/sbin/nologin rosario \
    && mkdir -p /app/media \
    && chown rosario:rosario /app/media \
    # compose mounts a volume here that the proxy serves and the migrate job refreshes.
    && chown -R rosario:rosario /app/staticfiles
USER 10001:10001

EXPOSE 8000

# Liveness over plain HTTP (exempt from the HTTPS redirect), with a Host header that
# ALLOWED_HOSTS accepts: the first of DJANGO_ALLOWED_HOSTS. slim images have no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["python", "-c", "\
import os, urllib.request; \
host = os.environ.get('DJANGO_ALLOWED_HOSTS', 'localhost').split(',')[0].strip().lstrip('*.'); \
url = 'http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'); \
urllib.request.urlopen(urllib.request.Request(url, headers={'Host': host or 'localhost'}), timeout=4)"]

CMD ["gunicorn", "--config", "gunicorn.conf.py", "rosario_intl.wsgi:application"]
