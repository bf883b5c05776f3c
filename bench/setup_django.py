"""Start Django for a benchmark on a throw-away database and media folder.

Uses DATABASE_URL when set (e.g. the PostgreSQL server), otherwise a fresh SQLite file.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start(keepdb: bool = False) -> list | None:
    """Returns what `stop` needs to drop the PostgreSQL test database.

    With `keepdb`, an existing test_ database is used as it is (migrated forward only),
    as `pytest --reuse-db` does: on a loaded machine a fresh migration takes minutes."""
    sys.path.insert(0, str(ROOT))
    workdir = Path(tempfile.mkdtemp(prefix="vitrine-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "museum_site.settings")
    os.environ.setdefault("VITRINE_VAR_DIR", str(workdir))
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DEBUG", "false")
    # One server process per benchmark unless it sets REDIS_URL (bench/load.py does).
    os.environ.setdefault("SINGLE_PROCESS", "true")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    import django
    from django.conf import settings

    django.setup()
    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command
    from django.test.utils import setup_databases

    if "DATABASE_URL" in os.environ:
        # A test_ database; dropped only by a bench that passes this to `stop`.
        # Not serialized: no bench rolls back to it, and serializing a kept database of
        # 200,000 search documents took longer than the bench itself.
        return setup_databases(
            verbosity=0, interactive=False, keepdb=keepdb, serialized_aliases=set()
        )
    call_command("migrate", verbosity=0, interactive=False)
    return None


def stop(created: list | None, keepdb: bool = False) -> None:
    """Drop the test_ database `start` made (none on SQLite), unless `keepdb`. The
    bench's own connections are closed first: PostgreSQL refuses to drop a database
    that is in use."""
    if not created:
        return
    from django.db import connections
    from django.test.utils import teardown_databases

    connections.close_all()
    teardown_databases(created, verbosity=0, keepdb=keepdb)
