"""The handout log: one row for every handout printed or saved, for the quality office.

What a row holds is what a surveyor asks (when, where, by whom, for which record, in which
language, how well the patient could say it back, and which exact PDF, by its SHA-256) and no
more: not the patient's name, notes or medicines, unless the site opts in to the name. The
embedded default is SQLite in the user's data folder (vpdischarge.paths.data_dir), nothing to set
up. Several processes may write at once: WAL journal, a generous busy timeout, and one
transaction per entry, so no entry is lost to a lock.
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

from vpdischarge.records.migrations import migrate

LOG_FILE_NAME = "handout-log.sqlite3"
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
    patient_name: str | None = None  # only when the site opts in
    entry_id: str = ""


COLUMNS = tuple(f.name for f in fields(LogEntry))


def new_entry(**values: str | None) -> LogEntry:
    """An entry stamped now, on this workstation, for this login, with a fresh id."""
    values.setdefault("logged_at", datetime.now(UTC).isoformat(timespec="seconds"))
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


class SQLiteLog:
    """The embedded log (one file). Raises sqlite3.Error (or OSError for the folder) when it
    cannot be written; callers turn that into a message, never into a stopped print."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_log_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are begun and ended here, explicitly.
        self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        migrate(self.conn)

    def write(self, entries: Iterable[LogEntry]) -> None:
        rows = [tuple(asdict(e)[c] for c in COLUMNS) for e in entries]
        placeholders = ", ".join("?" for _ in COLUMNS)
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.executemany(
                f"INSERT INTO handout_log ({', '.join(COLUMNS)}) VALUES ({placeholders}) "
                "ON CONFLICT (entry_id) DO NOTHING",
                rows,
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def entries(self, since: str | None = None) -> list[LogEntry]:
        """Entries from `since` (an ISO date or time, UTC) on, oldest first."""
        query = f"SELECT {', '.join(COLUMNS)} FROM handout_log"
        params: tuple[str, ...] = ()
        if since is not None:
            query += " WHERE logged_at >= ?"
            params = (since,)
        rows = self.conn.execute(query + " ORDER BY logged_at, entry_id", params).fetchall()
        return [LogEntry(**dict(zip(COLUMNS, row, strict=True))) for row in rows]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def log_handout(entry: LogEntry, path: Path | None = None) -> str | None:
    """Write one entry; None when done, else a one-line reason for the nurse or the CLI's
    warning. Never raises for a log that cannot be written: the handout is already printed or
    saved, and must stay so."""
    try:
        with SQLiteLog(path) as log:
            log.write([entry])
    except (sqlite3.Error, OSError) as exc:
        # The reason names the file (the user's own data folder), never the patient.
        where = path or default_log_path()
        return f"the handout log {where} could not be written: {exc}"
    return None
