"""The embedded handout log: its columns, what it leaves out, migrations, concurrent writers."""

import sqlite3

import pytest
from conftest import log_entry

from vpdischarge.paths import data_dir
from vpdischarge.records.bench_log import write_at_once
from vpdischarge.records.handout_log import COLUMNS, SQLiteLog, default_log_path
from vpdischarge.records.migrations import LATEST, current_version, migrate


def test_default_log_is_in_the_isolated_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_dir() == tmp_path / "vpdischarge"
    with SQLiteLog() as log:
        log.write([log_entry()])
    assert default_log_path() == tmp_path / "vpdischarge" / "handout-log.sqlite3"
    assert default_log_path().is_file()


def test_a_row_has_the_columns_and_no_patient_name(tmp_path):
    with SQLiteLog(tmp_path / "log.sqlite3") as log:
        log.write([log_entry(languages="es,en", print_size="large", pdf_sha256="ab" * 32)])
    conn = sqlite3.connect(tmp_path / "log.sqlite3")
    names = [row[1] for row in conn.execute("PRAGMA table_info(handout_log)")]
    assert sorted(names) == sorted(COLUMNS)
    row = dict(zip(names, conn.execute("SELECT * FROM handout_log").fetchone(), strict=True))
    assert row["record_number"] == "T-000123"
    assert row["languages"] == "es,en"
    assert row["print_size"] == "large"
    assert row["pdf_sha256"] == "ab" * 32
    assert row["logged_at"].endswith("+00:00")  # UTC
    assert row["workstation"] and row["login"]
    assert row["patient_name"] is None
    # Nothing else in the file carries the name either (the test case's name is never passed).
    assert b"Testcase" not in (tmp_path / "log.sqlite3").read_bytes()


def test_an_entry_sent_twice_is_stored_once(tmp_path):
    entry = log_entry()
    with SQLiteLog(tmp_path / "log.sqlite3") as log:
        log.write([entry])
        log.write([entry])
        assert log.entries() == [entry]


def test_since_leaves_out_older_entries(tmp_path):
    old, new = (
        log_entry(logged_at="2026-11-01T08:00:00+00:00"),
        log_entry(logged_at="2026-11-27T08:00:00+00:00"),
    )
    with SQLiteLog(tmp_path / "log.sqlite3") as log:
        log.write([new, old])
        assert log.entries() == [old, new]
        assert log.entries(since="2026-11-20") == [new]


def test_an_old_log_is_migrated_and_keeps_its_rows(tmp_path):
    path = tmp_path / "log.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, up_to=1) == 1  # what the first release made
    conn.execute(
        "INSERT INTO handout_log VALUES ('id-1', '2026-11-01T08:00:00+00:00', 'print', 'ws', 'nurse', "
        "'A1', 'en', 'normal', 'v1', 'en:source', 'not assessed', 'ff', NULL)"
    )
    indexes = [r[1] for r in conn.execute("PRAGMA index_list(handout_log)")]
    assert "handout_log_logged_at" not in indexes
    conn.close()
    with SQLiteLog(path) as log:
        assert current_version(log.conn) == LATEST == 3
        assert [e.entry_id for e in log.entries()] == ["id-1"]
        assert log.entries()[0].learner is None  # migration 3's column, empty for old rows
        indexes = [r[1] for r in log.conn.execute("PRAGMA index_list(handout_log)")]
        assert "handout_log_logged_at" in indexes
        # Opening again applies nothing twice.
        assert migrate(log.conn) == LATEST
        assert log.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == LATEST


def test_a_failed_migration_leaves_the_log_as_it_was(tmp_path, monkeypatch):
    from vpdischarge.records import migrations

    path = tmp_path / "log.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, up_to=1)
    broken = LATEST + 1
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (broken, ("CREATE TABLE (",))])
    with pytest.raises(sqlite3.Error):
        migrations.migrate(conn, up_to=broken)
    assert current_version(conn) == 1
    assert "handout_log_logged_at" not in [r[1] for r in conn.execute("PRAGMA index_list(handout_log)")]


def test_eight_processes_writing_500_entries_each_lose_none(tmp_path):
    path = tmp_path / "log.sqlite3"  # new: the processes also race to create and migrate it
    _seconds, errors = write_at_once(path, processes=8, entries=500, timeout=300)
    assert not errors, errors
    with SQLiteLog(path) as log:
        numbers = {e.record_number for e in log.entries()}
    assert numbers == {f"bench-{w}-{n}" for w in range(8) for n in range(500)}


def test_entries_come_back_in_the_order_they_were_given(tmp_path):
    # Stamped to the second, entries of one second came back in the order of their random ids.
    written = [log_entry(pdf_sha256=f"{n:064x}") for n in range(20)]  # well within a second
    with SQLiteLog(tmp_path / "log.sqlite3") as log:
        for entry in written:
            log.write([entry])
        assert [e.pdf_sha256 for e in log.entries()] == [e.pdf_sha256 for e in written]
        assert log.entries(since=written[0].logged_at[:10]) == log.entries()  # --since a date
