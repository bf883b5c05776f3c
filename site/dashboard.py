"""The museum's dashboard: Wagtail home panels, each a summary of one list that links to it.

Each panel asks one query function for its rows (``scheduled_pages``,
``translations_by_language``, and in the other apps ``orders_to_fulfil``,
``low_stock``…), so scoping a panel to the editor's museum is a change in one function.
A panel shows at most ``limit`` rows and their total, and only to editors allowed to
open its list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

EXPIRING_WITHIN = timedelta(days=14)


@dataclass(frozen=True)
class DashboardEntry:
    label: str
    url: str
    detail: str = ""


class DashboardPanel(Component):
    """A summary of one list: its total, its first rows, a link to the whole list."""

    template_name = "museum_site/admin/dashboard_panel.html"
    name = ""
    order = 50
    title = ""
    empty_text = ""
    limit = 5

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def is_shown(self) -> bool:
        return True

    def list_url(self) -> str | None:
        return None

    def entries(self) -> tuple[int, list[DashboardEntry]]:
        raise NotImplementedError

    def get_context_data(self, parent_context=None) -> dict:
        count, entries = self.entries()
        return {"panel": self, "count": count, "entries": entries, "list_url": self.list_url()}


def add_panels(
    request: HttpRequest, panels: list, panel_classes: Iterable[type[DashboardPanel]]
) -> None:
    for panel_class in panel_classes:
        panel = panel_class(request)
        if panel.is_shown():
            panels.append(panel)


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


# Pages: scheduled and expiring


def scheduled_pages() -> QuerySet[Page]:
    """Pages with a publication waiting for its time (Wagtail keeps it on the page)."""
    return Page.objects.filter(go_live_at__gt=timezone.now()).order_by("go_live_at")


def expiring_pages() -> QuerySet[Page]:
    now = timezone.now()
    return (
        Page.objects.live()
        .filter(expire_at__gt=now, expire_at__lte=now + EXPIRING_WITHIN)
        .order_by("expire_at")
    )


class ScheduledPagesPanel(DashboardPanel):
    name = "scheduled_pages"
    order = 60
    title = gettext_lazy("Scheduled and expiring pages")
    empty_text = gettext_lazy("Nothing is scheduled.")

    def entries(self) -> tuple[int, list[DashboardEntry]]:
        scheduled = scheduled_pages()
        expiring = expiring_pages()
        rows = [
            DashboardEntry(
                page.title,
                edit_url(page),
                _("goes live %(when)s") % {"when": date_format(page.go_live_at, "DATETIME_FORMAT")},
            )
            for page in scheduled[: self.limit]
        ] + [
            DashboardEntry(
                page.title,
                edit_url(page),
                _("expires %(when)s") % {"when": date_format(page.expire_at, "DATETIME_FORMAT")},
            )
            for page in expiring[: self.limit]
        ]
        return scheduled.count() + expiring.count(), rows[: self.limit]


# Translations: missing or out of date, per language


@dataclass(frozen=True)
class LanguageTranslations:
    locale: Locale
    missing: int
    out_of_date: int


def translations_by_language() -> list[LanguageTranslations]:
    """Per target language: published pages of the default language with no page in it,
    and translations waiting for passages (new or changed) to be translated."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation

    default = Locale.get_default()
    originals = Page.objects.live().filter(locale=default, depth__gt=1)
    waiting = Translation.objects.filter(enabled=True).filter(
        Exists(
            StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(
                Exists(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"),
                        context_id=OuterRef("context_id"),
                        locale_id=OuterRef(OuterRef("target_locale_id")),
                        has_error=False,
                    )
                )
            )
        )
    )
    result = []
    for locale in Locale.objects.exclude(pk=default.pk).order_by("language_code"):
        missing = originals.exclude(
            translation_key__in=Page.objects.filter(locale=locale).values("translation_key")
        ).count()
        out_of_date = waiting.filter(target_locale=locale).count()
        result.append(LanguageTranslations(locale, missing, out_of_date))
    return result


class TranslationsPanel(DashboardPanel):
    name = "translations"
    order = 70
    title = gettext_lazy("Translations missing or out of date")
    empty_text = gettext_lazy("Every page is translated.")

    def list_url(self) -> str:
        return reverse("wagtail_localize:translations_report")

    def entries(self) -> tuple[int, list[DashboardEntry]]:
        rows, total = [], 0
        report = reverse("wagtail_localize:translations_report")
        for language in translations_by_language():
            if not (language.missing or language.out_of_date):
                continue
            total += language.missing + language.out_of_date
            query = urlencode(
                {"target_locale": language.locale.language_code, "waiting_for_translation": "true"}
            )
            rows.append(
                DashboardEntry(
                    language.locale.get_display_name(),
                    f"{report}?{query}",
                    _("%(missing)s not translated, %(out_of_date)s out of date")
                    % {"missing": language.missing, "out_of_date": language.out_of_date},
                )
            )
        return total, rows


SITE_PANELS = (ScheduledPagesPanel, TranslationsPanel)
