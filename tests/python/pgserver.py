"""A throw-away PostgreSQL server for the platform-store tests and benchmark:
Debian's postgresql 15 binaries, a temporary data directory, a unix socket
in it and no TCP listener (listen_addresses=''), run as the `postgres`
user when this process is root (initdb refuses root) and as this user
otherwise. Stopped and removed on exit, also when the tests fail.

    with PostgresServer() as server:
        connection = server.connect()

SPDX-License-Identifier: Apache-2.0
"""
import os
import pathlib
import pwd
import shutil
import subprocess
import tempfile

import psycopg2

BIN = pathlib.Path(os.environ.get("IPART_PG_BIN", "/usr/lib/postgresql/15/bin"))


class PostgresServer:
    def __init__(self):
        self.root = None
        self.user = None

    def __enter__(self) -> "PostgresServer":
        # As root the server runs as `postgres`, which must reach the
        # directory: /tmp, whatever TMPDIR says (it may be under /root).
        where = "/tmp" if os.geteuid() == 0 else None
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="ipart-pg-", dir=where))
        try:
            self._start()
        except BaseException:
            self._remove()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._run(BIN / "pg_ctl", "stop", "-D", self.data, "-m", "fast", "-w")
        finally:
            self._remove()

    @property
    def data(self) -> pathlib.Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> pathlib.Path:
        return self.root

    def connect(self, **options):
        """A new connection to the database `postgres` as the superuser."""
        return psycopg2.connect(host=str(self.socket_dir), dbname="postgres", user=self.user,
                                **options)

    def _start(self) -> None:
        if os.geteuid() == 0:
            self.user = "postgres"
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        else:
            self.user = pwd.getpwuid(os.geteuid()).pw_name
        self._run(BIN / "initdb", "-D", self.data, "-U", self.user, "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = (f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' "
                   "-c fsync=off -c max_connections=40 -c shared_buffers=32MB")
        self._run(BIN / "pg_ctl", "start", "-D", self.data, "-w", "-t", "60",
                  "-l", self.root / "server.log", "-o", options)

    def _run(self, *command) -> None:
        command = [str(c) for c in command]
        if os.geteuid() == 0:
            command = ["runuser", "-u", self.user, "--"] + command
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}):\n"
                               f"{result.stdout}{result.stderr}{tail}")

    def _remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
