"""gunicorn settings; every value that differs between deployments comes from the environment.

Signals: TERM stops gracefully (each worker finishes its request, for up to
``graceful_timeout`` seconds); HUP replaces the workers but, the application being loaded
once in the master (``preload_app``), not the code: a new release is a new container.
"""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# A worker silent for this long is killed and replaced; the database statement timeout
# (DJANGO_DB_STATEMENT_TIMEOUT_MS) ends a slow query well before.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then so that a slow leak cannot grow without bound; the jitter
# keeps them from restarting all at once. Not too often: a new worker starts with empty
# caches and a new database connection, and under a burst the requests queued behind it
# make the slowest response (at 2,000 the benchmark's p99 rose from under 60 ms to 340-570).
max_requests = 10000
max_requests_jitter = 1000
# The application is loaded once, in the master, and each worker is a fork of it: a worker
# is ready at once instead of importing Django again for a second or so.
preload_app = True
# The heartbeat file on a disk-backed (container overlay) filesystem can stall workers.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Addresses of the TLS proxy allowed to say the request came over HTTPS (X-Forwarded-Proto):
# comma-separated addresses or networks, "*" when only the proxy can reach the workers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs: one JSON object per line on standard output, like the portal's own records
# (rosario_intl/logging.py). An access line holds the method, the path, the status, the size,
# the time taken and the request id, and nothing personal: no client address, no query string
# (what visitors search for), no referrer, user agent, user name or cookie. Behind the TLS
# proxy the peer address is the proxy's anyway; client addresses are for the proxy's own log,
# under its retention rules, and the admin login's lockout keeps them only while it lasts.
accesslog = "-"
access_log_format = "%(m)s %(U)s %(H)s %(s)s %(B)s %(M)sms %({x-request-id}o)s"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "rosario_intl.logging.JsonFormatter"},
        "access": {"()": "rosario_intl.logging.AccessJsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        },
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "access",
            "stream": "ext://sys.stdout",
        },
    },
    "root": {"level": "INFO", "handlers": ["console"]},
    "loggers": {
        "gunicorn.error": {
            "level": loglevel.upper(),
            "handlers": ["console"],
            "propagate": False,
        },
        "gunicorn.access": {"level": "INFO", "handlers": ["access"], "propagate": False},
    },
}

# Signals are enough to manage the workers; the control socket (gunicorn 25.1+) would need
# a writable home directory, which the container's user does not have.
control_socket_disable = True

raw_env = ["DJANGO_SETTINGS_MODULE=rosario_intl.settings.prod"]
