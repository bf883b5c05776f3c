"""The demo museum shop: categories, products in nl/en/fr, stock, delivery and a voucher.

Loaded by `manage.py load_demo` (the `vitrine_load_demo` hook) after the museum, because
replicas and prints show and link the demo collection objects; without them the products
get a drawn picture and no link, so the shop also loads into an empty database.

Running it again creates nothing: categories are found by slug, products by slug under
the shop page (and their translations by translation key), delivery methods by kind and
zone, the voucher by code, drawn images and the e-book's PDF by title. Stock is set only
when a product is created: a second run must not undo what was sold or counted since.
"""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal
from typing import TextIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.models import Locale

from museum_site.demo import images as museum_images
from museum_site.demo.objects import BY_INVENTORY_NUMBER
from museum_site.demo.pages import site_homes
from museum_site.models import CollectionObject, HomePage, MuseumImage
from museum_site.museums.models import Museum
from shop import models
from shop.demo_products import (
    CATEGORIES,
    DELIVERY,
    INDEX_INTRO,
    INDEX_SLUG,
    INDEX_TITLE,
    PRODUCTS,
    VOUCHER_CODE,
    Cover,
    ProductRecord,
    Words,
)

SOURCE_LANGUAGE = "nl"
IMAGE_SUFFIX = "(demo-winkel)"
COVER_SIZE = (900, 900)


def load_demo_shop(stdout: TextIO | None = None) -> None:
    with transaction.atomic():
        categories = _categories()
        indexes = _indexes()
        if SOURCE_LANGUAGE not in indexes:
            if stdout:
                stdout.write("Shop: no Dutch home page, so no shop.")
            return
        created = 0
        for record in PRODUCTS:
            created += _product(record, indexes, categories)
        museum = Museum.objects.default()
        _delivery(museum)
        _voucher()
    if stdout:
        dutch = models.ProductPage.objects.child_of(indexes[SOURCE_LANGUAGE])
        methods = models.ShippingMethod.objects.filter(museum=museum, active=True)
        stdout.write(
            f"Shop: {dutch.count()} products, {dutch.live().count()} published ({created} new), "
            f"{methods.count()} delivery methods, voucher {VOUCHER_CODE}"
        )


def _categories() -> dict[str, models.ProductCategory]:
    found = {}
    for position, record in enumerate(CATEGORIES):
        category, _created = models.ProductCategory.objects.get_or_create(
            slug=record.slug,
            defaults={
                "name_nl": record.name.nl,
                "name_en": record.name.en,
                "name_fr": record.name.fr,
                "sort_order": position,
            },
        )
        found[record.slug] = category
    return found


def _indexes(
    homes: dict[str, HomePage] | None = None,
    title: Words = INDEX_TITLE,
    slug: Words = INDEX_SLUG,
    intro: Words = INDEX_INTRO,
) -> dict[str, models.ProductIndexPage]:
    """The shop page under each of a museum's home pages (the default site's when none
    are given), the Dutch one first, translations beside it."""
    homes = site_homes() if homes is None else homes
    home = homes.get(SOURCE_LANGUAGE)
    if home is None:
        return {}
    source = models.ProductIndexPage.objects.child_of(home).first()
    if source is None:
        source = models.ProductIndexPage(title=title.nl, slug=slug.nl, intro=intro.nl)
        home.add_child(instance=source)
        source.save_revision().publish()
    indexes = {SOURCE_LANGUAGE: source}
    for locale in Locale.objects.exclude(language_code=SOURCE_LANGUAGE):
        language = locale.language_code
        if language not in homes:
            continue
        page = source.get_translation_or_none(locale)
        if page is None:
            page = source.copy_for_translation(locale)
            page.title, page.draft_title = title.get(language), title.get(language)
            page.slug = slug.get(language)
            page.intro = intro.get(language)
            page.save_revision().publish()
        indexes[language] = page
    return indexes


def _product(
    record: ProductRecord,
    indexes: dict[str, models.ProductIndexPage],
    categories: dict[str, models.ProductCategory],
) -> int:
    """Create the product (and its translations) if missing; 1 if the source was created."""
    index = indexes[SOURCE_LANGUAGE]
    source = models.ProductPage.objects.child_of(index).filter(slug=record.slug.nl).first()
    created = 0
    if source is None:
        source = _create_source(record, index, categories)
        created = 1
    if not record.live:
        return created  # a draft is not translated yet: nothing for visitors to read
    for language in record.languages:
        if language == SOURCE_LANGUAGE or language not in indexes:
            continue
        locale = indexes[language].locale
        if source.get_translation_or_none(locale) is None:
            _translate(record, source, locale, language)
    return created


def _create_source(
    record: ProductRecord,
    index: models.ProductIndexPage,
    categories: dict[str, models.ProductCategory],
) -> models.ProductPage:
    obj = _object(record.reproduces, SOURCE_LANGUAGE)
    image = _picture(record, obj)
    page = models.ProductPage(
        title=record.title.nl,
        slug=record.slug.nl,
        intro=record.intro.nl,
        description=record.description.nl,
        category=categories[record.category],
        reproduces=obj,
        vat_rate=record.vat_rate,
        live=False,
    )
    page.images = [models.ProductImage(image=image, sort_order=0)]
    page.variants = [
        models.ProductVariant(
            sku=variant.sku,
            gross_price=variant.gross_price,
            **variant.label_fields(),
            weight_grams=variant.weight_grams,
            kind=(
                models.ProductVariant.Kind.DIGITAL
                if variant.digital
                else models.ProductVariant.Kind.PHYSICAL
            ),
            digital_file=_ebook_file(record) if variant.digital else None,
            sort_order=position,
        )
        for position, variant in enumerate(record.variants)
    ]
    index.add_child(instance=page)
    revision = page.save_revision()
    if record.live:
        revision.publish()
    for variant in record.variants:
        if not variant.digital:
            models.Stock.objects.filter(variant__sku=variant.sku).update(quantity=variant.stock)
    return page


def _translate(
    record: ProductRecord, source: models.ProductPage, locale: Locale, language: str
) -> None:
    """As an editor's "Translate": a copy in `locale` sharing the translation key; the
    variants stay on the Dutch page (see shop/models/catalogue.py)."""
    page = source.copy_for_translation(locale, copy_parents=True).specific
    page.title = page.draft_title = record.title.get(language)
    page.slug = record.slug.get(language)
    page.intro = record.intro.get(language)
    page.description = record.description.get(language)
    if record.reproduces:
        page.reproduces = _object(record.reproduces, language) or page.reproduces
    page.save_revision().publish()


def _object(inventory_number: str, language: str) -> CollectionObject | None:
    if not inventory_number:
        return None
    return CollectionObject.objects.filter(
        inventory_number=inventory_number, locale__language_code=language
    ).first()


# --- pictures and the e-book ----------------------------------------------------------------


def _picture(record: ProductRecord, obj: CollectionObject | None) -> MuseumImage:
    """The object's own image for a replica or print; otherwise a drawn product shot."""
    if obj is not None:
        shown = obj.images.select_related("image").first()
        if shown is not None:
            return shown.image
    title = f"{record.title.nl} {IMAGE_SUFFIX}"
    found = MuseumImage.objects.filter(title=title).first()
    if found is not None:
        return found
    if record.cover is not None:
        data = _draw_cover(record.cover)
    else:
        # A reproduction whose object is not loaded: draw the object's motif instead.
        data = museum_images.render(BY_INVENTORY_NUMBER[record.reproduces].motif, title)
    image = MuseumImage(
        title=title,
        alt_text=record.title.nl,
        credit=museum_images.CREDIT,
        licence=museum_images.LICENCE,
        file=ContentFile(data, name=f"{slugify(title)[:80]}.jpg"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    image.tags.add("demo", "winkel")
    return image


def _font(pixels: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=pixels)


def _draw_cover(cover: Cover) -> bytes:
    """A plain product shot on a light backdrop; deterministic, so reruns match."""
    width = COVER_SIZE[0]
    img = Image.new("RGB", COVER_SIZE, (236, 232, 224))
    draw = ImageDraw.Draw(img)
    draw.ellipse((150, 720, 750, 800), fill=(210, 204, 194))  # shadow
    match cover.shape:
        case "book" | "ebook":
            draw.rectangle((250, 140, 650, 760), fill=cover.colour)
            draw.rectangle((250, 140, 280, 760), fill=tuple(c // 2 for c in cover.colour))
            draw.rectangle((320, 230, 610, 250), fill=cover.accent)
            if cover.shape == "ebook":
                draw.rounded_rectangle((230, 120, 670, 780), 30, outline=(30, 30, 30), width=18)
        case "bag":
            draw.arc((330, 80, 570, 380), 180, 360, fill=cover.accent, width=16)
            draw.rectangle((220, 230, 680, 760), fill=cover.colour)
            for row in range(4):
                for col in range(3):
                    x, y = 280 + col * 140, 290 + row * 115
                    draw.ellipse((x, y, x + 80, y + 60), outline=cover.accent, width=6)
        case "mug":
            draw.rounded_rectangle((250, 260, 580, 740), 30, fill=cover.colour)
            draw.arc((520, 360, 680, 620), 270, 90, fill=cover.colour, width=36)
            draw.rectangle((300, 420, 530, 560), fill=cover.accent)
        case "cards":
            for shift in (60, 30, 0):
                draw.rectangle(
                    (180 + shift, 230 - shift, 720 + shift, 640 - shift),
                    fill=cover.colour,
                    outline=cover.accent,
                    width=8,
                )
        case _:
            draw.rectangle((220, 140, 680, 760), fill=cover.colour)
    if cover.shape == "bag":  # a woven label, so the caption stands off the pattern
        draw.rectangle((330, 420, 570, 520), fill=cover.colour)
    draw.multiline_text(
        (width // 2, 470),
        cover.caption,
        fill=cover.accent,
        font=_font(52),
        anchor="mm",
        align="center",
        spacing=12,
    )
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=84)
    return buffer.getvalue()


def _ebook_file(record: ProductRecord):
    """The PDF buyers download: a title page drawn with Pillow, found again by title."""
    document_model = get_document_model()
    title = f"{record.title.nl} (PDF) {IMAGE_SUFFIX}"
    found = document_model.objects.filter(title=title).first()
    if found is not None:
        return found
    page = Image.new("RGB", (1240, 1754), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    heading = record.title.nl.replace("–", "-")  # the built-in font has no en dash
    draw.text((620, 700), heading, fill=(40, 36, 32), font=_font(48), anchor="mm")
    draw.text((620, 800), "Museum aan de Leie", fill=(120, 90, 40), font=_font(36), anchor="mm")
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    data = buffer.getvalue()
    document = document_model(
        title=title,
        file=ContentFile(data, name=f"{slugify(record.title.nl)}.pdf"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    document.save()
    document.tags.add("demo", "winkel")
    return document


# --- delivery and the voucher -----------------------------------------------------------------


def _delivery(museum: Museum, records=DELIVERY) -> None:
    """The museum's own delivery methods (each museum posts and hands out its parcels)."""
    for record in records:
        models.ShippingMethod.objects.get_or_create(
            museum=museum,
            kind=record.kind,
            zone=record.zone,
            name_nl=record.name.nl,
            defaults={
                "name_en": record.name.en,
                "name_fr": record.name.fr,
                "price": Decimal(record.price),
                "free_above": Decimal(record.free_above) if record.free_above else None,
                "max_weight_grams": record.max_weight_grams,
                "sort_order": record.sort_order,
            },
        )


def _voucher() -> None:
    models.Voucher.objects.get_or_create(
        code=VOUCHER_CODE,
        defaults={
            "kind": models.Voucher.Kind.PERCENTAGE,
            "value": Decimal("10"),
            "description": "Demo: 10% off the goods for friends of the museum",
            "valid_from": timezone.now(),
        },
    )


DEMO_RETURN_REASON = "Het boek kwam met een geknakte hoek aan."


def load_demo_return(email: str) -> int:
    """The visitor's design-museum book was handed over at the desk and they asked to
    return it: a return waiting for the shop manager (Shop → Returns), made through the
    same services as the API. Answers how many returns the visitor has."""
    from shop.services import orders, returns

    order = (
        models.Order.objects.filter(email=email, lines__is_digital=False)
        .exclude(status=models.Order.Status.CANCELED)
        .order_by("pk")
        .first()
    )
    if order is None:
        return 0
    if not order.returns.exists():
        if order.status == models.Order.Status.PAID:
            orders.fulfil(order.pk, ready_for_pickup=True)
        line = order.lines.filter(is_digital=False).first()
        returns.request_return(order, {line.pk: 1}, DEMO_RETURN_REASON)
    return order.returns.count()
