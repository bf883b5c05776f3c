"""gunicorn's configuration for Vitrine: `gunicorn -c deploy/gunicorn.conf.py` (Procfile).

Pre-forked worker processes, each with two threads (gthread): a request that waits on
PostgreSQL, Redis or Stripe holds a thread, not a whole process. Not more threads: the
threads of a process share one GIL, and a request holding row locks (checkoutComplete:
the stock, the museum's invoice series) waits for its turn after every statement it
sends while the others run Python, so every buyer behind it waits too. With 20 buyers of
one product at once on 2 cores (bench/checkout.py), the time from the stock lock to the
commit was 15-18 ms a buyer with 2 processes x 4 threads, 8.5-10.5 ms with 4 x 2 (p95
392-462 ms against 281-312 ms, the same run). A process costs about 225 MB.

A worker holds no more connections than it has threads, and closes each one after its
answer: a request waits in the listening socket's queue, which every worker takes from
as soon as one of its threads is free, never behind the busy threads of one process
while another is idle. gunicorn's own default lets a worker take up to 1,000, each as
fast as it can accept them: with 20 buyers at once the ample-20 p95 was 332-413 ms
against 278-306 ms with the bound, alternated in one session. A kept-alive
connection would hold its place while idle (a browser keeps six), so gunicorn keeps none
when a worker has no more places than threads (keepalive 0 says so; it warns otherwise);
the HTTPS proxy in front keeps its own with the browsers (tests/site/test_web_queue.py).
Every number comes from the environment:

| variable | default | |
|---|---|---|
| `HOST`, `PORT` (or `BIND`) | `127.0.0.1`, `8000` | `HOST=0.0.0.0` in a container or behind a proxy on another machine |
| `WEB_CONCURRENCY` | 2 per core | worker processes |
| `WEB_THREADS` | 2 | threads per worker |
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
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1))
threads = int(os.environ.get("WEB_THREADS", "2"))
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
graceful_timeout = 30
worker_connections = threads
keepalive = 0
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
