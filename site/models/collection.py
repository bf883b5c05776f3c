"""Collection objects: the museum's things, described once and used everywhere.

An object is a translatable snippet: each language has its own copy (title, description,
alt texts), linked by `translation_key`; the inventory number is shared by the copies and
unique within a language. Makers, materials and periods (styles and eras: Baroque, the
Golden Age) are authority Terms, shared by all copies.

An object belongs to one museum (its collection); another museum of the group shows it in
its exhibitions only when the owner marks it `shareable`. Terms are the group's, shared.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index

from museum_site import content_limits
from museum_site.museums.models import default_museum_id

from .base import seo_panels
from .terms import Term


class RightsStatement(models.TextChoices):
    PUBLIC_DOMAIN = "public-domain", _("Public domain")
    CC0 = "cc0", _("CC0 1.0")
    CC_BY = "cc-by", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa", _("CC BY-SA 4.0")
    IN_COPYRIGHT = "in-copyright", _("In copyright")
    UNKNOWN = "unknown", _("Copyright not evaluated")


class CollectionObject(
    DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, ClusterableModel
):
    museum = models.ForeignKey(
        "museums.Museum",
        on_delete=models.PROTECT,
        default=default_museum_id,
        related_name="collection_objects",
        verbose_name=_("museum"),
    )
    shareable = models.BooleanField(
        _("shareable"),
        default=False,
        help_text=_("Other museums of the group may show this object in their exhibitions."),
    )
    title = models.CharField(_("title"), max_length=255)
    inventory_number = models.CharField(
        _("inventory number"),
        max_length=64,
        help_text=_("The museum's own number, e.g. 2019.12.3. Unique within a language."),
    )
    makers = ParentalManyToManyField(
        Term,
        blank=True,
        related_name="made_objects",
        limit_choices_to={"kind": Term.Kind.PERSON},
        verbose_name=_("makers"),
    )
    object_type = models.ForeignKey(
        Term,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="objects_of_type",
        limit_choices_to={"kind": Term.Kind.OBJECT_TYPE},
        verbose_name=_("object type"),
        help_text=_("What the object is, e.g. a tapestry, a chasuble, a painting."),
    )
    date_text = models.CharField(
        _("date"), max_length=100, blank=True, help_text=_("As shown, e.g. 'c. 1650–1660'.")
    )
    earliest_year = models.IntegerField(_("earliest year"), null=True, blank=True)
    latest_year = models.IntegerField(_("latest year"), null=True, blank=True)
    materials = ParentalManyToManyField(
        Term,
        blank=True,
        related_name="objects_of_material",
        limit_choices_to={"kind": Term.Kind.MATERIAL},
        verbose_name=_("materials"),
    )
    periods = ParentalManyToManyField(
        Term,
        blank=True,
        related_name="objects_of_period",
        limit_choices_to={"kind": Term.Kind.PERIOD},
        verbose_name=_("periods"),
        help_text=_("Styles and eras the object belongs to, e.g. Baroque, Golden Age."),
    )
    dimensions = models.CharField(_("dimensions"), max_length=255, blank=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    credit_line = models.CharField(_("credit line"), max_length=255, blank=True)
    rights = models.CharField(
        _("rights statement"),
        max_length=32,
        choices=RightsStatement.choices,
        default=RightsStatement.UNKNOWN,
    )
    # For search engines and sharing, as pages have them (museum_site.page_meta).
    seo_title = models.CharField(
        _("title tag"),
        max_length=255,
        blank=True,
        help_text=_("The name of the object in search results; empty: its title."),
    )
    search_description = models.TextField(
        _("meta description"),
        blank=True,
        help_text=_("The text under the title in search results; empty: its description."),
    )
    share_image = models.ForeignKey(
        "museum_site.MuseumImage",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The picture of this object on social networks (cropped to 1200 × 630); "
            "empty: its first image."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("inventory_number"), FieldPanel("rights")]),
        FieldRowPanel([FieldPanel("museum"), FieldPanel("shareable")]),
        MultiFieldPanel(
            [
                FieldPanel("object_type"),
                FieldPanel("makers"),
                FieldPanel("date_text"),
                FieldRowPanel([FieldPanel("earliest_year"), FieldPanel("latest_year")]),
                FieldPanel("materials"),
                FieldPanel("periods"),
                FieldPanel("dimensions"),
            ],
            _("Object data"),
        ),
        FieldPanel("description"),
        FieldPanel("credit_line"),
        InlinePanel(
            "images",
            label=_("Images"),
            heading=_("Images"),
            max_num=content_limits.OBJECT_IMAGES,
        ),
        *seo_panels(),
    ]

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("inventory_number", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.RelatedFields(
            "makers", [index.SearchField("label_nl"), index.SearchField("alt_labels")]
        ),
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("museum_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("collection object")
        ordering = ["inventory_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["inventory_number", "locale"], name="object_unique_inventory_per_locale"
            ),
            models.CheckConstraint(
                condition=models.Q(earliest_year__isnull=True)
                | models.Q(latest_year__isnull=True)
                | models.Q(earliest_year__lte=models.F("latest_year")),
                name="object_year_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.inventory_number} {self.title}"

    def clean(self) -> None:
        super().clean()
        if (
            self.earliest_year is not None
            and self.latest_year is not None
            and self.earliest_year > self.latest_year
        ):
            raise ValidationError(
                {"latest_year": _("The latest year cannot come before the earliest year.")}
            )


class CollectionObjectImage(TranslatableMixin, Orderable):
    collection_object = ParentalKey(
        CollectionObject, on_delete=models.CASCADE, related_name="images"
    )
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
        ordering = ["sort_order", "pk"]  # stable when rows share a sort order
        verbose_name = _("object image")

    @property
    def alt(self) -> str:
        return self.alt_text or self.image.default_alt_text
