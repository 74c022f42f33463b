"""The shared handout log on a real PostgreSQL server (tests/conftest.py's postgres_server): rows
in the real table, migrations, concurrent writers, the local queue while the server is down, the
patient name only when opted in, and no password in any message."""

import dataclasses
import socket
import time

import psycopg
import pytest
from conftest import log_entry

from vpdischarge.records.bench_log import write_at_once
from vpdischarge.records.handout_given import Given, record_handout
from vpdischarge.records.handout_log import COLUMNS, SQLiteLog, default_log_path, queue_path
from vpdischarge.records.migrations import LATEST, MIGRATIONS, POSTGRES, migrate
from vpdischarge.records.postgres_log import PostgresLog, log_to_database
from vpdischarge.records.postgres_testing import PASSWORD_ROLE, _free_port

PASSWORD = "s3cret-Pa55word"


def _rows(url):
    """The table as the database holds it, read without the program's own code."""
    with psycopg.connect(url) as conn:
        cursor = conn.execute("SELECT * FROM handout_log ORDER BY logged_at, entry_id")
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _dead_url(password=""):
    """A URL on a port of this machine where nothing listens."""
    user = f"nurse:{password}" if password else "nurse"
    return f"postgresql://{user}@127.0.0.1:{_free_port()}/vpdischarge"


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "vpdischarge"


def test_rows_land_in_the_real_table_and_read_back(postgres_url):
    entry = log_entry(
        languages="es,en", print_size="large", learner="caregiver", teach_back="could say when to call"
    )
    with PostgresLog(postgres_url) as log:
        log.write([entry])
        assert log.entries() == [entry]
    (row,) = _rows(postgres_url)
    assert sorted(row) == sorted(COLUMNS)
    assert row["entry_id"] == entry.entry_id and row["record_number"] == "T-000123"
    assert (row["languages"], row["print_size"], row["learner"]) == ("es,en", "large", "caregiver")
    assert row["teach_back"] == "could say when to call" and row["patient_name"] is None


def test_an_entry_sent_twice_is_stored_once_and_since_filters(postgres_url):
    old, new = (
        log_entry(logged_at="2026-11-01T08:00:00+00:00"),
        log_entry(logged_at="2026-11-27T08:00:00+00:00"),
    )
    with PostgresLog(postgres_url) as log:
        log.write([new, old])
        log.write([new])  # a resend after a lost reply
        assert log.entries() == [old, new]
        assert log.entries(since="2026-11-20") == [new]
    assert len(_rows(postgres_url)) == 2


def test_migrations_run_once_and_record_the_version(postgres_url):
    for _ in range(2):
        PostgresLog(postgres_url).close()
    with psycopg.connect(postgres_url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [number for number, _ in MIGRATIONS] == list(range(1, LATEST + 1))


def test_an_old_database_is_migrated_and_keeps_its_rows(postgres_url):
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        assert migrate(conn, up_to=1, dialect=POSTGRES) == 1  # what the first release made
        conn.execute(
            "INSERT INTO handout_log VALUES ('id-1', '2026-11-01T08:00:00+00:00', 'print', 'ws', "
            "'nurse', 'A1', 'en', 'normal', 'v1', 'en:source', 'not assessed', 'ff', NULL)"
        )
    with PostgresLog(postgres_url) as log:
        assert [(e.entry_id, e.learner) for e in log.entries()] == [("id-1", None)]
        indexes = [r[0] for r in log.conn.execute("SELECT indexname FROM pg_indexes")]
        assert "handout_log_logged_at" in indexes
        assert log.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == LATEST


def test_a_workstation_role_that_may_only_read_and_insert_can_log(postgres_url, tmp_path):
    """What IT would give each workstation: no CREATE (PostgreSQL 15's default in the public
    schema), only SELECT and INSERT on the tables the first, owning, connection made."""
    PostgresLog(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS vpd_writer")
        conn.execute("CREATE ROLE vpd_writer LOGIN")
        conn.execute("GRANT SELECT, INSERT ON handout_log TO vpd_writer")
        conn.execute("GRANT SELECT ON schema_version TO vpd_writer")
    writer_url = postgres_url.replace("postgresql://postgres@", "postgresql://vpd_writer@")
    entry = log_entry()
    try:
        assert log_to_database(entry, writer_url, tmp_path / "queue.sqlite3") is None
        assert [row["entry_id"] for row in _rows(postgres_url)] == [entry.entry_id]
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute("DROP OWNED BY vpd_writer")
            conn.execute("DROP ROLE vpd_writer")


def test_a_failed_migration_leaves_the_database_as_it_was(postgres_url, monkeypatch):
    from vpdischarge.records import migrations

    broken = LATEST + 1
    monkeypatch.setattr(
        migrations, "MIGRATIONS", [*MIGRATIONS, (broken, ("CREATE TABLE extra (x TEXT)", "CREATE TABLE ("))]
    )
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        with pytest.raises(psycopg.Error):
            migrations.migrate(conn, up_to=broken, dialect=POSTGRES)
        # PostgreSQL's DDL is transactional: not even the version table is left behind.
        tables = "SELECT to_regclass('schema_version'), to_regclass('handout_log'), to_regclass('extra')"
        assert conn.execute(tables).fetchone() == (None, None, None)


def test_eight_processes_writing_at_once_lose_none(postgres_url):
    # A new database: the eight also race to run migration 1 (the advisory lock lets one).
    _seconds, errors = write_at_once(postgres_url, processes=8, entries=250, timeout=300)
    assert not errors, errors
    numbers = [row["record_number"] for row in _rows(postgres_url)]
    assert sorted(numbers) == sorted(f"bench-{w}-{n}" for w in range(8) for n in range(250))
    with psycopg.connect(postgres_url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_version")]
    assert versions == list(range(1, LATEST + 1))  # each migration ran once


def test_a_server_that_is_down_queues_the_entry_and_the_next_write_sends_it(
    postgres_server, postgres_url, tmp_path
):
    queue = tmp_path / "queue.sqlite3"
    with PostgresLog(postgres_url):
        pass  # made while the server is up, so only the outage is tested below
    first, second, third = log_entry(), log_entry(), log_entry()
    postgres_server.stop()
    try:
        assert "waits on this computer and is sent when it can be (1 waiting)" in log_to_database(
            first, postgres_url, queue
        )
        warning = log_to_database(second, postgres_url, queue)
    finally:
        postgres_server.start()
    assert warning.startswith("site.log.database: the log database could not be reached (")
    assert warning.endswith("this entry waits on this computer and is sent when it can be (2 waiting)")
    assert "T-000123" not in warning
    with SQLiteLog(queue) as local:
        assert {e.entry_id for e in local.entries()} == {first.entry_id, second.entry_id}
    assert _rows(postgres_url) == []

    assert log_to_database(third, postgres_url, queue) is None
    assert {row["entry_id"] for row in _rows(postgres_url)} == {e.entry_id for e in (first, second, third)}
    with SQLiteLog(queue) as local:
        assert local.count() == 0


def test_a_server_that_never_answers_costs_a_print_the_connect_timeout_only(tmp_path):
    """A host that takes the connection but never speaks (a hung server, a dead proxy): the
    entry is queued after the connect timeout (5 s), not after the minutes TCP would wait."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"postgresql://nurse@127.0.0.1:{silent.getsockname()[1]}/vpdischarge"
        start = time.monotonic()
        warning = log_to_database(log_entry(), url, tmp_path / "queue.sqlite3")
        elapsed = time.monotonic() - start
    assert "(1 waiting)" in warning
    assert elapsed < 15, elapsed


def test_record_handout_uses_the_site_database_and_its_name_setting(postgres_url, make_case, site, data_home):
    case = make_case()
    shared = dataclasses.replace(site, log_database=postgres_url)
    assert record_handout(case, shared, b"%PDF-1", Given("print", "could say it back", "patient")) == []
    named = dataclasses.replace(shared, log_include_patient_name=True)
    assert record_handout(case, named, b"%PDF-2", Given("save")) == []
    rows = {row["action"]: row for row in _rows(postgres_url)}
    assert rows["print"]["patient_name"] is None
    assert (rows["print"]["teach_back"], rows["print"]["learner"]) == ("could say it back", "patient")
    assert rows["save"]["patient_name"] == "Maria Testcase Núñez"
    assert not default_log_path().exists() and not queue_path().exists()  # nothing kept locally


def test_the_embedded_log_holds_the_name_only_when_opted_in(make_case, site, data_home):
    case = make_case()
    assert record_handout(case, site, b"%PDF-1", Given("print")) == []
    assert b"Testcase" not in default_log_path().read_bytes()
    named = dataclasses.replace(site, log_include_patient_name=True)
    assert record_handout(case, named, b"%PDF-2", Given("save")) == []
    with SQLiteLog() as log:
        names = {e.action: e.patient_name for e in log.entries()}
    assert names == {"print": None, "save": "Maria Testcase Núñez"}


def test_a_database_that_cannot_be_reached_is_a_warning_without_the_password(make_case, site, data_home):
    url = _dead_url(PASSWORD)
    shared = dataclasses.replace(site, log_database=url)
    warnings = record_handout(make_case(), shared, b"%PDF-1", Given("print"))
    assert len(warnings) == 1
    assert warnings[0].startswith("site.log.database: the log database could not be reached")
    assert "(1 waiting)" in warnings[0]
    for secret in (PASSWORD, "Testcase", "T-000123"):
        assert secret not in warnings[0]
    with SQLiteLog(queue_path()) as local:
        assert local.count() == 1


def test_a_refused_password_queues_the_entry_and_is_never_shown(postgres_url, tmp_path):
    """A real server that asks for a password (tests' role PASSWORD_ROLE): the wrong one is
    refused, the entry waits, and neither password appears; the right one sends the queue."""
    PostgresLog(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")
        conn.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'Right-{PASSWORD}'")
        conn.execute(f"GRANT SELECT, INSERT ON handout_log, schema_version TO {PASSWORD_ROLE}")
    at = postgres_url.split("@", 1)[1]
    queue, entry = tmp_path / "queue.sqlite3", log_entry()
    try:
        warning = log_to_database(entry, f"postgresql://{PASSWORD_ROLE}:Wrong-{PASSWORD}@{at}", queue)
        assert "password authentication failed" in warning and "(1 waiting)" in warning
        assert PASSWORD not in warning
        assert (
            log_to_database(log_entry(), f"postgresql://{PASSWORD_ROLE}:Right-{PASSWORD}@{at}", queue) is None
        )
        assert entry.entry_id in {row["entry_id"] for row in _rows(postgres_url)}
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {PASSWORD_ROLE}")
            conn.execute(f"DROP ROLE {PASSWORD_ROLE}")


def test_a_queue_that_cannot_be_kept_is_a_warning_not_an_exception(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    warning = log_to_database(log_entry(), _dead_url(), blocker / "queue.sqlite3")
    assert warning.endswith("this handout is not in the log")
