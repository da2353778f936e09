"""A throwaway PostgreSQL cluster for a benchmark run, when no server is given: initdb into a temporary
folder, start it on a free loopback port with the server's default settings (fsync on, as a shared server
runs), yield its URL, stop and remove it afterwards. As root it runs as the `postgres` user (initdb
refuses root), as .ci/run does."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator

PASSWORD = "livedesk-bench"


def _bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def throwaway() -> Iterator[str | None]:
    """The URL of a fresh local cluster, or None when PostgreSQL is not installed."""
    pg_bin = _bin()
    if pg_bin is None:
        yield None
        return
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = tempfile.mkdtemp(prefix="livedesk-bench-pg-")
    port = int(
        os.environ.get("LIVEDESK_BENCH_PG_PORT") or _free_port()
    )  # a port of one's own on a shared machine
    try:
        if as_user:
            shutil.chown(folder, "postgres", "postgres")
        with open(os.path.join(folder, "pw"), "w") as handle:
            handle.write(PASSWORD + "\n")
        if as_user:
            shutil.chown(os.path.join(folder, "pw"), "postgres", "postgres")
        data = os.path.join(folder, "data")
        quiet = {"check": True, "stdout": subprocess.DEVNULL}
        subprocess.run(
            [*as_user, f"{pg_bin}/initdb", "-D", data, "-U", "postgres", "--auth-host=scram-sha-256",
             "--auth-local=trust", f"--pwfile={folder}/pw", "-E", "UTF8", "--locale=C.UTF-8"], **quiet,
        )  # fmt: skip
        subprocess.run(
            [*as_user, f"{pg_bin}/pg_ctl", "-D", data, "-l", f"{folder}/log", "-w", "-o",
             f"-c listen_addresses=127.0.0.1 -p {port} -k {folder}", "start"], **quiet,
        )  # fmt: skip
        try:
            yield f"postgresql+psycopg://postgres:{PASSWORD}@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(
                [*as_user, f"{pg_bin}/pg_ctl", "-D", data, "-m", "fast", "stop"],
                check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)
