"""A museum: one Wagtail `Site` (hostname, page tree) plus who the museum is.

Wagtail already separates sites by hostname, each with its own root page. What a site
lacks is the museum's identity as a seller and sender: legal name, VAT number, address,
e-mail sender, currency. Those are facts about the museum, not about a language or a page,
so they live here, one row per site, and everything that belongs to a museum (checkouts,
orders, offers) points at this row rather than at the `Site`, which may change hostname.
"""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Site


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

    objects = MuseumQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("site"),
        FieldPanel("is_public"),
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
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], _("Contact")),
        FieldPanel("currency"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("museum")
        verbose_name_plural = _("museums")

    def __str__(self) -> str:
        return self.name

    @property
    def seller_name(self) -> str:
        return self.legal_name or self.name

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


def default_museum_id() -> int:
    """Default for the `museum` of rows made outside a request (tests, the shell, old
    callers): the default site's museum."""
    return Museum.objects.default().pk
