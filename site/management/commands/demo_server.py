"""`manage.py demo_server`: runserver (with static files) as `rundemo` runs it.

The same development server, with one difference: it accepts a queue of 128 waiting
connections instead of Django's 10, so forty visitors arriving at once (a class, a
checkout race) wait their turn instead of having their connections reset. Each request
still runs in its own thread and takes its database connection from the pool
(DATABASE_POOL_MAX_SIZE, set by rundemo), so the database sees a bounded number.
"""

from django.contrib.staticfiles.management.commands.runserver import (
    Command as StaticFilesRunserver,
)
from django.core.servers.basehttp import WSGIServer


class DemoWSGIServer(WSGIServer):
    request_queue_size = 128


class Command(StaticFilesRunserver):
    help = "The development server with a longer listen queue; `rundemo` starts it."
    server_cls = DemoWSGIServer
