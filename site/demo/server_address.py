"""Where the demo server listens, and the address a browser should open for it.

`make demo` passes HOST (as DEMO_HOST) and PORT to `load_demo` and `rundemo`, so both
print URLs that work; the default is loopback, so a demo with DEBUG on and a known
admin user is not shown to the network unless asked for.
"""

from __future__ import annotations

import os

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = "8000"
ALL_INTERFACES = {"", "0.0.0.0", "::", "[::]"}


def default_addrport() -> str:
    """DEMO_HOST:PORT from the environment, else 127.0.0.1:8000."""
    return f"{os.environ.get('DEMO_HOST') or DEFAULT_HOST}:{os.environ.get('PORT') or DEFAULT_PORT}"


def split_addrport(addrport: str) -> tuple[str, str]:
    """runserver's `[host:]port` as (host, port); a bare port means 127.0.0.1."""
    host, colon, port = addrport.rpartition(":")
    if not colon:
        return DEFAULT_HOST, addrport
    return host, port


def browser_url(host: str, port: str) -> str:
    """The address to open in a browser for a server listening on host:port."""
    if host in ALL_INTERFACES:
        host = "localhost"
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"
