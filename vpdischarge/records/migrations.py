"""Versioned schema changes of the handout log.

The database remembers the last migration applied in `schema_version`; opening a log applies the
missing ones, in order, each in the same transaction as its version bump, so a log is never left
half-migrated. An older database (a workstation that skipped releases) is brought up to date the
same way a new one is made. Migrations are only ever appended: a released one is never edited,
as logs already migrated by it would not get the change.
"""

from __future__ import annotations

import sqlite3

# (version, SQL statements). SQLite's dialect; kept to what PostgreSQL also reads, so the same
# list can serve a shared database later.
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
]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, up_to: int = LATEST) -> int:
    """Apply the missing migrations up to `up_to` (tests make an old database with it); returns
    the version now. BEGIN IMMEDIATE takes the write lock first, so two processes opening a new
    log at once do not both run migration 1: the second waits, then finds it done."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = current_version(conn)
        for number, statements in MIGRATIONS:
            if version < number <= up_to:
                for statement in statements:
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
                version = number
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return version
