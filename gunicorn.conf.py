"""gunicorn settings; every value that differs between deployments comes from the environment.

Signals: HUP reloads the code with new workers, TERM stops gracefully (each worker finishes
its request, for up to ``graceful_timeout`` seconds).
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
# keeps them from restarting all at once.
max_requests = 2000
max_requests_jitter = 200
# The heartbeat file on a disk-backed (container overlay) filesystem can stall workers.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Addresses of the TLS proxy allowed to say the request came over HTTPS (X-Forwarded-Proto):
# comma-separated addresses or networks, "*" when only the proxy can reach the workers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Access log to standard output in the Apache combined format, plus the time taken in ms.
accesslog = "-"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Signals are enough to manage the workers; the control socket (gunicorn 25.1+) would need
# a writable home directory, which the container's user does not have.
control_socket_disable = True

raw_env = ["DJANGO_SETTINGS_MODULE=rosario_intl.settings.prod"]
