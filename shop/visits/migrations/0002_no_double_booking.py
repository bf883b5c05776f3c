"""No guide or room in two places at once, guaranteed by PostgreSQL itself.

An exclusion constraint over (resource, [starts_at, ends_at)) refuses a second row whose
time range overlaps a first one of the same resource, however two saves interleave.
Only exclusive assignments (guides, rooms) are covered; materials are counted
(services/planning.py). `btree_gist` lets the GiST index compare the resource id with
`=`. SQLite has no such constraint: there the planning service's check, inside SQLite's
single write transaction, is the guard.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE shop_visits_assignment
  ADD CONSTRAINT assignment_no_overlap
  EXCLUDE USING gist (
    resource_id WITH =,
    tstzrange(starts_at, ends_at, '[)') WITH &&
  ) WHERE (exclusive);
"""
DROP = "ALTER TABLE shop_visits_assignment DROP CONSTRAINT IF EXISTS assignment_no_overlap;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("shop_visits", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
