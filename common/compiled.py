"""Statements the ORM builds and compiles once, then runs with each call's values.

Building a queryset (its filters, joins, annotations) and compiling it to SQL costs the ORM
one to three milliseconds for a statement the database answers in a tenth of that. When a
page runs the same statement every time with other values (a search: another query, another
moment; a directory list: another filter value, another page), that work can be done once.
"""

from datetime import UTC, datetime

from django.db import connections

# Integers no real call passes, yet within a small integer column's range: Django leaves a
# lookup out of the statement when its value cannot fit the column (IntegerFieldOverflow).
FIRST_INTEGER_STAND_IN = 31_000


class CompiledQuery:
    """``build(**values)``'s queryset, compiled once per ``key``, then run with new values.

    The first call for a key builds the queryset with a stand-in for each value, compiles it,
    and notes where each stand-in sits among the statement's parameters; every call then runs
    that SQL with its own values in those places, and gets the rows as dictionaries by column
    name, as ``values()`` gives them, but without the ORM's conversions of what it reads
    (type in the SQL what the driver would not: ``Cast``). The key names whatever changes
    the SQL itself (a language, the filters present); the values must not change it (a
    search's text does not; the number of words in a filter would). Values are strings,
    integers, and aware datetimes, passed to the database as a lookup passes them: as they
    are, but a datetime as the backend writes it (SQLite: as text, in UTC). ``limit`` and
    ``offset`` take a slice of the rows, in the statement too.

    ``around`` is a statement the compiled SQL is written into, at ``{}``, for what the ORM
    cannot say of a queryset (a window over a ``UNION``, say); its columns are the queryset's.

    A stand-in that does not come out among the parameters is an error at that first call,
    and so is a moment among them that is not a stand-in: a "now" worked out while the
    statement was built would stay in it for good.
    """

    def __init__(self, build, *, around: str = "{}", using: str = "default"):
        self.build = build
        self.around = around
        self.using = using
        self.compiled: dict = {}

    def rows(self, key, *, limit: int | None = None, offset: int = 0, **values) -> list[dict]:
        sql, params = self.statement(key, **values)
        return fetch(connections[self.using], sql, params, limit=limit, offset=offset)

    def statement(self, key, **values) -> tuple[str, list]:
        """The SQL compiled for ``key`` (compiled now the first time) and its parameters,
        each value in its places: what ``rows()`` runs, before its slice."""
        compiled = self.compiled.get(key)
        if compiled is None:
            compiled = self.compiled[key] = self.compile(**values)
        sql, params, places = compiled
        params = list(params)
        for name, positions in places.items():
            value = self.adapt(values[name])
            for position in positions:
                params[position] = _like(params[position], value)
        return sql, params

    def compile(self, **values):
        stand_ins = {
            name: stand_in(name, value, index) for index, (name, value) in enumerate(values.items())
        }
        queryset = self.build(**stand_ins)
        sql, params = queryset.query.get_compiler(self.using).as_sql()
        sql = self.around.format(sql)
        places = {
            name: [i for i, param in enumerate(params) if _same(param, self.adapt(stand))]
            for name, stand in stand_ins.items()
        }
        if missing := [name for name, positions in places.items() if not positions]:
            raise ValueError(f"Not among the statement's parameters: {', '.join(missing)}")
        placed = {position for positions in places.values() for position in positions}
        moments = [p for i, p in enumerate(params) if i not in placed and isinstance(p, datetime)]
        if moments:
            raise ValueError(f"A moment fixed in the statement: {moments[0]!r}")
        return sql, tuple(params), places

    def adapt(self, value):
        """``value`` as a lookup passes it to the database."""
        if isinstance(value, datetime):
            return connections[self.using].ops.adapt_datetimefield_value(value)
        return value


def fetch(connection, sql: str, params, *, limit: int | None = None, offset: int = 0) -> list[dict]:
    """The rows of ``sql`` run with ``params`` on ``connection``, as dictionaries by column
    name; ``limit`` and ``offset`` take a slice of them, in the statement."""
    if limit is not None:
        sql = f"{sql} LIMIT %s OFFSET %s"
        params = [*params, limit, offset]
    # A backend that can keep a statement prepared offers a cursor that does
    # (rosario_intl/postgresql): these statements are run again and again, text unchanged.
    cursor_of = getattr(connection, "prepared_cursor", connection.cursor)
    with cursor_of() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def stand_in(name: str, value, index: int):
    """A value of ``value``'s type that no real call passes, for the ``index``-th value."""
    if isinstance(value, str):
        return f"\x00stand-in for {name}\x00"
    if isinstance(value, datetime):
        # A moment no page asks about, each value's told apart by its microseconds.
        return datetime(1901, 2, 3, 4, 5, 6, index, tzinfo=UTC)
    if isinstance(value, int) and not isinstance(value, bool):
        return FIRST_INTEGER_STAND_IN + index
    raise TypeError(f"No stand-in for a {type(value).__name__} ({name})")


def _same(param, stand) -> bool:
    # An integer may come typed as its column is (psycopg's Int2, Int4: int subclasses).
    return isinstance(param, type(stand)) and param == stand


def _like(stand, value):
    """``value`` in the type of the parameter it replaces."""
    return value if type(value) is type(stand) else type(stand)(value)
