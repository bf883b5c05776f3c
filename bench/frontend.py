"""Lighthouse scores of the built frontend on the demo museum, per page type.

Serves the built site (frontend/dist, built first only if missing) and the API from a
throw-away SQLite database with `load_demo`, on a free port, then runs npm `lighthouse`
(a devDependency of frontend/) in Debian's Chromium on each page and prints the
performance, accessibility, best-practices and SEO scores. Lighthouse's default mobile
profile is used (simulated slow 4G, 4x CPU slowdown), as PageSpeed Insights does.

    .venv/bin/python bench/frontend.py
    .venv/bin/python bench/frontend.py --page product=/nl/winkel/catalogus  # more pages

Goal (issue 6): performance >= 90 and accessibility >= 95 on every page.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRONTEND = ROOT / "frontend"
LIGHTHOUSE = FRONTEND / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 90, "accessibility": 95}

# One URL per page type; add tour, product and checkout pages here as they land.
PAGES: dict[str, str] = {
    "home": "/nl",
    "story": "/nl/verhalen/restauratie-madonna",
    "exhibition": "/nl/tentoonstellingen/van-eyck-tot-rubens",
    "object": "/nl/collectie/MAL.1966.018",
    "search": "/nl/zoeken?q=zilver",
    "tour": "/nl/rondleidingen/rondleiding",
    "product": "/nl/winkel/replica-kraakkom",
    # An empty cart: the page a visitor lands on before the cart fills it.
    "checkout": "/nl/afrekenen",
}


def ensure_built() -> None:
    """Build only what is missing: node_modules (npm ci) and dist (npm run build)."""
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=FRONTEND, check=True)
    if not (FRONTEND / "dist" / "index.html").exists():
        subprocess.run(["npm", "run", "build"], cwd=FRONTEND, check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_environment(workdir: Path) -> dict[str, str]:
    """A throw-away database and media folder; DEBUG on so Django serves the demo's media."""
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "VITRINE_VAR_DIR": str(workdir),
        "MEDIA_ROOT": str(workdir / "media"),
        "DEBUG": "true",
    }


def serve(env: dict[str, str], port: int) -> subprocess.Popen:
    python = sys.executable
    manage = str(ROOT / "manage.py")
    subprocess.run([python, manage, "migrate", "--no-input", "-v0"], env=env, check=True)
    subprocess.run([python, manage, "load_demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen(
        [python, manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--nostatic"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/nl", timeout=2).read()
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("The demo server did not start.")


def warm(base: str, path: str) -> None:
    """Open the page once in Chromium so renditions exist and caches are warm: Lighthouse
    measures a visitor's load, not the server making images for the first time."""
    subprocess.run(
        [
            "/usr/bin/chromium",
            *CHROME_FLAGS.split(),
            "--virtual-time-budget=15000",
            "--dump-dom",
            f"{base}{path}",
        ],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )


def lighthouse(url: str, report: Path, attempts: int = 3) -> dict[str, int]:
    """One Lighthouse run; retried when Chromium's trace fails (NO_NAVSTART happens)."""
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    for attempt in range(1, attempts + 1):
        done = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--only-categories={','.join(CATEGORIES)}",
            ],
            env=env,
            check=False,
            timeout=300,
        )
        if done.returncode == 0:
            break
        if attempt == attempts:
            raise SystemExit(f"Lighthouse failed {attempts} times on {url}")
    result = json.loads(report.read_text())
    return {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--page", action="append", default=[], metavar="NAME=PATH", help="another page to measure"
    )
    parser.add_argument(
        "--only", action="append", default=[], metavar="NAME", help="measure only these"
    )
    parser.add_argument("--reports", type=Path, default=ROOT / "artifacts" / "lighthouse")
    args = parser.parse_args()
    pages = dict(PAGES)
    for extra in args.page:
        name, _, path = extra.partition("=")
        pages[name] = path
    if args.only:
        pages = {name: path for name, path in pages.items() if name in args.only}

    ensure_built()
    args.reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vitrine-lighthouse-") as tmp:
        port = free_port()
        server = serve(demo_environment(Path(tmp)), port)
        base = f"http://127.0.0.1:{port}"
        try:
            rows = []
            for name, path in pages.items():
                warm(base, path)
                scores = lighthouse(f"{base}{path}", args.reports / f"{name}.json")
                rows.append((name, path, scores))
                print(
                    f"{name:<12} " + "  ".join(f"{k} {v:>3}" for k, v in scores.items()), flush=True
                )
        finally:
            server.terminate()
            server.wait(timeout=10)

    print(f"\n{'page':<12} {'path':<44} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES))
    missed = []
    for name, path, scores in rows:
        print(f"{name:<12} {path:<44} " + " ".join(f"{scores[c]:>13}" for c in CATEGORIES))
        missed += [
            f"{name} {c} {scores[c]} < {goal}" for c, goal in GOALS.items() if scores[c] < goal
        ]
    print(
        "\nGoals: performance >= 90, accessibility >= 95: "
        + ("met" if not missed else "; ".join(missed))
    )
    print(f"Reports: {args.reports}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
