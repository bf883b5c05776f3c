"""Running the page renderer (frontend/server/renderer.mjs) beside Django: for the demo
(`manage.py rundemo`), the benchmarks and the tests.

In production it is a process of its own (Procfile `renderer`); here it is a child on
loopback, on a free port, reading the API of the Django server it is started for.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from django.conf import settings

RENDERER = Path(__file__).resolve().parents[1] / "frontend" / "server" / "renderer.mjs"


class RendererFailed(RuntimeError):
    """The renderer did not start (Node missing, or no server build)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_build() -> Path:
    return Path(settings.FRONTEND_DIST).parent / "dist-server" / "entry-server.js"


def available() -> bool:
    return shutil.which("node") is not None and server_build().exists() and RENDERER.exists()


def start(api: str, port: int | None = None, seconds: float = 30) -> tuple[subprocess.Popen, str]:
    """Start the renderer for the API at `api` (http://host:port); returns it and its URL."""
    if not available():
        raise RendererFailed(
            f"No page renderer: needs `node` and {server_build()} (make frontend builds it)."
        )
    port = port or free_port()
    env = {
        **os.environ,
        "VITRINE_API": api.rstrip("/"),
        "RENDERER_PORT": str(port),
        "RENDERER_HOST": "127.0.0.1",
        "FRONTEND_DIST": str(settings.FRONTEND_DIST),
        "FRONTEND_SERVER_BUILD": str(server_build()),
    }
    process = subprocess.Popen(["node", str(RENDERER)], env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RendererFailed(f"The page renderer exited with {process.returncode}.")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.2)  # polling a starting process: nothing to wait on instead
    stop(process)
    raise RendererFailed("The page renderer did not answer in time.")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
