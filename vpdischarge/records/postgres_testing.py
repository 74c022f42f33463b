"""A real, throwaway PostgreSQL server for the tests and the benchmark of the shared handout log.

`start_test_server()` makes a new cluster (initdb) in a temporary folder, starts it on a free
port of 127.0.0.1 with its unix socket in that folder (so it never meets the machine's own
server or another developer's test server), trust authentication (it listens on the loopback
only and lives for one test session), and `close()` stops it (`pg_ctl stop -m fast`) and removes
the folder. PostgreSQL refuses to run as root, so when we are root (CI) every server command runs
as the `postgres` user, who owns the folder. Nothing here is used by the program itself.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

SERVER_USER = "postgres"
# The one role that must give a password (scram-sha-256), for the tests of a refused or accepted
# password; every other role is trusted. The tests create it with the password they choose.
PASSWORD_ROLE = "vpd_password"


class PostgresUnavailable(Exception):
    """The PostgreSQL server programs are missing, or the server would not start; says which."""


def server_bindir() -> Path:
    """The folder of initdb, pg_ctl and postgres: `pg_config --bindir`, else the newest of
    Debian's /usr/lib/postgresql/*/bin (pg_config may be missing, or be libpq-dev's without a
    server beside it)."""
    candidates = []
    if shutil.which("pg_config"):
        done = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip():
            candidates.append(Path(done.stdout.strip()))
    debian = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted((Path(p) for p in debian), key=lambda p: _version(p.parent.name), reverse=True)
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise PostgresUnavailable(
        "the PostgreSQL server programs (initdb, pg_ctl; Debian package postgresql) are not installed"
    )


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ThrowawayServer:
    folder: Path
    bindir: Path
    port: int = 0
    as_user: str | None = None  # run the server programs as this user (we are root)

    def _run(self, program: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        command = [str(self.bindir / program), *args]
        if self.as_user is not None:
            command = ["runuser", "-u", self.as_user, "--", *command]
        env = dict(os.environ, LC_ALL="C", LANG="C")
        return subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, check=False, cwd=self.folder
        )

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        """Start (or start again, on the same port after `stop`) and wait until it takes
        connections. A new server tries a few free ports: another test run may take one first."""
        attempts = 1 if self.port else 3
        for _ in range(attempts):
            port = self.port or _free_port()
            options = f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1"
            done = self._run(
                "pg_ctl",
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "server.log"),
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            )
            if done.returncode == 0:
                self.port = port
                return
        log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
        raise PostgresUnavailable(f"the PostgreSQL test server did not start: {done.stderr.strip()} {log}")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self, name: str | None = None) -> str:
        """A new, empty database; its URL."""
        name = name or f"vpd_{uuid.uuid4().hex[:12]}"
        done = self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", SERVER_USER, name)
        if done.returncode != 0:
            raise PostgresUnavailable(f"createdb failed: {done.stderr.strip()}")
        return self.url(name)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_test_server() -> ThrowawayServer:
    bindir = server_bindir()
    as_user = None
    account = None
    # getattr: Windows has no user ids (nor, here, the Debian server programs: `server_bindir`
    # has said so already, and the benchmark reports "not measured").
    if getattr(os, "geteuid", lambda: -1)() == 0:
        import pwd

        try:
            account = pwd.getpwnam(SERVER_USER)
        except KeyError:
            raise PostgresUnavailable(
                f"PostgreSQL will not run as root, and there is no {SERVER_USER} user"
            ) from None
        if shutil.which("runuser") is None:
            raise PostgresUnavailable("runuser (util-linux) is needed to start PostgreSQL as its own user")
        as_user = SERVER_USER
    folder = Path(tempfile.mkdtemp(prefix="vpdischarge-postgres-"))
    server = ThrowawayServer(folder, bindir, as_user=as_user)
    try:
        if account is not None:
            os.chown(folder, account.pw_uid, account.pw_gid)
        # C locale: the log's ISO timestamps sort byte by byte; UTF-8: names in any script.
        done = server._run(
            "initdb",
            "-D",
            str(server.data),
            "-U",
            SERVER_USER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        if done.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {done.stderr.strip()}")
        # The first line that matches decides, so this one goes before initdb's trust lines.
        hba = server.data / "pg_hba.conf"
        hba.write_text(f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        server.start()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server
