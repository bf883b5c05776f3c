"""Products as pages: translating, aliasing and copying never copy or move variants."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail_localize.models import TranslationSource

from shop.models import ProductPage, ProductVariant, ShippingMethod
from tests.shop import builders
from tests.site import builders as site_builders

pytestmark = pytest.mark.django_db

PRODUCT = """query($slug: String!, $locale: String) { product(slug: $slug, locale: $locale) {
  title locale variants { sku price { gross { amount } } availability { inStock } } } }"""


def variant_rows() -> list[tuple[str, int]]:
    return sorted(ProductVariant.objects.values_list("sku", "product_id"))


def translate(page: ProductPage, language: str, capture) -> ProductPage:
    site_builders.locale(language)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    with capture(execute=True):
        translation, _created = source.create_or_update_translation(
            site_builders.locale(language), copy_parent_pages=True, fallback=True
        )
    return ProductPage.objects.get(pk=translation.pk)


def test_a_translation_shows_the_variants_of_its_source(
    graphql, settings, django_capture_on_commit_callbacks
):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}
    page = builders.product(
        title="Affiche", slug="affiche", variants=[builders.variant("POSTER", "12.10")]
    )
    before = variant_rows()

    english = translate(page, "en", django_capture_on_commit_callbacks)

    assert english.live and english.locale.language_code == "en"
    assert variant_rows() == before  # nothing copied, nothing moved
    answer = graphql(PRODUCT, {"slug": english.slug, "locale": "en"})["data"]["product"]
    assert answer["locale"] == "en"
    assert answer["variants"] == [
        {
            "sku": "POSTER",
            "price": {"gross": {"amount": "12.10"}},
            "availability": {"inStock": True},
        }
    ]


def test_syncing_a_translation_again_keeps_the_variants_where_they_are(
    django_capture_on_commit_callbacks,
):
    page = builders.product(variants=[builders.variant("POSTER")])
    translate(page, "fr", django_capture_on_commit_callbacks)
    page = ProductPage.objects.get(pk=page.pk)
    page.variants.add(builders.variant("POSTER-XL"))
    page.save_revision().publish()
    before = variant_rows()

    translate(page, "fr", django_capture_on_commit_callbacks)

    assert variant_rows() == before


def test_a_translation_cannot_get_variants_of_its_own(django_capture_on_commit_callbacks):
    page = builders.product(variants=[builders.variant("POSTER")])
    english = translate(page, "en", django_capture_on_commit_callbacks)
    english.variants = [builders.variant("POSTER-EN")]
    with translation.override("en"), pytest.raises(ValidationError, match="kept on its"):
        english.full_clean()


def test_an_alias_does_not_take_the_variants_of_its_original():
    page = builders.product(variants=[builders.variant("POSTER")])
    before = variant_rows()

    alias = page.create_alias(update_slug="affiche-alias")
    page = ProductPage.objects.get(pk=page.pk)
    page.title = "Affiche (nieuw)"
    page.save_revision().publish()  # updates the alias from the original's content

    assert variant_rows() == before
    assert not ProductVariant.objects.filter(product_id=alias.pk).exists()
    assert ProductPage.objects.get(pk=alias.pk).title == "Affiche (nieuw)"


def test_copying_a_product_copies_no_variants():
    page = builders.product(variants=[builders.variant("POSTER")])
    copy = page.copy(update_attrs={"slug": "affiche-kopie", "title": "Kopie"})
    assert variant_rows() == [("POSTER", page.pk)]
    copy.save_revision().publish()
    assert variant_rows() == [("POSTER", page.pk)]


def test_a_sku_is_unique_across_the_shop():
    builders.product(variants=[builders.variant("POSTER")])
    with pytest.raises(IntegrityError), transaction.atomic():
        builders.product(variants=[builders.variant("POSTER")])


def test_a_physical_variant_cannot_carry_a_download():
    from wagtail.documents.models import Document

    document = Document.objects.create(title="PDF", file="catalogus.pdf")
    variant = builders.variant("CAT", digital_file=document)
    with translation.override("en"), pytest.raises(ValidationError, match="Only digital"):
        variant.clean()


def test_pickup_is_free_and_zoneless_by_database_rule():
    with pytest.raises(IntegrityError), transaction.atomic():
        ShippingMethod.objects.create(name_nl="Balie", kind="pickup", price=Decimal("1.00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        ShippingMethod.objects.create(name_nl="Post", kind="shipping", zone="")
