"""Structured data (schema.org JSON-LD) for each kind of public page.

Search engines read these to show a museum's address and opening hours, an
exhibition's dates, a product's price and a breadcrumb trail. One function per type,
each from the same `Content` the head is made from (museum_site.page_meta).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from museum_site import public_paths
from museum_site.museum import Museum

if TYPE_CHECKING:
    from museum_site.page_meta import Content, ShareImage

AREA_LABELS: dict[str, dict[str, str]] = {
    "stories": {"nl": "Verhalen", "en": "Stories", "fr": "Récits"},
    "exhibitions": {"nl": "Tentoonstellingen", "en": "Exhibitions", "fr": "Expositions"},
    "collection": {"nl": "Collectie", "en": "Collection", "fr": "Collection"},
    "tours": {"nl": "Rondleidingen", "en": "Tours", "fr": "Visites"},
    "search": {"nl": "Zoeken", "en": "Search", "fr": "Recherche"},
    "shop": {"nl": "Winkel", "en": "Shop", "fr": "Boutique"},
    "cart": {"nl": "Winkelmandje", "en": "Cart", "fr": "Panier"},
    "checkout": {"nl": "Afrekenen", "en": "Checkout", "fr": "Commande"},
    "account": {"nl": "Account", "en": "Account", "fr": "Compte"},
    "privacy": {"nl": "Privacy", "en": "Privacy", "fr": "Confidentialité"},
    "newsletter": {"nl": "Nieuwsbrief", "en": "Newsletter", "fr": "Infolettre"},
    "groups": {"nl": "Groepen en scholen", "en": "Groups and schools", "fr": "Groupes et écoles"},
    "tickets": {"nl": "Tickets", "en": "Tickets", "fr": "Billets"},
}


def _museum(museum: Museum, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Museum", "name": museum.name, "url": url}
    if museum.address:
        data["address"] = " ".join(museum.address.split())
    if museum.opening_hours:
        data["openingHours"] = " ".join(museum.opening_hours.split())
    return data


def for_content(
    content: Content, url: str, image: ShareImage | None, museum: Museum
) -> dict[str, Any] | None:
    obj = content.obj
    base: dict[str, Any] = {
        "@context": "https://schema.org",
        "name": content.title,
        "url": url,
        "inLanguage": content.language,
    }
    if content.description:
        base["description"] = content.description
    if image:
        base["image"] = image.url
    home = museum.root_url + public_paths.path_for(content.language, "home")
    if content.kind == "home":
        data = {"@context": "https://schema.org", **_museum(museum, home)}
        if image:
            data["image"] = image.url
        from museum_site.models import MuseumSettings

        settings = MuseumSettings.load()
        if settings.phone:
            data["telephone"] = settings.phone
        if settings.contact_email:
            data["email"] = settings.contact_email
        return data
    if content.kind == "story":
        data = {**base, "@type": "Article", "headline": content.title[:110]}
        if obj.author:
            data["author"] = {"@type": "Person", "name": obj.author}
        data["datePublished"] = obj.date.isoformat()
        if obj.last_published_at:
            data["dateModified"] = obj.last_published_at.date().isoformat()
        data["publisher"] = {"@type": "Organization", "name": museum.name, "url": home}
        return data
    if content.kind == "exhibition":
        data = {**base, "@type": "ExhibitionEvent"}
        if obj.start_date:
            data["startDate"] = obj.start_date.isoformat()
        if obj.end_date:
            data["endDate"] = obj.end_date.isoformat()
        location = _museum(museum, home)
        if getattr(obj, "venue", ""):
            location["name"] = f"{museum.name} — {obj.venue}"
        data["location"] = location
        data["organizer"] = {"@type": "Organization", "name": museum.name, "url": home}
        return data
    if content.kind == "object":
        data = {**base, "@type": "VisualArtwork", "identifier": obj.inventory_number}
        makers = [term.label_nl for term in obj.makers.all()]
        if makers:
            data["creator"] = [{"@type": "Person", "name": name} for name in makers]
        materials = [term.label_nl for term in obj.materials.all()]
        if materials:
            data["artMedium"] = ", ".join(materials)
        if obj.date_text:
            data["dateCreated"] = obj.date_text
        return data
    if content.kind == "product":
        from shop.models import ProductVariant

        variants = list(ProductVariant.objects.for_products([obj]).with_sale_state())
        data = {**base, "@type": "Product"}
        offers = [
            {
                "@type": "Offer",
                "sku": variant.sku,
                "price": str(variant.gross_price),
                "priceCurrency": variant.currency,
                "availability": "https://schema.org/InStock"
                if variant.kind == "digital" or variant.stock_available > 0
                else "https://schema.org/OutOfStock",
                "url": url,
            }
            for variant in variants
        ]
        if offers:
            data["offers"] = offers if len(offers) > 1 else offers[0]
        return data
    if content.kind == "tour":
        return {**base, "@type": "WebPage"}
    return {**base, "@type": "WebPage"}


def breadcrumbs(parsed, content: Content | None, museum: Museum) -> dict[str, Any]:
    """Home › area › page."""
    language = parsed.language
    items = [(museum.name, public_paths.path_for(language, "home"))]
    if parsed.area != "home":
        items.append(
            (AREA_LABELS[parsed.area][language], public_paths.path_for(language, parsed.area))
        )
    if content is not None and content.kind != "home":
        items.append((content.title, content.paths.get(language, "")))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": museum.root_url + path}
            for i, (name, path) in enumerate(items, start=1)
        ],
    }
