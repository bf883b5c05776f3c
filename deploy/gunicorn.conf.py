"""gunicorn's configuration for Vitrine: `gunicorn -c deploy/gunicorn.conf.py` (Procfile).

Pre-forked worker processes, each with a few threads (gthread): a request that waits on
PostgreSQL, Redis or Stripe holds a thread, not a process, and memory grows with
processes, not threads. Every number comes from the environment:

| variable | default | |
|---|---|---|
| `HOST`, `PORT` (or `BIND`) | `127.0.0.1`, `8000` | `HOST=0.0.0.0` in a container or behind a proxy on another machine |
| `WEB_CONCURRENCY` | 2 | worker processes: about one per core |
| `WEB_THREADS` | 4 | threads per worker |
| `WEB_TIMEOUT` | 30 | seconds before a stuck worker is killed and replaced |
| `WEB_MAX_REQUESTS` | 2000 | requests before a worker is replaced (with jitter), against slow leaks |
| `FORWARDED_ALLOW_IPS` | `127.0.0.1` | proxies whose X-Forwarded-* headers gunicorn believes |

The database pool is sized from the same numbers: each worker keeps at most
`DATABASE_POOL_MAX_SIZE` PostgreSQL connections, set here to its thread count unless
the environment says otherwise, so the web tier never holds more than
WEB_CONCURRENCY x WEB_THREADS connections, whatever the load.
"""

import os

host = os.environ.get("HOST", "127.0.0.1")
port = os.environ.get("PORT", "8000")
bind = [os.environ.get("BIND") or f"{host}:{port}"]

worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

wsgi_app = "museum_site.wsgi:application"
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

# Read by settings.py in each worker (the app is loaded after the fork).
os.environ.setdefault("DATABASE_POOL_MAX_SIZE", str(threads))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "museum_site.settings")
