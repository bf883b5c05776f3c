"""Run a real server command of ours (the Procfile's web line, `rundemo`) in a process
of its own on loopback, as a deployment or `make demo` does, for tests over HTTP."""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def procfile_command(process: str) -> list[str]:
    """The Procfile's command line for `process`, run from this virtualenv."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        name, colon, command = line.partition(":")
        if colon and name.strip() == process:
            argv = shlex.split(command)
            argv[0] = sys.executable if argv[0] == "python" else str(BIN / argv[0])
            return argv
    raise LookupError(f"no {process!r} in the Procfile")


def status_of(url: str, timeout: float = 30, **headers: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def database_url(settings_dict: dict) -> str:
    """A URL for another process to reach the database of `settings_dict` (the test one)."""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    return f"postgres://{settings_dict['USER']}{password}@{host}:{port}/{settings_dict['NAME']}"


@contextlib.contextmanager
def running(argv: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[str]:
    """Start the command, wait until /healthz answers (or the process dies), yield its
    base URL; stop it (SIGTERM to its process group, as Ctrl-C or an orchestrator does)."""
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if status_of(f"{url}/healthz", timeout=5)[0] == 200:
                        break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"{argv} did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.2)
            yield url
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def server_env(**overrides: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "STRIPE_", "WEB_", "PYTEST_"))
    }
    env.update(DJANGO_SETTINGS_MODULE="museum_site.settings", PYTHONUNBUFFERED="1")
    env.update(overrides)
    return env


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "test-only-secret-key-for-the-production-server-in-tests-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
}


def without_database(port: int, redis_url: str, **overrides: str) -> dict[str, str]:
    """The production server's environment with a database nobody answers at: enough
    for the probes (/healthz needs nothing, /readyz names the database)."""
    return server_env(
        **{
            **PRODUCTION,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/nowhere",
            "REDIS_URL": redis_url,
            "PORT": str(port),
            **overrides,
        }
    )
