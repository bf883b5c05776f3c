"""A table as a file staff download: CSV (UTF-8 with a BOM, which Excel reads as UTF-8)
or XLSX (openpyxl), for the accounting export and the ticket attendance export. One home
for the formats, so both exports open the same way in a spreadsheet."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.http import HttpResponse

FORMATS = (("csv", "CSV"), ("xlsx", "XLSX"))
CONTENT_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def as_csv(table: list[list]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(table)
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(table: list[list], title: str) -> bytes:
    """Amounts (Decimal) become numbers a spreadsheet can add up."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]  # Excel's limit for a sheet name
    for row in table:
        sheet.append([float(cell) if isinstance(cell, Decimal) else cell for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(table: list[list], name: str, format: str, title: str) -> HttpResponse:
    """`table` as the file `name`.`format` (csv or xlsx), its sheet called `title`."""
    body = as_csv(table) if format == "csv" else as_xlsx(table, title)
    response = HttpResponse(body, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="{name}.{format}"'
    return response
