"""Redis and an S3-compatible server (moto) on loopback, for the tests and bench/load.py.

Like shop.localstripe_process for Stripe: real servers speaking the real protocols in
processes of their own, bound to 127.0.0.1, with no data kept after they stop. moto is
installed with the `test` extra only; redis-server comes from the system (Debian's
`redis-server`). A deployment points at its own Redis and object storage instead.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

# Any key pair: moto accepts every signature but checks a signed URL's expiry.
S3_ACCESS_KEY_ID = "vitrine-test-key"
S3_SECRET_ACCESS_KEY = "vitrine-test-secret"
S3_REGION = "us-east-1"


class ServiceFailed(RuntimeError):
    """The server did not start or did not answer."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_moto(port: int, *, seconds: float = 30) -> tuple[subprocess.Popen, str]:
    """`moto_server -H 127.0.0.1 -p port`; returns the process and its endpoint URL."""
    moto = Path(sys.executable).parent / "moto_server"
    process = subprocess.Popen(
        [str(moto), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    _wait(
        process, lambda: urllib.request.urlopen(f"{url}/moto-api/", timeout=2).close(), url, seconds
    )
    return process, url


def start_redis(port: int, *, seconds: float = 20) -> tuple[subprocess.Popen, str]:
    """`redis-server` on 127.0.0.1:port, in memory only; returns the process and its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise ServiceFailed("redis-server is not installed (apt-get install redis-server)")
    process = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def ping() -> None:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as connection:
            connection.sendall(b"PING\r\n")
            if not connection.recv(16).startswith(b"+PONG"):
                raise OSError("no PONG")

    _wait(process, ping, f"redis://127.0.0.1:{port}", seconds)
    return process, f"redis://127.0.0.1:{port}/0"


def create_bucket(endpoint_url: str, bucket: str) -> None:
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        aws_access_key_id=S3_ACCESS_KEY_ID,
        aws_secret_access_key=S3_SECRET_ACCESS_KEY,
        region_name=S3_REGION,
    )
    client.create_bucket(Bucket=bucket)


def s3_environment(endpoint_url: str, bucket: str) -> dict[str, str]:
    """The settings (environment) of a Vitrine process using this server's bucket."""
    return {
        "MEDIA_STORAGE": "s3",
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": endpoint_url,
        "S3_REGION": S3_REGION,
        "S3_ACCESS_KEY_ID": S3_ACCESS_KEY_ID,
        "S3_SECRET_ACCESS_KEY": S3_SECRET_ACCESS_KEY,
        "S3_ADDRESSING_STYLE": "path",
    }


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        process.wait()


def _wait(process: subprocess.Popen, probe, url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            probe()
            return
        except OSError as error:
            if process.poll() is not None or time.monotonic() > deadline:
                stop(process)
                raise ServiceFailed(f"no answer from {url}: {error}") from error
            time.sleep(0.1)  # polling a starting server, not waiting for a result
