"""Versioned schema changes of the handout log.

The database remembers the last migration applied in `schema_version`; opening a log applies the
missing ones, in order, each in the same transaction as its version bump, so a log is never left
half-migrated. An older database (a workstation that skipped releases) is brought up to date the
same way a new one is made. Migrations are only ever appended: a released one is never edited,
as logs already migrated by it would not get the change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

# (version, SQL statements). Written in what SQLite and PostgreSQL both read, so the embedded log,
# its queue and the hospital's shared database are made and changed by this one list.
MIGRATIONS: list[tuple[int, tuple[str, ...]]] = [
    (
        1,
        (
            """CREATE TABLE handout_log (
                entry_id TEXT PRIMARY KEY,
                logged_at TEXT NOT NULL,
                action TEXT NOT NULL,
                workstation TEXT NOT NULL,
                login TEXT NOT NULL,
                record_number TEXT NOT NULL,
                languages TEXT NOT NULL,
                print_size TEXT NOT NULL,
                content_version TEXT NOT NULL,
                translation_status TEXT NOT NULL,
                teach_back TEXT NOT NULL,
                pdf_sha256 TEXT NOT NULL,
                patient_name TEXT
            )""",
        ),
    ),
    # The quality office lists entries from a date on (`--since`): without an index that reads
    # the whole table, which grows by every handout of every ward.
    (2, ("CREATE INDEX handout_log_logged_at ON handout_log (logged_at)",)),
    # Who was taught (`learner`: "patient" or "caregiver"; NULL: not recorded), as the education
    # record says it; the log is where the quality office counts it.
    (3, ("ALTER TABLE handout_log ADD COLUMN learner TEXT",)),
]
LATEST = MIGRATIONS[-1][0]


class Connection(Protocol):
    """What is used of a connection: sqlite3's, and psycopg's in autocommit mode (transactions
    are begun and ended here, explicitly, in both)."""

    def execute(self, query: str, params: Any = ..., /) -> Any: ...


@dataclass(frozen=True)
class Dialect:
    """Where the two databases differ in what is written here."""

    placeholder: str  # of one parameter
    begin_write: str  # starts a transaction that writes
    # Whether the version table is there (a count, or a truth value).
    has_version_table: str
    # Run first in a migration's transaction, so that of two processes migrating a new database
    # at once, the second waits, then finds the work done. None: `begin_write` already locks.
    lock: str | None = None


# BEGIN IMMEDIATE takes SQLite's write lock at once (a plain BEGIN would take it at the first
# write, after reading the version, so two processes could both decide to run migration 1).
SQLITE = Dialect(
    placeholder="?",
    begin_write="BEGIN IMMEDIATE",
    has_version_table="SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
)
# A transaction-level advisory lock (released by COMMIT or ROLLBACK, even if the process dies),
# on a number that is this program's schema lock; it locks nothing else in the database.
POSTGRES = Dialect(
    placeholder="%s",
    begin_write="BEGIN",
    has_version_table="SELECT to_regclass('schema_version') IS NOT NULL",
    lock="SELECT pg_advisory_xact_lock(7406231301)",
)


def current_version(conn: Connection, dialect: Dialect = SQLITE) -> int:
    # Looked up before it is made: CREATE TABLE IF NOT EXISTS needs the CREATE privilege even
    # when the table is there, and the role each workstation logs in with to a shared database
    # may only read and insert (PostgreSQL 15 gives no role CREATE in the public schema).
    if not conn.execute(dialect.has_version_table).fetchone()[0]:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


@contextmanager
def write_transaction(conn: Connection, dialect: Dialect = SQLITE) -> Iterator[None]:
    """One write transaction, begun the dialect's way (SQLite takes its write lock at once):
    committed when the block ends, rolled back if anything in it raises."""
    conn.execute(dialect.begin_write)
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def migrate(conn: Connection, up_to: int = LATEST, dialect: Dialect = SQLITE) -> int:
    """Apply the missing migrations up to `up_to` (tests make an old database with it); returns
    the version now. The version is read under the dialect's lock, so two processes opening a
    new log at once do not both run migration 1: the second waits, then finds it done."""
    with write_transaction(conn, dialect):
        if dialect.lock is not None:
            conn.execute(dialect.lock)
        version = current_version(conn, dialect)
        for number, statements in MIGRATIONS:
            if version < number <= up_to:
                for statement in statements:
                    conn.execute(statement)
                bump = f"INSERT INTO schema_version (version) VALUES ({dialect.placeholder})"
                conn.execute(bump, (number,))
                version = number
    return version
