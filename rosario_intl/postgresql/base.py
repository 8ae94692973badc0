"""Django's PostgreSQL backend, with a connection check that costs no round trip.

``CONN_HEALTH_CHECKS`` (settings/base.py) checks a reused connection before the first query
of each request, so that a connection the server dropped (a restart, an idle timeout, a
terminated backend) is replaced before a view uses it. Django's check asks the server
(``SELECT 1``): a round trip as long as the page's own statement, on every uncached page and
every admin request. This one reads the connection itself instead.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq

# A connection may take a query in these states; a failed transaction (INERROR) must be
# rolled back first, and an unknown state is a lost connection.
USABLE_STATES = {pq.TransactionStatus.IDLE, pq.TransactionStatus.INTRANS}


class DatabaseWrapper(base.DatabaseWrapper):
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
