"""Two more museums of the same city beside the demo museum: a group in one install.

Museum aan de Leie (fine arts) is the default site and answers on `localhost` and
`fine-arts.localhost` (Wagtail falls back to the default site for unknown hosts); this
adds a design museum on `design.localhost` and an industry museum on
`industry.localhost`. Each is a Wagtail site with its own home page in nl/en/fr, footer
details, branding, staff group, a few collection objects (described with the group's
shared terms), and a shop with two products and its own delivery methods. A visitor who
bought in two of the museums shows what the group shares: one e-mail address, an order
(and an invoice numbered in its own series) in each.

Loaded by `manage.py load_demo` (the `vitrine_load_demo` hook, after the first museum's
shop). Running it again creates nothing: sites are found by hostname, pages by their
translation key, objects by inventory number, products by slug, orders by a checkout
token derived from the museum and the e-mail address.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import TextIO

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from museum_site import models as site_models
from museum_site.demo.collection import MediaLibrary, load_terms
from museum_site.demo.pages import publish, site_homes
from museum_site.demo.records import Text
from museum_site.demo.terms import TERMS
from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff

LANGUAGES = ("nl", "en", "fr")


@dataclass(frozen=True)
class ObjectSketch:
    """A collection object of a new museum: enough for a card and a product."""

    inventory_number: str
    title: Text
    motif: str  # a drawing of museum_site/demo/images.py
    materials: tuple[str, ...]  # keys of the group's terms (museum_site/demo/terms.py)
    date: str
    years: tuple[int, int]
    shareable: bool = False


@dataclass(frozen=True)
class MuseumSketch:
    slug: str
    hostname: str
    home_slug: str
    name: Text
    intro: Text
    address: Text
    opening_hours: Text
    record: dict  # Museum fields: who sells, and the branding
    objects: tuple[ObjectSketch, ...]
    shop_slug: Text
    shop_title: Text
    shop_intro: Text
    products: tuple  # shop.demo_products.ProductRecord
    delivery: tuple  # shop.demo_products.DeliveryRecord


def _sketches() -> tuple[MuseumSketch, ...]:
    """Imported late: the shop's record types live in the shop app."""
    from shop.demo_products import Cover, DeliveryRecord, ProductRecord, VariantRecord
    from shop.demo_products import Words as W

    pickup = DeliveryRecord(
        W("Afhalen aan de balie", "Pick up at the desk", "Retrait à l'accueil"), "pickup"
    )
    design = MuseumSketch(
        slug="design",
        hostname="design.localhost",
        home_slug="designmuseum",
        name=Text(
            "Designmuseum aan de Schelde",
            "Design Museum on the Scheldt",
            "Musée du design sur l'Escaut",
        ),
        intro=Text(
            "Stoelen, servies en affiches: honderd jaar Belgische vormgeving, van art "
            "nouveau tot vandaag, in een voormalige rederij aan de Schelde.",
            "Chairs, tableware and posters: a hundred years of Belgian design, from Art "
            "Nouveau to today, in a former shipping office on the Scheldt.",
            "Chaises, vaisselle et affiches : cent ans de design belge, de l'Art nouveau à "
            "aujourd'hui, dans une ancienne compagnie maritime au bord de l'Escaut.",
        ),
        address=Text(
            "Scheldekaai 4\n9000 Gent\nBelgië",
            "Scheldekaai 4\n9000 Ghent\nBelgium",
            "Scheldekaai 4\n9000 Gand\nBelgique",
        ),
        opening_hours=Text(
            "woensdag tot maandag 10–17 uur\ngesloten op dinsdag",
            "Wednesday to Monday 10 am – 5 pm\nclosed on Tuesdays",
            "du mercredi au lundi de 10 h à 17 h\nfermé le mardi",
        ),
        record={
            "name": "Designmuseum aan de Schelde",
            "legal_name": "vzw Designmuseum aan de Schelde",
            "vat_number": "BE0999000213",
            "invoice_prefix": "DMS",
            "street_address": "Scheldekaai 4",
            "postal_code": "9000",
            "city": "Gent",
            "country": "BE",
            "email": "info@designmuseumaandeschelde.example",
            "phone": "+32 9 000 56 78",
            "primary_colour": "#1f2a44",
            "accent_colour": "#c2412d",
            "typeface": "grotesque",
            "opening_hours": "Wednesday to Monday 10:00–17:00",
        },
        objects=(
            ObjectSketch(
                "DMS.1958.003",
                Text(
                    "Bureaustoel 'Schelde'",
                    "Office chair 'Scheldt'",
                    "Chaise de bureau « Escaut »",
                ),
                "room-studio",
                ("oak",),
                "1958",
                (1958, 1958),
                shareable=True,
            ),
            ObjectSketch(
                "DMS.1958.017",
                Text(
                    "Maquette van het Expo-paviljoen",
                    "Model of the Expo pavilion",
                    "Maquette du pavillon de l'Expo",
                ),
                "room-gallery",
                ("wood",),
                "1957",
                (1957, 1957),
            ),
        ),
        shop_slug=Text("winkel", "shop", "boutique"),
        shop_title=Text("Designwinkel", "Design shop", "Boutique design"),
        shop_intro=Text(
            "Heruitgaven uit de collectie en boeken over vormgeving.",
            "Re-editions from the collection and books on design.",
            "Rééditions de la collection et livres de design.",
        ),
        products=(
            ProductRecord(
                slug=W("bureaustoel-schelde", "office-chair-scheldt", "chaise-de-bureau-escaut"),
                title=W(
                    "Bureaustoel 'Schelde', heruitgave",
                    "Office chair 'Scheldt', re-edition",
                    "Chaise de bureau « Escaut », réédition",
                ),
                intro=W(
                    "De stoel uit 1958, opnieuw gemaakt door de oorspronkelijke werkplaats.",
                    "The 1958 chair, made again by its original workshop.",
                    "La chaise de 1958, refaite par son atelier d'origine.",
                ),
                description=W(
                    "<p>Eikenhout, geleverd gemonteerd.</p>",
                    "<p>Oak, delivered assembled.</p>",
                    "<p>Chêne, livrée montée.</p>",
                ),
                category="replicas",
                reproduces="DMS.1958.003",
                variants=(VariantRecord("DMS-STOEL", "245.00", weight_grams=7000, stock=4),),
            ),
            ProductRecord(
                slug=W("boek-vormgeving", "book-design", "livre-design"),
                title=W(
                    "Vormgeving aan de Schelde",
                    "Design on the Scheldt",
                    "Le design sur l'Escaut",
                ),
                intro=W(
                    "Honderd jaar Belgisch design in tweehonderd ontwerpen.",
                    "A hundred years of Belgian design in two hundred designs.",
                    "Cent ans de design belge en deux cents créations.",
                ),
                description=W(
                    "<p>320 bladzijden, gebonden.</p>",
                    "<p>320 pages, hardback.</p>",
                    "<p>320 pages, relié.</p>",
                ),
                category="boeken",
                vat_rate=6,
                cover=Cover("book", (31, 42, 68), (194, 65, 45), "DESIGN\nAAN DE\nSCHELDE"),
                variants=(VariantRecord("DMS-BOEK", "59.00", weight_grams=1500, stock=30),),
            ),
        ),
        delivery=(
            pickup,
            DeliveryRecord(
                W("bpost – België", "bpost – Belgium", "bpost – Belgique"),
                "shipping",
                zone="BE",
                price="7.00",
                free_above="75.00",
                max_weight_grams=30000,
                sort_order=1,
            ),
        ),
    )
    industry = MuseumSketch(
        slug="industry",
        hostname="industry.localhost",
        home_slug="industriemuseum",
        name=Text(
            "Industriemuseum De Spinnerij",
            "De Spinnerij Industry Museum",
            "Musée de l'industrie De Spinnerij",
        ),
        intro=Text(
            "Spinmachines, weefgetouwen en de verhalen van wie eraan werkte: Gent als "
            "textielstad, in een katoenspinnerij uit 1905.",
            "Spinning mules, looms and the stories of those who worked them: Ghent as a "
            "textile city, in a cotton mill of 1905.",
            "Métiers à filer, métiers à tisser et les histoires de ceux qui y travaillaient : "
            "Gand, ville textile, dans une filature de coton de 1905.",
        ),
        address=Text(
            "Spinnerijkaai 3\n9000 Gent\nBelgië",
            "Spinnerijkaai 3\n9000 Ghent\nBelgium",
            "Spinnerijkaai 3\n9000 Gand\nBelgique",
        ),
        opening_hours=Text(
            "dinsdag tot zondag 9.30–17 uur\nmachines in werking om 11 en 15 uur",
            "Tuesday to Sunday 9.30 am – 5 pm\nmachines running at 11 am and 3 pm",
            "du mardi au dimanche de 9 h 30 à 17 h\nmachines en marche à 11 h et 15 h",
        ),
        record={
            "name": "Industriemuseum De Spinnerij",
            "legal_name": "vzw Industriemuseum De Spinnerij",
            "vat_number": "BE0999000314",
            "invoice_prefix": "IND",
            "street_address": "Spinnerijkaai 3",
            "postal_code": "9000",
            "city": "Gent",
            "country": "BE",
            "email": "info@despinnerij.example",
            "phone": "+32 9 000 90 12",
            "primary_colour": "#3a3a3a",
            "accent_colour": "#d9911a",
            "typeface": "humanist",
            "opening_hours": "Tuesday to Sunday 9:30–17:00",
        },
        objects=(
            ObjectSketch(
                "IND.1905.002",
                Text(
                    "Schaalmodel van de spinnerij",
                    "Scale model of the cotton mill",
                    "Maquette de la filature",
                ),
                "room-depot",
                ("wood",),
                "1905",
                (1905, 1905),
                shareable=True,
            ),
            ObjectSketch(
                "IND.1911.014",
                Text(
                    "Stoomfluit van de spinnerij",
                    "Steam whistle of the mill",
                    "Sifflet à vapeur de la filature",
                ),
                "brass-candlestick",
                ("copper",),
                "1911",
                (1911, 1911),
            ),
        ),
        shop_slug=Text("winkel", "shop", "boutique"),
        shop_title=Text("Museumwinkel", "Museum shop", "Boutique du musée"),
        shop_intro=Text(
            "Schaalmodellen en replica's uit de spinnerij.",
            "Scale models and replicas from the mill.",
            "Maquettes et répliques de la filature.",
        ),
        products=(
            ProductRecord(
                slug=W("bouwpakket-spinnerij", "kit-cotton-mill", "kit-filature"),
                title=W(
                    "Bouwpakket 'De Spinnerij'",
                    "Model kit 'De Spinnerij'",
                    "Kit de construction « De Spinnerij »",
                ),
                intro=W(
                    "De spinnerij van 1905 in karton, om zelf te bouwen.",
                    "The 1905 mill in cardboard, to build yourself.",
                    "La filature de 1905 en carton, à construire soi-même.",
                ),
                description=W(
                    "<p>Met bouwplan in drie talen.</p>",
                    "<p>With building plans in three languages.</p>",
                    "<p>Avec plan de montage en trois langues.</p>",
                ),
                category="souvenirs",
                cover=Cover("box", (58, 58, 58), (217, 145, 26), "DE SPINNERIJ\n1905"),
                variants=(
                    VariantRecord("IND-BOUW-200", "65.00", size="1:200", weight_grams=900),
                    VariantRecord("IND-BOUW-100", "95.00", size="1:100", weight_grams=1600),
                ),
            ),
            ProductRecord(
                slug=W("replica-stoomfluit", "replica-steam-whistle", "replique-sifflet"),
                title=W(
                    "Replica stoomfluit",
                    "Replica steam whistle",
                    "Réplique de sifflet à vapeur",
                ),
                intro=W(
                    "Gegoten koper, naar de fluit die de ploegen riep.",
                    "Cast copper, after the whistle that called the shifts.",
                    "Cuivre coulé, d'après le sifflet qui appelait les équipes.",
                ),
                description=W(
                    "<p>18 cm, op een eiken voet.</p>",
                    "<p>18 cm, on an oak base.</p>",
                    "<p>18 cm, sur un socle en chêne.</p>",
                ),
                category="replicas",
                reproduces="IND.1911.014",
                variants=(VariantRecord("IND-FLUIT", "58.00", weight_grams=800, stock=15),),
            ),
        ),
        delivery=(
            pickup,
            DeliveryRecord(
                W("bpost – België", "bpost – Belgium", "bpost – Belgique"),
                "shipping",
                zone="BE",
                price="6.00",
                max_weight_grams=30000,
                sort_order=1,
            ),
        ),
    )
    return (design, industry)


# The visitor who bought in two museums: the same address, an order in each.
CONTACT_EMAIL = "an.devos@example.org"
CONTACT_ORDERS = (
    # museum slug (None: the first museum), SKU, quantity, days ago
    (None, "EBOOK-CAT", 1, 12),
    ("design", "DMS-BOEK", 1, 3),
)


def load_demo_museums(stdout: TextIO | None = None) -> list[Museum]:
    """The design and industry museums, and the visitor who bought in two museums."""
    with transaction.atomic():
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
        terms = load_terms(TERMS)
        media = MediaLibrary()
        museums = [_museum(sketch, locales, terms, media) for sketch in _sketches()]
        orders = _contact_orders()
        from shop.demo import load_demo_return

        load_demo_return(CONTACT_EMAIL)
    if stdout:
        stdout.write(
            "Museums: "
            + ", ".join(f"{museum.name} on {museum.site.hostname}" for museum in museums)
            + f"; {CONTACT_EMAIL} has {orders} orders in two museums\n"
        )
    return museums


def _museum(sketch: MuseumSketch, locales, terms, media: MediaLibrary) -> Museum:
    from shop import demo as shop_demo

    homes = _homes(sketch, locales)
    museum = _site_museum(sketch, homes["nl"])
    _details(museum, sketch, locales)
    _staff(museum)
    objects = _objects(museum, sketch, locales, terms, media)
    for obj in objects:
        if obj.museum_id != museum.pk:
            raise ValueError(f"{obj.inventory_number} belongs to another museum")
    indexes = shop_demo._indexes(homes, sketch.shop_title, sketch.shop_slug, sketch.shop_intro)
    categories = shop_demo._categories()
    for record in sketch.products:
        shop_demo._product(record, indexes, categories)
    shop_demo._delivery(museum, sketch.delivery)
    return museum


def _homes(sketch: MuseumSketch, locales) -> dict[str, site_models.HomePage]:
    """The museum's home in Dutch, at the top of the tree beside the other museums', and
    its translations, as the admin's "Translate" makes them."""
    site = Site.objects.filter(hostname=sketch.hostname).select_related("root_page").first()
    homes = site_homes(site) if site is not None else {}
    source = homes.get("nl")
    if source is None:
        root = Page.get_first_root_node()
        source = site_models.HomePage(
            title=sketch.name.nl,
            slug=sketch.home_slug,
            intro=sketch.intro.nl,
            locale=locales["nl"],
        )
        root.add_child(instance=source)
        publish(source)
        homes = {"nl": source}
    for language in LANGUAGES[1:]:
        if language not in homes:
            page = source.copy_for_translation(locales[language])
            page.title = page.draft_title = sketch.name.get(language)
            page.intro = sketch.intro.get(language)
            publish(page)
            homes[language] = page
    return homes


def _site_museum(sketch: MuseumSketch, home: site_models.HomePage) -> Museum:
    """The Wagtail site (its own hostname and tree) and the museum the site makes."""
    site = Site.objects.filter(hostname=sketch.hostname).first()
    if site is None:
        default = Site.objects.filter(is_default_site=True).first()
        site = Site.objects.create(
            hostname=sketch.hostname,
            port=default.port if default else 80,
            root_page=home,
            site_name=sketch.name.nl,
        )
    museum = Museum.for_site(site)
    wanted = {"slug": sketch.slug, **sketch.record}
    changed = [name for name, value in wanted.items() if getattr(museum, name) != value]
    if changed:
        for name in changed:
            setattr(museum, name, wanted[name])
        museum.save(update_fields=changed)
    return museum


def _details(museum: Museum, sketch: MuseumSketch, locales) -> None:
    """The footer's name, address and hours in each language (one translation key)."""
    texts = {
        "museum_name": sketch.name,
        "address": sketch.address,
        "opening_hours": sketch.opening_hours,
    }
    source = site_models.MuseumDetails.objects.filter(museum=museum, locale=locales["nl"]).first()
    if source is None:
        source = site_models.MuseumDetails(
            museum=museum, locale=locales["nl"], **{k: v.nl for k, v in texts.items()}
        )
        source.save()
    for language in LANGUAGES[1:]:
        if source.get_translation_or_none(locales[language]) is None:
            row = source.copy_for_translation(locales[language])
            for name, text in texts.items():
                setattr(row, name, text.get(language))
            row.museum = museum
            row.save()


def _staff(museum: Museum) -> None:
    group, _created = Group.objects.get_or_create(name=f"Staff – {museum.name}")
    grant_staff(group, museum)


def _objects(museum: Museum, sketch: MuseumSketch, locales, terms, media: MediaLibrary):
    """The museum's own objects in nl/en/fr, described with the group's shared terms."""
    made = []
    for record in sketch.objects:
        image = media.image(
            f"{record.inventory_number} {record.title.nl}", record.motif, record.title.nl
        )
        source = site_models.CollectionObject.objects.filter(
            inventory_number=record.inventory_number, locale=locales["nl"]
        ).first()
        if source is None:
            source = site_models.CollectionObject(
                museum=museum,
                shareable=record.shareable,
                inventory_number=record.inventory_number,
                locale=locales["nl"],
                title=record.title.nl,
                date_text=record.date,
                earliest_year=record.years[0],
                latest_year=record.years[1],
                rights=site_models.RightsStatement.IN_COPYRIGHT,
                live=True,
            )
            source.materials.set([terms[key] for key in record.materials])
            source.images = [
                site_models.CollectionObjectImage(image=image, alt_text=record.title.nl)
            ]
            source.save()
        made.append(source)
        for language in LANGUAGES[1:]:
            if source.get_translation_or_none(locales[language]) is not None:
                continue
            translation = source.copy_for_translation(locales[language])
            translation.title = record.title.get(language)
            translation.museum = museum
            translation.shareable = record.shareable
            translation.live = True
            translation.materials.set(list(source.materials.all()))
            translation.images = [
                site_models.CollectionObjectImage(
                    image=row.image,
                    alt_text=record.title.get(language),
                    sort_order=row.sort_order,
                    translation_key=row.translation_key,
                )
                for row in source.images.all()
            ]
            translation.save()
            made.append(translation)
    return made


def _contact_orders() -> int:
    """Paid orders of one visitor in two museums, made as a completed checkout makes
    them (totals, lines, stock taken, the invoice from the museum's series) but without
    a payment provider: the demo talks to no Stripe. Returns how many there are."""
    from shop import models as shop_models
    from shop.pricing import PricedLine, checkout_totals
    from shop.services import invoices, stock
    from shop.services.orders import event

    count = 0
    for slug, sku, quantity, days_ago in CONTACT_ORDERS:
        museum = Museum.objects.default() if slug is None else Museum.objects.get(slug=slug)
        token = uuid.uuid5(uuid.NAMESPACE_URL, f"vitrine-demo:{museum.pk}:{CONTACT_EMAIL}")
        if shop_models.Order.objects.filter(checkout_token=token).exists():
            count += 1
            continue
        variant = (
            shop_models.ProductVariant.objects.select_related("product").filter(sku=sku).first()
        )
        if variant is None:
            continue  # the first museum's shop is not loaded
        product = variant.product
        totals = checkout_totals(
            [
                PricedLine(
                    key=variant.pk,
                    quantity=quantity,
                    unit_gross=variant.gross_price,
                    vat_rate=product.vat_rate,
                    shipped=not variant.is_digital,
                )
            ]
        )
        pickup = (
            None
            if variant.is_digital
            else shop_models.ShippingMethod.objects.filter(
                museum=museum, kind=shop_models.ShippingMethod.Kind.PICKUP
            ).first()
        )
        paid_at = timezone.now() - timedelta(days=days_ago)
        order = shop_models.Order.objects.create(
            checkout_token=token,
            museum=museum,
            email=CONTACT_EMAIL,
            locale="nl",
            subtotal=totals.subtotal.gross.amount,
            discount=Decimal("0.00"),
            shipping=totals.shipping.gross.amount,
            total_gross=totals.total.gross.amount,
            total_net=totals.total.net.amount,
            vat_breakdown=totals.vat_breakdown_record(),
            delivery_method_name=pickup.name("nl") if pickup else "",
            delivery_kind=(
                shop_models.Order.DeliveryKind.PICKUP
                if pickup
                else shop_models.Order.DeliveryKind.NONE
            ),
            status=shop_models.Order.Status.PAID,
            paid_at=paid_at,
        )
        line = shop_models.OrderLine.objects.create(
            order=order,
            variant=variant,
            sku=variant.sku,
            product_name=product.title,
            variant_label=variant.label_in(order.locale),
            is_digital=variant.is_digital,
            quantity=quantity,
            unit_gross=totals.lines[variant.pk].unit.gross.amount,
            total_gross=totals.lines[variant.pk].total.gross.amount,
            vat_rate=product.vat_rate,
        )
        if not variant.is_digital:
            stock.allocate([line])
        order.invoice_number = invoices.issue_invoice(order).number
        order.save(update_fields=["invoice_number"])
        event(order, shop_models.OrderEvent.Type.PLACED, "Order placed (demo).")
        event(order, shop_models.OrderEvent.Type.PAID, f"Paid € {order.total_gross} (demo).")
        count += 1
    return count
