"""A second (third …) museum for tests: its own site, home page tree and shop."""

from __future__ import annotations

from wagtail.models import Page, Site

from museum_site import models as site_models
from museum_site.museums.models import Museum
from shop import models as shop_models
from tests.shop import builders as shop_builders


def museum(slug: str = "design", hostname: str | None = None, **fields) -> Museum:
    """A museum on `hostname` (default `<slug>.localhost`) with a published Dutch home
    page, a shop index and the given fields (Stripe keys, branding …)."""
    hostname = hostname or f"{slug}.localhost"
    root = Page.objects.get(depth=1)
    home = root.add_child(
        instance=site_models.HomePage(title=f"Home of {slug}", slug=f"home-{slug}")
    )
    home.save_revision().publish()
    site = Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=slug)
    found = site.museum
    Museum.objects.filter(pk=found.pk).update(slug=slug, name=fields.pop("name", slug), **fields)
    found.refresh_from_db()
    return found


def shop_index(museum: Museum) -> shop_models.ProductIndexPage:
    home = museum.site.root_page
    found = shop_models.ProductIndexPage.objects.child_of(home).first()
    return found or home.add_child(
        instance=shop_models.ProductIndexPage(title="Winkel", slug=f"winkel-{museum.slug}")
    )


def product(museum: Museum, **fields) -> shop_models.ProductPage:
    return shop_builders.product(index=shop_index(museum), **fields)
