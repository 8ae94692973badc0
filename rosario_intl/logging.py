"""Structured logs: the request id of every record, and one JSON object per line.

``RequestIdMiddleware`` (rosario_intl/middleware.py) sets the id of the request being served
in a context variable; ``RequestIdFilter`` copies it onto each log record, so that every line
written while the request runs, the error with its traceback included, names the request it
belongs to. The same id goes back to the client in the ``X-Request-ID`` response header, and
into gunicorn's access log line.

Only what is written here reaches the logs: the message, the level, the logger, the time, the
request id, a status code and a traceback. A record's other attributes (Django attaches the
whole request to its error records, cookies and headers included) are never written.
"""

import contextvars
import json
import logging
from datetime import UTC, datetime

NO_REQUEST = "-"

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default=NO_REQUEST)


class RequestIdFilter(logging.Filter):
    """Add ``request_id`` to every record: the current request's id, or ``-`` outside one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return True


class AsWarning(logging.Filter):
    """Record at WARNING what a logger reports at ERROR: a request for a host the site does
    not serve (``django.security.DisallowedHost``) is a client's mistake or a scan, nothing
    for the operators to fix, and must not page them as an error would."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = (
                logging.WARNING,
                logging.getLevelName(logging.WARNING),
            )
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for the container's log collector."""

    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(self.entry(record), ensure_ascii=False, default=str)

    def entry(self, record: logging.LogRecord) -> dict:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id.get(),
        }
        # django.request and django.server say which status the request ended with.
        status_code = getattr(record, "status_code", None)
        if isinstance(status_code, int):
            entry["status_code"] = status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return entry


class AccessJsonFormatter(JsonFormatter):
    """gunicorn's access log as JSON, with the request's fields as keys of their own.

    gunicorn passes every atom of the request as the record's arguments: its headers,
    cookies included, and the query string among them. Only the atoms named here are
    written; the message is whatever ``access_log_format`` (gunicorn.conf.py) makes of them.
    """

    FIELDS = {
        "method": "m",
        "path": "U",
        "status": "s",
        "bytes": "B",
        "duration_ms": "M",
        "request_id": "{x-request-id}o",
    }

    def entry(self, record: logging.LogRecord) -> dict:
        entry = super().entry(record)
        atoms = record.args if isinstance(record.args, dict) else {}
        for field, atom in self.FIELDS.items():
            value = atoms.get(atom)
            if value in (None, "-"):
                continue
            if isinstance(value, str) and value.isdigit() and field != "request_id":
                value = int(value)
            entry[field] = value
        return entry
