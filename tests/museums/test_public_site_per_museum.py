"""Each museum's public site is its own: page heads, sitemap, tours and server-rendered
pages answer the museum the host names, with that museum's origin in every URL."""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from museum_site import models as site_models
from museum_site.museums.models import Museum
from tests.museums import builders
from tests.site import builders as site_builders
from tests.tours import builders as tour_builders
from tours import models as tour_models

pytestmark = pytest.mark.django_db

PAGE_META = """query($path: String!) { pageMeta(path: $path) { status canonical } }"""
TOURS = "{ tours(first: 10) { nodes { slug } } }"
TOUR = 'query($slug: String!) { tour(slug: $slug, locale: "nl") { slug } }'
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def design(settings):
    settings.ALLOWED_HOSTS = ["localhost", "design.localhost", "testserver"]
    settings.FRONTEND_URL = "https://museum.example"
    Museum.objects.default().site.root_page.specific.save_revision().publish()
    return builders.museum("design")


def design_story(design: Museum, slug: str) -> site_models.StoryPage:
    home = design.site.root_page
    index = home.add_child(instance=site_models.StoryIndexPage(title="Verhalen", slug="verhalen"))
    story = index.add_child(
        instance=site_models.StoryPage(
            title="Stoel", slug=slug, intro="Een stoel.", date="2026-01-02"
        )
    )
    story.save_revision().publish()
    return story


def design_tour(design: Museum, slug: str) -> tour_models.TourPage:
    home = design.site.root_page
    index = home.add_child(
        instance=tour_models.TourIndexPage(title="Rondleidingen", slug="rondleidingen")
    )
    tour = index.add_child(
        instance=tour_models.TourPage(
            title="Atelier",
            slug=slug,
            intro="Het atelier.",
            scenes=[tour_builders.scene("atelier")],
        )
    )
    tour.save_revision().publish()
    return tour


def test_a_page_head_is_found_on_its_own_museums_host_only(graphql, design):
    design_story(design, "de-stoel")
    site_builders.story(slug="het-ijs")
    path = {"path": "/nl/verhalen/de-stoel"}
    on_design = graphql(PAGE_META, path, HTTP_HOST="design.localhost")["data"]["pageMeta"]
    assert on_design == {
        "status": 200,
        "canonical": "http://design.localhost/nl/verhalen/de-stoel",
    }
    on_default = graphql(PAGE_META, path, HTTP_HOST="localhost")["data"]["pageMeta"]
    assert on_default["status"] == 404
    ice = graphql(PAGE_META, {"path": "/nl/verhalen/het-ijs"}, HTTP_HOST="design.localhost")
    assert ice["data"]["pageMeta"]["status"] == 404


def test_each_host_has_its_own_sitemap_on_its_own_origin(client, design):
    design_story(design, "de-stoel")
    site_builders.story(slug="het-ijs")

    def locations(host: str) -> list[str]:
        answer = client.get("/sitemap-nl.xml", HTTP_HOST=host)
        return [loc.text for loc in ET.fromstring(answer.content).iter(f"{SITEMAP}loc")]

    on_design = locations("design.localhost")
    assert "http://design.localhost/nl/verhalen/de-stoel" in on_design
    assert not [loc for loc in on_design if "het-ijs" in loc or "museum.example" in loc]
    on_default = locations("localhost")
    assert "https://museum.example/nl/verhalen/het-ijs" in on_default
    assert not [loc for loc in on_default if "de-stoel" in loc]
    robots = client.get("/robots.txt", HTTP_HOST="design.localhost").content.decode()
    assert "Sitemap: http://design.localhost/sitemap.xml" in robots


def test_tours_are_listed_and_found_within_their_museum(graphql, design):
    design_tour(design, "atelier")
    tour_builders.tour([tour_builders.scene("hall")], slug="de-hal")
    on_design = graphql(TOURS, HTTP_HOST="design.localhost")["data"]["tours"]["nodes"]
    assert [node["slug"] for node in on_design] == ["atelier"]
    on_default = graphql(TOURS, HTTP_HOST="localhost")["data"]["tours"]["nodes"]
    assert [node["slug"] for node in on_default] == ["de-hal"]
    assert graphql(TOUR, {"slug": "atelier"}, HTTP_HOST="localhost")["data"]["tour"] is None
    found = graphql(TOUR, {"slug": "atelier"}, HTTP_HOST="design.localhost")["data"]["tour"]
    assert found == {"slug": "atelier"}


class _Renderer(BaseHTTPRequestHandler):
    """A page renderer on loopback that draws the museum it is told (X-Museum)."""

    def do_GET(self):
        museum = self.headers.get("X-Museum", "")
        self.server.asked.append((self.path, museum))
        body = f"<html><body>page of {museum}</body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Language", "nl")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def renderer(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Renderer)
    server.asked = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.PAGE_RENDERER_URL = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()


def test_the_renderer_draws_each_hosts_museum_and_the_cache_keeps_them_apart(
    client, design, renderer
):
    default = Museum.objects.default()
    for _round in range(2):  # the second round is served from the cache
        assert b"page of design" in client.get("/nl", HTTP_HOST="design.localhost").content
        assert (
            f"page of {default.slug}".encode() in client.get("/nl", HTTP_HOST="localhost").content
        )
    assert sorted(renderer.asked) == sorted([("/nl", "design"), ("/nl", default.slug)])
