"""Hotspot texts reach viewers as plain text.

Pannellum has had two XSS advisories through hotspot text: whatever an editor or an
import put in a label, the API hands out text with every tag removed, and viewers must
insert it as text, never as HTML.
"""

import html

import nh3


def plain_text(value: str) -> str:
    return html.unescape(nh3.clean(value or "", tags=set(), attributes={})).strip()
