"""Django serves the built frontend on the same origin as the API, and `/preview` is its.

The single-page app's index.html answers every page path (its router shows its own 404);
the API, the admin and files stay Django's. Vite's hashed assets are cached for a year.
Wagtail's preview pane frames `/preview`, whose draft the app fetches through GraphQL
with the preview token, so both halves of that are pinned here.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.site import builders

pytestmark = pytest.mark.django_db

INDEX = '<!doctype html><html><body><div id="root"></div><script src="/assets/index-AbCd1234.js"></script></body></html>'


@pytest.fixture
def dist(tmp_path: Path, settings) -> Path:
    """A built frontend: index.html and one hashed asset."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "assets" / "index-AbCd1234.js").write_text("console.log('museum');")
    settings.FRONTEND_DIST = tmp_path
    settings.WHITENOISE_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize(
    "path, status",
    [
        ("/nl", 200),
        ("/nl/verhalen/bruegel-op-het-ijs", 200),
        ("/fr/recherche?q=zilver", 200),
        ("/no/such/page", 404),  # outside the languages: the app's 404 page
    ],
)
def test_without_a_renderer_every_page_path_answers_the_app(client, dist, settings, path, status):
    """No page renderer (PAGE_RENDERER_URL empty): the shell, which renders in the browser."""
    settings.PAGE_RENDERER_URL = ""
    response = client.get(path)
    assert response.status_code == status
    assert response.content.decode() == INDEX
    assert response["Cache-Control"] == "no-cache"


def test_the_root_sends_visitors_to_their_language(client, dist):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,nl;q=0.8")
    assert (response.status_code, response["Location"]) == (302, "/en")
    assert "Accept-Language" in response["Vary"]
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/nl"


def test_hashed_assets_are_cached_for_a_year(client, dist):
    response = client.get("/assets/index-AbCd1234.js")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"console.log('museum');"
    assert (
        "immutable" in response["Cache-Control"]
        and "max-age=315360000" in response["Cache-Control"]
    )


def test_api_and_admin_stay_djangos(client, dist):
    assert client.post(
        "/graphql/", {"query": "{ __typename }"}, content_type="application/json"
    ).json() == {"data": {"__typename": "Query"}}
    assert client.get("/admin/").status_code == 302  # the admin's own login redirect
    assert client.get("/graphql").status_code == 301  # APPEND_SLASH, not the app


def test_missing_build_says_how_to_build_it(client, settings, tmp_path):
    settings.FRONTEND_DIST = tmp_path / "dist"
    response = client.get("/nl")
    assert response.status_code == 503
    assert "npm run build" in response.content.decode()


def test_preview_is_the_app_and_may_be_framed_by_the_admin(client, dist):
    response = client.get("/preview", {"content_type": "museum_site.storypage", "token": "x"})
    assert response.status_code == 200 and response.content.decode() == INDEX
    assert response["X-Frame-Options"] == "SAMEORIGIN"


PREVIEW = """query($token: String) { story(previewToken: $token) { title locale
  body { __typename ... on RichTextSection { html } ... on QuoteSection { text attribution } } } }"""


def test_admin_preview_pane_frames_the_app_whose_token_answers_the_draft(
    client, dist, django_user_model, graphql
):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    story = builders.story(title="Verhaal")
    preview_url = f"/admin/pages/{story.pk}/edit/preview/"
    data = nested_form_data(
        {
            "title": "Verhaal (concept)",
            "slug": story.slug,
            "intro": "Een inleiding",
            "date": "2026-01-01",
            "body": streamfield(
                [
                    ("text", rich_text("<p>Concepttekst</p>")),
                    ("quote", {"text": "Als ich can", "attribution": "Van Eyck", "source": ""}),
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    assert client.post(preview_url, data).json()["is_valid"]
    pane = client.get(preview_url).content.decode()
    src = re.search(r'src="(/preview\?[^"]+)"', pane)
    assert src, pane
    frame_url = html.unescape(src.group(1))
    assert client.get(frame_url).content.decode() == INDEX

    token = re.search(r"[?&]token=([^&]+)", frame_url).group(1)
    draft = graphql(PREVIEW, {"token": unquote(token)})["data"]["story"]
    assert draft["title"] == "Verhaal (concept)" and draft["locale"] == "nl"
    assert draft["body"][0]["html"] == "<p>Concepttekst</p>"
    assert draft["body"][1] == {
        "__typename": "QuoteSection",
        "text": "Als ich can",
        "attribution": "Van Eyck",
    }
    # The published page is untouched.
    published = graphql(
        "query($slug: String) { story(slug: $slug) { title } }", {"slug": story.slug}
    )["data"]["story"]
    assert published["title"] == "Verhaal"


def test_forged_preview_tokens_answer_an_error_not_a_page(graphql):
    result = graphql(PREVIEW, {"token": "id=1:forged"})
    assert result["data"]["story"] is None
    assert "preview token" in result["errors"][0]["message"]
