"""The hospital's shared handout log in PostgreSQL (`[log] database` in the site file).

Every workstation writes to one database, so the quality office has one list. The table and its
versions are the embedded log's (records/migrations.py, one list for both). A print never waits
long on it and is never stopped by it: the connection gives up after CONNECT_TIMEOUT_S, and an
entry that cannot be sent waits in a local queue (an SQLite file in the user's data folder, made
by the same migrations) until a later write can send it. Entries are sent by entry_id with
`ON CONFLICT DO NOTHING`, so an entry sent twice (a reply lost after the commit) is stored once.
No message names the patient or shows the URL's password.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg

from vpdischarge.domain.database_url import masked, without_password
from vpdischarge.records.handout_log import LogEntry, SQLiteLog, SQLLog, queue_path
from vpdischarge.records.migrations import POSTGRES, migrate

# libpq counts whole seconds (and takes 2 as its least): a server that is down or away costs a
# print at most this long, once, before its entry is queued.
CONNECT_TIMEOUT_S = 5
SETTING = "site.log.database"


class PostgresLog(SQLLog):
    """The shared log. Raises psycopg.Error when the database cannot be reached or written."""

    dialect = POSTGRES

    def __init__(self, url: str, connect_timeout: int = CONNECT_TIMEOUT_S) -> None:
        # autocommit: transactions are begun and ended explicitly, as for SQLite (migrations.py).
        self.conn = psycopg.connect(
            url, connect_timeout=connect_timeout, autocommit=True, application_name="vpdischarge"
        )
        try:
            migrate(self.conn, dialect=POSTGRES)
        except BaseException:
            self.conn.close()
            raise


def reason(exc: BaseException, url: str) -> str:
    """What went wrong, in one line, for IT: the driver's first line, without the password. The
    first line only: a server's DETAIL line may quote the row, and the row may hold a name."""
    diag = getattr(exc, "diag", None)
    text = (getattr(diag, "message_primary", None) or str(exc) or type(exc).__name__).strip()
    return without_password(text.splitlines()[0], url)


def unreachable(exc: BaseException, url: str) -> str:
    """The error of `vpdischarge log` when the database cannot be read."""
    return f"{SETTING}: the log database {masked(url)} could not be reached ({reason(exc, url)})"


def _waiting(queue: Path) -> list[LogEntry]:
    if not queue.is_file():  # the queue file is made only when an entry has to wait
        return []
    with SQLiteLog(queue) as local:
        return local.entries()


def log_to_database(entry: LogEntry, url: str, queue: Path | None = None) -> str | None:
    """Send one entry, and first every entry waiting in the queue, in one transaction; the
    waiting ones leave the queue only once the database has committed them (a failure between
    the two sends them again, which stores nothing twice). None when all went well, else the
    one-line warning. Never raises for a database or queue that cannot be written."""
    queue = queue or queue_path()
    problem = None
    try:
        waiting = _waiting(queue)
    except (sqlite3.Error, OSError) as exc:
        waiting = []
        problem = f"{SETTING}: the entries waiting on this computer ({queue}) could not be read: {exc}"
    try:
        with PostgresLog(url) as log:
            log.write([*waiting, entry])
    except psycopg.Error as exc:
        return _keep(entry, queue, reason(exc, url))
    if waiting:
        try:
            with SQLiteLog(queue) as local:
                local.remove(e.entry_id for e in waiting)
        except (sqlite3.Error, OSError) as exc:
            problem = (
                f"{SETTING}: the waiting entries were sent, but could not be cleared from this computer "
                f"({queue}: {exc}); they are sent again, and stored once"
            )
    return problem


def _keep(entry: LogEntry, queue: Path, problem: str) -> str:
    """Put the entry in the queue; the warning that says so (or that even that failed)."""
    try:
        with SQLiteLog(queue) as local:
            local.write([entry])
            waiting = local.count()
    except (sqlite3.Error, OSError) as exc:
        return (
            f"{SETTING}: the log database could not be reached ({problem}), and the entry could not "
            f"be kept on this computer either ({queue}: {exc}); this handout is not in the log"
        )
    return (
        f"{SETTING}: the log database could not be reached ({problem}); this entry waits on this "
        f"computer and is sent when it can be ({waiting} waiting)"
    )
