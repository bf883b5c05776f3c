"""The catalogue: products are Wagtail pages, so drafts, preview, translation, search,
scheduling and moderation come with them.

A product page describes the thing in each language (wagtail-localize translates it);
what is sold is the variant. Variants are child rows of the page they were created on
and of no other: a SKU is one row with one price and one stock, whatever language the
visitor reads. Translations of the page (same `translation_key`) show the variants of
the page that carries them, and copying, aliasing or translating a product never copies
its variants (a copy would clash on the unique SKU, or worse, move the rows).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from museum_site import content_limits
from museum_site.blocks import RICH_TEXT_FEATURES
from museum_site.models import MuseumPage, public_pages
from shop.product_forms import CountPanel, ProductPageForm, VariantInlinePanel

CURRENCY = "EUR"
MONEY_DIGITS = {"max_digits": 10, "decimal_places": 2}


class VatRate(models.IntegerChoices):
    """Belgian VAT rates the museum shop sells at, in percent."""

    STANDARD = 21, _("21% – standard rate (posters, jewellery, textiles, …)")
    REDUCED = 6, _("6% – books and printed publications")

    @classmethod
    def fraction(cls, percent: int) -> Decimal:
        return Decimal(percent) / 100


class ProductCategory(index.Indexed, models.Model):
    """A shelf of the museum shop: books, posters, jewellery, children.

    One row with a name per language (as Term does), not a translatable snippet with a
    row per language: the product's link to its category is then the same in every
    translation (wagtail-localize synchronises the foreign key), and filtering by
    `category: "boeken"` means the same products in nl, en and fr.
    """

    slug = models.SlugField(
        _("slug"), max_length=64, unique=True, help_text=_("Used in URLs and API filters.")
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the shop.")
    )

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("name_nl"), FieldPanel("name_en"), FieldPanel("name_fr")]),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name_nl"),
        index.SearchField("name_en"),
        index.SearchField("name_fr"),
        index.AutocompleteField("name_nl"),
    ]

    class Meta:
        ordering = ["sort_order", "name_nl"]
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")

    def __str__(self) -> str:
        return self.name()

    def name(self, language: str | None = None) -> str:
        """The name in `language`, falling back to Dutch."""
        language = (language or translation.get_language() or "nl")[:2]
        return getattr(self, f"name_{language}", "") or self.name_nl


class ProductIndexPage(MuseumPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*MuseumPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["museum_site.HomePage"]
    subpage_types = ["shop.ProductPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("shop")


class KeptOnSourcePage(BaseTranslatableField):
    """For wagtail-localize: neither translated nor synchronised to translations."""

    def __repr__(self) -> str:
        return f"<KeptOnSourcePage {self.field_name}>"


class ProductPage(MuseumPage):
    intro = models.TextField(
        _("short description"), help_text=_("One or two sentences for product cards.")
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    category = models.ForeignKey(
        ProductCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="products",
        verbose_name=_("category"),
    )
    reproduces = models.ForeignKey(
        "museum_site.CollectionObject",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reproductions",
        verbose_name=_("reproduces"),
        help_text=_("The object in the collection this product shows, if any."),
    )
    vat_rate = models.PositiveSmallIntegerField(
        _("VAT rate"), choices=VatRate.choices, default=VatRate.STANDARD
    )

    content_panels = [
        *MuseumPage.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("reproduces")]),
        FieldPanel("description"),
        InlinePanel(
            "images",
            label=_("Image"),
            heading=_("Images"),
            min_num=1,
            max_num=content_limits.PRODUCT_IMAGES,
        ),
    ]
    variant_panels = [
        HelpPanel(
            content=_(
                "Prices include VAT. Count each physical variant's stock beside it: the "
                "count takes effect when you save, so a sale never waits for a page to be "
                "published (Shop → Stock lists every count). A product is published with "
                "at least one variant and the stock of each. Variants are kept on the page "
                "in the language the product was created in; translations show the same "
                "variants."
            )
        ),
        FieldPanel("vat_rate"),
        VariantInlinePanel(
            "variants",
            label=_("Variant"),
            heading=_("Variants"),
            min_num=1,
            max_num=content_limits.PRODUCT_VARIANTS,
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Product")),
            ObjectList(variant_panels, heading=_("Variants and prices")),
            ObjectList(MuseumPage.promote_panels, heading=_("Promote")),
            ObjectList(MuseumPage.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *MuseumPage.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("description"),
        index.FilterField("category"),
        index.RelatedFields("variants", [index.SearchField("sku")]),
    ]
    parent_page_types = ["shop.ProductIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ProductPageForm

    # Variants stay on the page that carries them: see the module docstring.
    exclude_fields_in_copy = ["variants"]
    override_translatable_fields = [KeptOnSourcePage("variants")]

    class Meta:
        verbose_name = _("product")

    def copy_all_child_relations(self, target, exclude=None):
        """Aliases copy child relations without `exclude_fields_in_copy`; never variants."""
        return super().copy_all_child_relations(target, exclude=[*(exclude or []), "variants"])

    def with_content_json(self, content: dict) -> ProductPage:
        """Content of another page (an alias being updated from its original) must not
        bring that page's variants along: saving them would move the rows here."""
        page = super().with_content_json(content)
        if content.get("pk") != self.pk:
            page.variants = list(ProductVariant.objects.filter(product=self))
        return page

    def clean(self) -> None:
        super().clean()
        if not self.variants.all() or not self.translation_key:
            return
        elsewhere = (
            ProductVariant.objects.filter(product__translation_key=self.translation_key)
            .exclude(product_id=self.pk)
            .select_related("product__locale")
            .first()
        )
        if elsewhere is not None:
            raise ValidationError(
                _(
                    "Variants, prices and stock of this product are kept on its %(language)s page; edit them there."
                )
                % {"language": elsewhere.product.locale.get_display_name()}
            )


class ProductImage(TranslatableMixin, Orderable):
    product = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "museum_site.MuseumImage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("image"),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=400,
        blank=True,
        help_text=_("Leave empty to use the image's own alt text."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("product image")

    @property
    def alt(self) -> str:
        return self.alt_text or self.image.default_alt_text


SKU_FORMAT = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
    _("Use letters, digits, dots, dashes and underscores, e.g. CAT-2026-NL."),
)


class ProductVariantQuerySet(models.QuerySet):
    def for_products(self, pages: list[Page]) -> ProductVariantQuerySet:
        """Variants shown on these pages: those of every page in their translation groups."""
        return self.filter(product__translation_key__in={page.translation_key for page in pages})

    def with_sale_state(self) -> ProductVariantQuerySet:
        """Annotate `product_is_public` (published, not expired, not restricted) and
        `stock_available` (unallocated units; 0 without a stock row)."""
        public = public_pages(ProductPage.objects.filter(pk=models.OuterRef("product_id")))
        return self.annotate(
            product_is_public=models.Exists(public),
            stock_available=Coalesce(models.F("stock__quantity") - models.F("stock__allocated"), 0),
        )


class ProductVariant(Orderable):
    class Kind(models.TextChoices):
        PHYSICAL = "physical", _("Physical (shipped or picked up)")
        DIGITAL = "digital", _("Digital (downloaded)")

    product = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(
        _("SKU"),
        max_length=64,
        unique=True,
        validators=[SKU_FORMAT],
        help_text=_("Stock keeping unit: the shop's own code, unique across the shop."),
    )
    # What tells the variant from its siblings, per language like the product's own
    # text (variants live on the product's source page only, so its translations in
    # wagtail-localize cannot carry them): Dutch first, the others fall back to it.
    size_nl = models.CharField(
        _("size (Dutch)"), max_length=64, blank=True, help_text=_("E.g. M, 50 × 70 cm.")
    )
    size_en = models.CharField(_("size (English)"), max_length=64, blank=True)
    size_fr = models.CharField(_("size (French)"), max_length=64, blank=True)
    edition_nl = models.CharField(
        _("edition (Dutch)"),
        max_length=100,
        blank=True,
        help_text=_("E.g. Nederlandstalig, hardcover."),
    )
    edition_en = models.CharField(_("edition (English)"), max_length=100, blank=True)
    edition_fr = models.CharField(_("edition (French)"), max_length=100, blank=True)
    gross_price = models.DecimalField(
        _("price incl. VAT"), **MONEY_DIGITS, validators=[MinValueValidator(Decimal("0.00"))]
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=[(CURRENCY, "EUR")], default=CURRENCY
    )
    weight_grams = models.PositiveIntegerField(
        _("weight (g)"), default=0, help_text=_("Packed weight; decides which shipping fits.")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PHYSICAL)
    digital_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("file"),
        help_text=_(
            "For digital variants. Keep it in a private collection: buyers get a link after payment."
        ),
    )

    objects = ProductVariantQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("sku"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("size_nl"), FieldPanel("size_en"), FieldPanel("size_fr")]),
        FieldRowPanel(
            [FieldPanel("edition_nl"), FieldPanel("edition_en"), FieldPanel("edition_fr")]
        ),
        FieldRowPanel([FieldPanel("gross_price"), FieldPanel("weight_grams")]),
        FieldRowPanel([CountPanel("stock_quantity"), CountPanel("stock_alert")]),
        MultiFieldPanel([FieldPanel("digital_file")], _("Digital")),
    ]

    # The stock a new variant's row starts from (shop.product_forms): not a column,
    # but carried in the page's revisions until the variant is saved for good.
    opening_stock: int | None = None
    opening_stock_alert: int | None = None

    class Meta(Orderable.Meta):
        verbose_name = _("variant")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(gross_price__gte=0), name="variant_price_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(currency=CURRENCY), name="variant_price_in_euro"
            ),
        ]

    def serializable_data(self) -> dict:
        from modelcluster.models import get_serializable_data_for_fields

        data = get_serializable_data_for_fields(self)
        if self.opening_stock is not None:
            data["opening_stock"] = self.opening_stock
            data["opening_stock_alert"] = self.opening_stock_alert
        return data

    @classmethod
    def from_serializable_data(cls, data: dict, check_fks=True, strict_fks=False):
        from modelcluster.models import model_from_serializable_data

        for legacy in ("size", "edition"):  # revisions saved before labels had languages
            if legacy in data and f"{legacy}_nl" not in data:
                data = {**data, f"{legacy}_nl": data[legacy]}
        variant = model_from_serializable_data(
            cls, data, check_fks=check_fks, strict_fks=strict_fks
        )
        if variant is not None and data.get("opening_stock") is not None:
            variant.opening_stock = data["opening_stock"]
            variant.opening_stock_alert = data.get("opening_stock_alert")
        return variant

    def __str__(self) -> str:
        return f"{self.sku} · {self.product.title}" + (f" ({self.label})" if self.label else "")

    LABEL_LANGUAGES = ("nl", "en", "fr")

    def _in(self, field: str, language: str | None) -> str:
        """The field in `language` (nl, en, fr; a regional code such as en-gb counts as
        its language), else in Dutch, else in whichever language has it."""
        language = (language or "nl").split("-")[0].lower()
        order = [language] if language in self.LABEL_LANGUAGES else []
        order += [code for code in self.LABEL_LANGUAGES if code not in order]
        return next((value for code in order if (value := getattr(self, f"{field}_{code}"))), "")

    def size_in(self, language: str | None) -> str:
        return self._in("size", language)

    def edition_in(self, language: str | None) -> str:
        return self._in("edition", language)

    def label_in(self, language: str | None) -> str:
        """What tells this variant from its siblings in `language`, e.g. "M" or
        "50 × 70 cm / hardcover"; an order line keeps it in the order's language."""
        return " / ".join(
            value for value in (self.size_in(language), self.edition_in(language)) if value
        )

    @property
    def label(self) -> str:
        """The label in the active language (the admin's, or the one a GraphQL query
        asked for: shop.graphql activates it)."""
        return self.label_in(translation.get_language())

    @property
    def is_digital(self) -> bool:
        return self.kind == self.Kind.DIGITAL

    def clean(self) -> None:
        super().clean()
        if self.digital_file_id and not self.is_digital:
            raise ValidationError({"digital_file": _("Only digital variants have a file.")})
