"""Lighthouse scores of the built frontend on the demo museum, per page type.

Serves the built site (frontend/dist and the server build frontend/dist-server, built
first only if missing) and the API from a throw-away SQLite database with `load_demo`,
on a free port, with the page renderer beside it (pages rendered on the server, as in
the demo and production), then runs npm `lighthouse` (a devDependency of frontend/) in
Debian's Chromium on each page and prints the performance, accessibility,
best-practices and SEO scores and the Largest Contentful Paint. Lighthouse's default
mobile profile is used (simulated slow 4G, 4x CPU slowdown), as PageSpeed Insights
does. Reports go to a temporary folder unless `--reports` names one: nothing is written
into the source tree.

    .venv/bin/python bench/frontend.py
    .venv/bin/python bench/frontend.py --page product=/nl/winkel/catalogus  # more pages

Goal (issue 11): performance >= 95 and accessibility 100 on every page, SEO 100 on
every indexable one (search, cart, checkout and account are `noindex`).
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
GOALS = {"performance": 95, "accessibility": 100}
SEO_GOAL = 100
NOINDEX = {"search", "cart", "checkout", "account"}

# One URL per page type.
PAGES: dict[str, str] = {
    "home": "/nl",
    "story": "/nl/verhalen/restauratie-madonna",
    "exhibition": "/nl/tentoonstellingen/van-eyck-tot-rubens",
    "object": "/nl/collectie/MAL.1966.018",
    "search": "/nl/zoeken?q=zilver",
    "tour": "/nl/rondleidingen/rondleiding",
    "shop": "/nl/winkel",
    "product": "/nl/winkel/replica-kraakkom",
    # An empty cart: the page a visitor lands on before the cart fills it.
    "cart": "/nl/winkelmandje",
    "checkout": "/nl/afrekenen",
    "account": "/nl/account",
}


def ensure_built() -> None:
    """Build only what is missing: node_modules (npm ci) and dist (npm run build)."""
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=FRONTEND, check=True)
    built = FRONTEND / "dist" / "index.html", FRONTEND / "dist-server" / "entry-server.js"
    if not all(path.exists() for path in built):
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


def start_renderer(env: dict[str, str], port: int, renderer_port: int) -> subprocess.Popen:
    """The page renderer (frontend/server/renderer.mjs) reading the API on `port`."""
    return subprocess.Popen(
        ["node", str(FRONTEND / "server" / "renderer.mjs")],
        env={**env, "VITRINE_API": f"http://127.0.0.1:{port}", "RENDERER_PORT": str(renderer_port)},
        stdout=subprocess.DEVNULL,
    )


def serve(env: dict[str, str], port: int) -> subprocess.Popen:
    python = sys.executable
    manage = str(ROOT / "manage.py")
    subprocess.run([python, manage, "migrate", "--no-input", "-v0"], env=env, check=True)
    subprocess.run([python, manage, "load_demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    # As `make demo` does: the loader publishes without the signals that queue renditions.
    subprocess.run(
        [python, manage, "prepare_renditions"], env=env, check=True, stdout=subprocess.DEVNULL
    )
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


def lighthouse(url: str, report: Path, attempts: int = 3) -> dict[str, float]:
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
    scores: dict[str, float] = {
        name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES
    }
    scores["lcp"] = result["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--page", action="append", default=[], metavar="NAME=PATH", help="another page to measure"
    )
    parser.add_argument(
        "--only", action="append", default=[], metavar="NAME", help="measure only these"
    )
    parser.add_argument("--reports", type=Path, default=None, help="keep the JSON reports here")
    args = parser.parse_args()
    pages = dict(PAGES)
    for extra in args.page:
        name, _, path = extra.partition("=")
        pages[name] = path
    if args.only:
        pages = {name: path for name, path in pages.items() if name in args.only}

    ensure_built()
    with tempfile.TemporaryDirectory(prefix="vitrine-lighthouse-") as tmp:
        reports = args.reports or Path(tmp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        port, renderer_port = free_port(), free_port()
        env = demo_environment(Path(tmp))
        env["PAGE_RENDERER_URL"] = f"http://127.0.0.1:{renderer_port}"
        env["FRONTEND_URL"] = f"http://127.0.0.1:{port}"
        renderer = start_renderer(env, port, renderer_port)
        server = serve(env, port)
        base = f"http://127.0.0.1:{port}"
        try:
            rows = []
            for name, path in pages.items():
                warm(base, path)
                scores = lighthouse(f"{base}{path}", reports / f"{name}.json")
                rows.append((name, path, scores))
                print(
                    f"{name:<12} " + "  ".join(f"{k} {v:>5}" for k, v in scores.items()),
                    flush=True,
                )
        finally:
            for process in (server, renderer):
                process.terminate()
                process.wait(timeout=10)

    columns = [*CATEGORIES, "lcp"]
    print(f"\n{'page':<12} {'path':<44} " + " ".join(f"{c[:13]:>13}" for c in columns))
    missed = []
    for name, path, scores in rows:
        print(
            f"{name:<12} {path:<44} "
            + " ".join(f"{scores[c]:>13}" for c in CATEGORIES)
            + f" {scores['lcp']:>11.2f} s"
        )
        goals = dict(GOALS)
        if name not in NOINDEX:
            goals["seo"] = SEO_GOAL
        missed += [
            f"{name} {c} {scores[c]} < {goal}" for c, goal in goals.items() if scores[c] < goal
        ]
    print(
        "\nGoals: performance >= 95, accessibility 100, SEO 100 where indexable: "
        + ("met" if not missed else "; ".join(missed))
    )
    if args.reports:
        print(f"Reports: {args.reports}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
