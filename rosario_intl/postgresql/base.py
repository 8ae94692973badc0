"""Django's PostgreSQL backend, with a connection check that costs no round trip, and a
cursor for statements that run again and again.

``CONN_HEALTH_CHECKS`` (settings/base.py) checks a reused connection before the first query
of each request, so that a connection the server dropped (a restart, an idle timeout, a
terminated backend) is replaced before a view uses it. Django's check asks the server
(``SELECT 1``): a round trip as long as the page's own statement, on every uncached page and
every admin request. This one reads the connection itself instead.

Prepared statements. Django's cursors bind parameters on the client and never prepare, so
PostgreSQL parses, analyses and plans each statement anew: for the site search, about as long
as running it. ``prepared_cursor()`` binds on the server, and a statement it has run
``PREPARE_THRESHOLD`` times on a connection is prepared there (psycopg's automatic
preparation): parsed once, and planned once when PostgreSQL finds a generic plan no costlier
than the custom ones. Only ``common.compiled`` uses it, for statements whose text is fixed and
whose values change. (A pooler in transaction mode in front of PostgreSQL must keep prepared
statements apart per connection, as PgBouncer does from 1.21 with
``max_prepared_statements``; ``OPTIONS["prepare_threshold"] = None`` turns them off.)
"""

import select

from django.db.backends.postgresql import base
from django.utils.asyncio import async_unsafe
from psycopg import pq

# A connection may take a query in these states; a failed transaction (INERROR) must be
# rolled back first, and an unknown state is a lost connection.
USABLE_STATES = {pq.TransactionStatus.IDLE, pq.TransactionStatus.INTRANS}
# Runs of a statement on a connection before it is prepared (psycopg's default).
PREPARE_THRESHOLD = 5


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        # Django turns psycopg's automatic preparation off unless OPTIONS says otherwise; its
        # own (client-binding) cursors never prepare anyway, so this reaches prepared_cursor()
        # alone.
        params = super().get_connection_params()
        if "prepare_threshold" not in self.settings_dict["OPTIONS"]:
            params["prepare_threshold"] = PREPARE_THRESHOLD
        return params

    @async_unsafe
    def prepared_cursor(self):
        """A cursor whose parameters the server binds, so that the statements it runs often
        are prepared; otherwise as ``cursor()`` gives one: the connection checked first when
        it is a request's first use of it (and replaced if it was dropped), the cursor logged
        and counted, its errors Django's."""
        self.close_if_health_check_failed()
        self.ensure_connection()
        self.validate_thread_sharing()
        with self.wrap_database_errors:
            cursor = base.ServerBindingCursor(self.connection)
        return self.make_debug_cursor(cursor) if self.queries_logged else self.make_cursor(cursor)

    def is_usable(self):
        """Whether the connection can take a query: open, not in a failed transaction, and
        nothing waiting on its socket. Between two requests the server sends nothing to a
        healthy connection; one it has closed is left readable (its last message, then the end
        of the stream). Anything unexpected there counts as unusable: the connection is then
        replaced, which costs a connection, never an error page."""
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if connection.info.transaction_status not in USABLE_STATES:
            return False
        try:
            readable, _writable, _failed = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable
