"""The demo museum's collection: every object record, in register order.

The records live in one module per department so each stays readable; this module only
gathers them, sorted by inventory number.
"""

from museum_site.demo.objects_applied_arts import GLASS_AND_PORCELAIN, SILVER_AND_METAL
from museum_site.demo.objects_paintings import PAINTINGS
from museum_site.demo.objects_paper_and_sculpture import SCULPTURE, WORKS_ON_PAPER
from museum_site.demo.objects_textiles import TEXTILES
from museum_site.demo.records import ObjectRecord

OBJECTS: tuple[ObjectRecord, ...] = tuple(
    sorted(
        (
            *PAINTINGS,
            *WORKS_ON_PAPER,
            *SCULPTURE,
            *SILVER_AND_METAL,
            *GLASS_AND_PORCELAIN,
            *TEXTILES,
        ),
        key=lambda record: record.inventory_number,
    )
)

BY_INVENTORY_NUMBER: dict[str, ObjectRecord] = {obj.inventory_number: obj for obj in OBJECTS}
