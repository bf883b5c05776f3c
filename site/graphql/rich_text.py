"""Rich text leaves the API expanded (internal links resolved) and sanitised.

Editors cannot type a script into Draftail, but text also arrives through imports and
the API must not trust it: nh3 (ammonia) keeps only the tags the editor offers.
"""

import nh3
from wagtail.rich_text import expand_db_html

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "b",
    "strong",
    "i",
    "em",
    "a",
    "ol",
    "ul",
    "li",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def rich_text_html(value: str | object) -> str:
    source = getattr(value, "source", value) or ""
    return nh3.clean(
        expand_db_html(str(source)),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
    )
