"""A museum: one Wagtail `Site` (hostname, page tree) plus who the museum is.

Wagtail already separates sites by hostname, each with its own root page. What a site
lacks is the museum's identity as a seller and sender: legal name, VAT number, address,
e-mail sender, currency. Those are facts about the museum, not about a language or a page,
so they live here, one row per site, and everything that belongs to a museum (checkouts,
orders, offers) points at this row rather than at the `Site`, which may change hostname.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Site

HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour as #rrggbb."))


class Typeface(models.TextChoices):
    """The font stacks the reference frontend ships (system fonts: nothing to download)."""

    OLD_STYLE = "old-style", _("Old-style serif (Palatino, Georgia)")
    TRANSITIONAL = "transitional", _("Transitional serif (Charter, Cambria)")
    GROTESQUE = "grotesque", _("Grotesque sans (Helvetica, Arial)")
    HUMANIST = "humanist", _("Humanist sans (Seravek, Gill Sans)")


class MuseumQuerySet(models.QuerySet["Museum"]):
    def public(self) -> MuseumQuerySet:
        return self.filter(is_public=True)

    def default(self) -> Museum:
        """The museum of Wagtail's default site: the one `localhost` serves, and the one
        rows created before there were several museums belong to."""
        museum = self.filter(site__is_default_site=True).first() or self.order_by("pk").first()
        if museum is not None:
            return museum
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site is None:
            raise Museum.DoesNotExist("No Wagtail site, so no museum: run the migrations.")
        return Museum.for_site(site)


class Museum(models.Model):
    site = models.OneToOneField(
        Site, on_delete=models.CASCADE, related_name="museum", verbose_name=_("site")
    )
    slug = models.SlugField(
        _("short name"),
        max_length=60,
        unique=True,
        help_text=_("Used in URLs and in the API's `museum` argument, e.g. fine-arts."),
    )
    name = models.CharField(_("name"), max_length=200)
    legal_name = models.CharField(
        _("legal name"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that sells, as on invoices; the name when empty."),
    )
    vat_number = models.CharField(_("VAT number"), max_length=32, blank=True)
    invoice_prefix = models.CharField(
        _("invoice prefix"),
        max_length=12,
        blank=True,
        help_text=_(
            "Put before this museum's invoice and credit-note numbers, e.g. MAS; each "
            "museum numbers its own series."
        ),
    )
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, default="BE")
    email = models.EmailField(
        _("sender e-mail"),
        blank=True,
        help_text=_("E-mails to visitors come from this address, under the museum's name."),
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    is_public = models.BooleanField(
        _("listed"), default=True, help_text=_("Listed in the group's list of museums.")
    )
    opening_hours = models.TextField(_("opening hours"), blank=True)
    staff_groups = models.ManyToManyField(
        "auth.Group",
        blank=True,
        related_name="museums",
        verbose_name=_("staff groups"),
        help_text=_("Members of these groups work for this museum and see only its data."),
    )

    # Branding: what the frontend shows as this museum (header, footer, colours, type).
    logo = models.ForeignKey(
        "museum_site.MuseumImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#1d3b36",
        validators=[HEX_COLOUR],
        help_text=_("Header, buttons and links; white text must be readable on it."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#9c4a1a",
        validators=[HEX_COLOUR],
        help_text=_("Small highlights and the focus ring."),
    )
    typeface = models.CharField(
        _("typeface"), max_length=20, choices=Typeface.choices, default=Typeface.OLD_STYLE
    )
    languages = models.CharField(
        _("languages"),
        max_length=60,
        blank=True,
        help_text=_("Language codes the museum publishes in, e.g. nl,en,fr; all when empty."),
    )

    # The museum's own Stripe account: its shop's money goes there. Empty on the default
    # museum means the STRIPE_* settings (one museum, configured by environment).
    stripe_secret_key = models.CharField(_("Stripe secret key"), max_length=255, blank=True)
    stripe_publishable_key = models.CharField(
        _("Stripe publishable key"), max_length=255, blank=True
    )
    stripe_webhook_secret = models.CharField(
        _("Stripe webhook signing secret"),
        max_length=255,
        blank=True,
        help_text=_("Of the webhook endpoint /shop/stripe/webhook/<short name>/ at Stripe."),
    )

    objects = MuseumQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("site"),
        FieldPanel("is_public"),
        FieldPanel("staff_groups"),
        MultiFieldPanel(
            [FieldPanel("legal_name"), FieldPanel("vat_number"), FieldPanel("invoice_prefix")],
            _("Legal identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
                FieldPanel("country"),
            ],
            _("Address"),
        ),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("opening_hours")], _("Contact")
        ),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("primary_colour"),
                FieldPanel("accent_colour"),
                FieldPanel("typeface"),
                FieldPanel("languages"),
            ],
            _("Branding"),
        ),
        FieldPanel("currency"),
        MultiFieldPanel(
            [
                FieldPanel("stripe_publishable_key"),
                FieldPanel("stripe_secret_key"),
                FieldPanel("stripe_webhook_secret"),
            ],
            _("Stripe account"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        permissions = [
            ("see_all_museums", _("Can see and change the data of every museum (group role)"))
        ]
        verbose_name = _("museum")
        verbose_name_plural = _("museums")

    def __str__(self) -> str:
        return self.name

    @property
    def seller_name(self) -> str:
        return self.legal_name or self.name

    @property
    def language_codes(self) -> list[str]:
        configured = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        chosen = [code.strip() for code in self.languages.split(",") if code.strip()]
        return [code for code in chosen if code in configured] or configured

    @property
    def is_default(self) -> bool:
        return bool(self.site.is_default_site)

    @property
    def public_origin(self) -> str:
        """Where visitors reach this museum's site, for canonical URLs and sitemaps: the
        deployment's `FRONTEND_URL` for the default museum, its own Wagtail site's root
        URL (hostname and port) for the others."""
        if self.is_default:
            return settings.FRONTEND_URL.rstrip("/")
        return self.site.root_url.rstrip("/")

    @classmethod
    def for_site(cls, site: Site) -> Museum:
        """The site's museum, made on first use for a site created without one."""
        try:
            return site.museum
        except cls.DoesNotExist:
            name = site.site_name or site.hostname
            museum, _created = cls.objects.get_or_create(
                site=site, defaults={"name": name, "slug": _free_slug(name)}
            )
            return museum


def _free_slug(name: str) -> str:
    base = slugify(name)[:50] or "museum"
    slug, n = base, 1
    while Museum.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def default_museum_query() -> models.QuerySet:
    """The default museum's primary key as a one-row queryset, for filters that must not
    spend a query finding it (`Subquery(default_museum_query())`)."""
    return Museum.objects.order_by("-site__is_default_site", "pk").values("pk")[:1]


def default_museum_id() -> int:
    """Default for the `museum` of rows made outside a request (tests, the shell, old
    callers): the default site's museum.

    Reads primary keys only, so migrations that add a `museum` column with this default
    work whichever columns the museums table has at that point of the migration graph."""
    ids = Museum.objects.values_list("pk", flat=True)
    found = ids.filter(site__is_default_site=True).first() or ids.order_by("pk").first()
    return found if found is not None else Museum.objects.default().pk


def museum_foreign_key(related_name: str) -> models.ForeignKey:
    """The `museum` of a row that belongs to one museum: protected, defaulting to the
    default site's museum for rows made outside a request."""
    return models.ForeignKey(
        "museums.Museum",
        on_delete=models.PROTECT,
        default=default_museum_id,
        related_name=related_name,
        verbose_name=_("museum"),
    )
