"""The handout log: one row for every handout printed or saved, for the quality office.

What a row holds is what a surveyor asks (when, where, by whom, for which record, in which
language, how well the patient could say it back, and which exact PDF, by its SHA-256) and no
more: not the patient's name, notes or medicines, unless the site opts in to the name (`[log]
include_patient_name`). The embedded default is SQLite in the user's data folder
(vpdischarge.paths.data_dir), nothing to set up. Several processes may write at once: WAL
journal, a generous busy timeout, and one transaction per entry, so no entry is lost to a lock.
With `[log] database` the entries go to the hospital's shared PostgreSQL database instead
(records/postgres_log.py), through the same SQL (SQLLog) and the same migrations.
"""

from __future__ import annotations

import getpass
import socket
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from vpdischarge.records.migrations import SQLITE, Dialect, migrate, write_transaction

LOG_FILE_NAME = "handout-log.sqlite3"
# Entries waiting for the site's shared database (`[log] database`) while it cannot be reached.
QUEUE_FILE_NAME = "handout-log-queue.sqlite3"
# A busy log (eight workstations' processes writing at once on a share) waits this long for the
# write lock before giving up; a print never waits on it in the window (a worker thread writes).
BUSY_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class LogEntry:
    """One handout given. `entry_id` is unique, so an entry sent twice (a queue resent after a
    lost reply) is stored once."""

    logged_at: str  # UTC, ISO 8601
    action: str  # "print", "save" or "render"
    workstation: str
    login: str
    record_number: str
    languages: str  # "es" or "es,en"
    print_size: str  # "normal" or "large"
    content_version: str
    translation_status: str  # per language: "es:draft,en:source"
    teach_back: str  # "not assessed", or what the patient could say back
    pdf_sha256: str
    learner: str | None = None  # "patient" or "caregiver"; None: not recorded
    patient_name: str | None = None  # only when the site opts in (`[log] include_patient_name`)
    entry_id: str = ""


COLUMNS = tuple(f.name for f in fields(LogEntry))


def new_entry(**values: str | None) -> LogEntry:
    """An entry stamped now, on this workstation, for this login, with a fresh id."""
    # To the microsecond: the log is listed in this order, and two handouts of one second (a
    # print and a save) came back in the order of their random ids.
    values.setdefault("logged_at", datetime.now(UTC).isoformat(timespec="microseconds"))
    values.setdefault("workstation", socket.gethostname())
    values.setdefault("login", _login())
    values.setdefault("entry_id", str(uuid.uuid4()))
    return LogEntry(**values)  # type: ignore[arg-type]


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container) and no LOGNAME/USER
        return "unknown"


def default_log_path() -> Path:
    from vpdischarge.paths import data_dir

    return data_dir() / LOG_FILE_NAME


def queue_path() -> Path:
    from vpdischarge.paths import data_dir

    return data_dir() / QUEUE_FILE_NAME


class SQLLog:
    """What both kinds of log do the same way, in the SQL both read; a subclass opens `conn`
    (in autocommit mode: transactions are begun and ended here) and migrates it."""

    dialect: Dialect = SQLITE
    conn: Any

    def write(self, entries: Iterable[LogEntry]) -> None:
        """All of `entries` in one transaction: stored together or not at all. An entry already
        stored (the same entry_id) is left as it is."""
        rows = [tuple(asdict(e)[c] for c in COLUMNS) for e in entries]
        placeholders = ", ".join(self.dialect.placeholder for _ in COLUMNS)
        with write_transaction(self.conn, self.dialect):
            self.conn.cursor().executemany(
                f"INSERT INTO handout_log ({', '.join(COLUMNS)}) VALUES ({placeholders}) "
                "ON CONFLICT (entry_id) DO NOTHING",
                rows,
            )

    def entries(self, since: str | None = None) -> list[LogEntry]:
        """Entries from `since` (an ISO date or time, UTC) on, oldest first."""
        query = f"SELECT {', '.join(COLUMNS)} FROM handout_log"
        params: tuple[str, ...] = ()
        if since is not None:
            query += f" WHERE logged_at >= {self.dialect.placeholder}"
            params = (since,)
        rows = self.conn.execute(query + " ORDER BY logged_at, entry_id", params).fetchall()
        return [LogEntry(**dict(zip(COLUMNS, row, strict=True))) for row in rows]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SQLiteLog(SQLLog):
    """The embedded log (one file). Raises sqlite3.Error (or OSError for the folder) when it
    cannot be written; callers turn that into a message, never into a stopped print."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_log_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are begun and ended here, explicitly.
        self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        migrate(self.conn)

    def remove(self, entry_ids: Iterable[str]) -> None:
        """Take entries out (the queue, once the shared database has them)."""
        with write_transaction(self.conn):
            self.conn.executemany("DELETE FROM handout_log WHERE entry_id = ?", [(i,) for i in entry_ids])

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM handout_log").fetchone()[0])


def log_handout(entry: LogEntry, path: Path | None = None, database: str = "") -> str | None:
    """Write one entry: to the site's shared database when `database` (`[log] database`) names
    one, else to the embedded log at `path`. None when done, else a one-line reason for the
    nurse or the CLI's warning. Never raises for a log that cannot be written: the handout is
    already printed or saved, and must stay so."""
    if database:
        from vpdischarge.records.postgres_log import log_to_database

        return log_to_database(entry, database)
    try:
        with SQLiteLog(path) as log:
            log.write([entry])
    except (sqlite3.Error, OSError) as exc:
        # The reason names the file (the user's own data folder), never the patient.
        where = path or default_log_path()
        return f"log: the handout log {where} could not be written: {exc}"
    return None
