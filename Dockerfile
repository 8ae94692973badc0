# syntax=docker/dockerfile:1
FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=rosario_intl.settings.prod \
    HOST=0.0.0.0 \
    PORT=8000

WORKDIR /app

# Dependencies first, so that a code change does not reinstall them.
COPY pyproject.toml README.md ./
RUN pip install .

COPY . .

# Static files are collected at build time; a throwaway key is enough for that.
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --no-input --verbosity 0

RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin rosario \
    && mkdir -p /app/media && chown rosario /app/media
USER rosario

EXPOSE 8000
CMD ["gunicorn", "--config", "gunicorn.conf.py", "rosario_intl.wsgi:application"]
