"""Shared fixtures. Qt must run headless, and that has to be set before Qt is imported."""

import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Crash reports written by tests go to a scratch folder, never the real home folder; the folder
# is removed when the session ends (pytest_sessionfinish below).
STATE_FOLDER = tempfile.mkdtemp(prefix="vpdischarge-test-state-")
os.environ["XDG_STATE_HOME"] = STATE_FOLDER
# The handout log (vpdischarge.paths.data_dir) likewise: never the developer's own log.
DATA_FOLDER = tempfile.mkdtemp(prefix="vpdischarge-test-data-")
os.environ["XDG_DATA_HOME"] = DATA_FOLDER
# The machine's own site policy (/etc/xdg/vpdischarge/config.toml) and a VPDISCHARGE_SITE set in
# the developer's shell must not choose the site file of every test: an empty policy folder
# instead. Tests of the policy point XDG_CONFIG_DIRS at a folder of their own.
POLICY_FOLDER = tempfile.mkdtemp(prefix="vpdischarge-test-policy-")
os.environ["XDG_CONFIG_DIRS"] = POLICY_FOLDER
os.environ.pop("VPDISCHARGE_SITE", None)
# A child Python started by a test (`python -m vpdischarge`, `python -c …`) imports the same
# vpdischarge as the tests: the installed package, or the checkout an editable install or
# PYTHONPATH names. Without this, a child started in the repository's top folder would put that
# folder first on its sys.path and run the source tree instead of the installed wheel that
# .ci/run tests. (Python 3.11+; it changes nothing for PYTHONPATH or an editable install.)
os.environ["PYTHONSAFEPATH"] = "1"

import copy  # noqa: E402
import json  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from vpdischarge.assets import typical_case_path  # noqa: E402
from vpdischarge.domain.case_file import case_from_dict  # noqa: E402
from vpdischarge.domain.site import load_site  # noqa: E402

# "Today" for every test, so computed dates and date warnings never depend on the calendar.
TODAY = date(2026, 11, 27)

# The typical case of the content brief, a fictional patient: the one the program ships
# (resources/samples/typical-case.json), which the benchmark measures too.
TYPICAL_CASE = json.loads(typical_case_path().read_text(encoding="utf-8"))
# The day the typical case's dates were written for: a week after the procedure.
assert TODAY == date.fromisoformat(TYPICAL_CASE["procedure"]["date"]) + timedelta(days=7)


@pytest.fixture
def case_data():
    """A fresh, mutable copy of the typical case as JSON data."""
    return copy.deepcopy(TYPICAL_CASE)


@pytest.fixture
def make_case(case_data):
    def make(**changes):
        data = copy.deepcopy(case_data)
        data.update(changes)
        case, issues = case_from_dict(data)
        assert not issues, issues
        return case

    return make


def pytest_report_header(config):
    import vpdischarge

    return f"vpdischarge {vpdischarge.__version__} from {Path(vpdischarge.__file__).parent}"


def pytest_configure(config):
    """With VPDISCHARGE_REQUIRE_INSTALLED=1 (.ci/run), the tests must run against an installed
    wheel: its package carries the build's _data folder, and it is not the source tree."""
    if not os.environ.get("VPDISCHARGE_REQUIRE_INSTALLED"):
        return
    import vpdischarge

    package = Path(vpdischarge.__file__).resolve().parent
    if not (package / "_data").is_dir() or package == (config.rootpath / "vpdischarge").resolve():
        raise pytest.UsageError(f"the tests import vpdischarge from {package}, not from an installed wheel")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(STATE_FOLDER, ignore_errors=True)
    shutil.rmtree(DATA_FOLDER, ignore_errors=True)
    shutil.rmtree(POLICY_FOLDER, ignore_errors=True)


@pytest.fixture(scope="session")
def site():
    return load_site(None)


def log_entry(**changes):
    """A made-up handout log entry for the test case's record number, T-000123."""
    from vpdischarge.records.bench_log import bench_entry

    return bench_entry("T-000123", **changes)


def started_or_skipped(start, unavailable, required_by, what):
    """`start()`'s result; where it raises `unavailable`, the test is skipped, or fails when
    the environment variable `required_by` is set (.ci/run installs the service there)."""
    try:
        return start()
    except unavailable as exc:
        if os.environ.get(required_by):
            pytest.fail(f"no {what}: {exc}")
        pytest.skip(f"no {what}: {exc}")


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the session (vpdischarge/records/postgres_testing.py: its own
    cluster in a temporary folder, a free port, trust authentication on the loopback), stopped
    at the end. Skipped where the server programs are missing, unless VPDISCHARGE_REQUIRE_POSTGRES
    is set (.ci/run, which installs them): there a missing server fails."""
    from vpdischarge.records.postgres_testing import PostgresUnavailable, start_test_server

    server = started_or_skipped(
        start_test_server, PostgresUnavailable, "VPDISCHARGE_REQUIRE_POSTGRES", "PostgreSQL test server"
    )
    yield server
    server.close()


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of a new, empty database on the session's server: each test its own, so a test
    of a new database (its migrations, its rows) sees only what it did."""
    return postgres_server.create_database()
