"""Django's copy of the frontend's URL table (museum_site.public_paths) must be the
frontend's own (frontend/src/i18n/languages.ts), or heads, statuses and the sitemap
would name URLs the app does not serve."""

from __future__ import annotations

from museum_site import public_paths
from tests.accounts.test_frontend_links import frontend_segments


def test_the_segments_are_the_frontends():
    assert frontend_segments() == public_paths.SEGMENTS


def test_paths_parse_back_to_their_area():
    path = public_paths.path_for("fr", "collection", "MAL 1/2")
    assert path == "/fr/collection/MAL%201%2F2"
    assert public_paths.parse(path) == public_paths.PublicPath("fr", "collection", ("MAL 1/2",))
    assert public_paths.parse("/en") == public_paths.PublicPath("en", "home", ())
    assert public_paths.parse("/en/colofon") == public_paths.PublicPath("en", "home", ("colofon",))
    assert public_paths.parse("/de/x") is None
