"""Materials never out beyond their stock, guaranteed by PostgreSQL itself.

The planning service locks the material's row and counts what is in use before it
assigns (services/planning.py); this trigger is the last guard for any write that
skips the service. After each insert or update of a material's assignment it locks the
material's row (so two transactions taking the same tablets run one after the other)
and computes the peak number out during the new assignment's time: the most in use at
any moment is reached at the start of one of the overlapping assignments, so the sum at
each of those starts is enough. Over stock is a check violation (SQLSTATE 23514), an
IntegrityError in Django, which the service reports as "not enough material". SQLite has
no such trigger: there the service's count inside SQLite's single write transaction is
the guard.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION shop_visits_material_within_stock() RETURNS trigger AS $$
DECLARE
  in_stock integer;
  peak integer;
BEGIN
  IF NEW.exclusive THEN
    RETURN NEW;
  END IF;
  SELECT stock INTO in_stock FROM shop_visits_resource WHERE id = NEW.resource_id FOR UPDATE;
  SELECT COALESCE(MAX(used), 0) INTO peak FROM (
    SELECT (
      SELECT SUM(a.quantity) FROM shop_visits_assignment a
      WHERE a.resource_id = NEW.resource_id AND NOT a.exclusive
        AND a.starts_at <= moment.at AND a.ends_at > moment.at
    ) AS used
    FROM (
      SELECT NEW.starts_at AS at
      UNION
      SELECT b.starts_at FROM shop_visits_assignment b
      WHERE b.resource_id = NEW.resource_id AND NOT b.exclusive
        AND b.starts_at > NEW.starts_at AND b.starts_at < NEW.ends_at
    ) AS moment
  ) AS usage;
  IF peak > in_stock THEN
    RAISE EXCEPTION 'material % over its stock: % of % in use', NEW.resource_id, peak, in_stock
      USING ERRCODE = 'check_violation', CONSTRAINT = 'assignment_material_within_stock';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER assignment_material_within_stock
  AFTER INSERT OR UPDATE OF quantity, starts_at, ends_at, resource_id ON shop_visits_assignment
  FOR EACH ROW EXECUTE FUNCTION shop_visits_material_within_stock();
"""
DROP = """
DROP TRIGGER IF EXISTS assignment_material_within_stock ON shop_visits_assignment;
DROP FUNCTION IF EXISTS shop_visits_material_within_stock();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)  # the % in RAISE are not parameters


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("shop_visits", "0003_working_hours_and_bank_account")]

    operations = [migrations.RunPython(create, drop)]
