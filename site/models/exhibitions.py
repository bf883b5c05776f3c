"""Online exhibitions built from collection objects.

Chapters and their objects are child rows (not StreamField blocks) so that "which
exhibitions show this object" is a database query, for search and for the object page.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from museum_site import content_limits
from museum_site.blocks import RICH_TEXT_FEATURES

from .base import MuseumPage


class ExhibitionIndexPage(MuseumPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*MuseumPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["museum_site.HomePage"]
    subpage_types = ["museum_site.ExhibitionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("exhibition index")


class ExhibitionPage(MuseumPage):
    class Format(models.TextChoices):
        ONLINE = "online", _("Online only")
        PHYSICAL = "physical", _("In the museum (with an online version)")

    intro = models.TextField(_("introduction"))
    hero_image = models.ForeignKey(
        "museum_site.MuseumImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=400,
        blank=True,
        help_text=_(
            "Leave empty to use the image's own alt text; fill in to translate or fit this page."
        ),
    )
    format = models.CharField(
        _("format"), max_length=16, choices=Format.choices, default=Format.ONLINE
    )
    start_date = models.DateField(_("opens"), null=True, blank=True)
    end_date = models.DateField(_("closes"), null=True, blank=True)
    venue = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("Room or building.")
    )

    content_panels = [
        *MuseumPage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], _("Hero image")),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("venue"),
            ],
            _("When and where"),
        ),
        InlinePanel(
            "chapters",
            label=_("Chapter"),
            heading=_("Chapters"),
            min_num=1,
            max_num=content_limits.EXHIBITION_CHAPTERS,
        ),
        InlinePanel(
            "related_stories",
            label=_("Related story"),
            heading=_("Related stories"),
            max_num=content_limits.EXHIBITION_RELATED_STORIES,
        ),
    ]
    search_fields = [*MuseumPage.search_fields, index.SearchField("intro", boost=2)]
    parent_page_types = ["museum_site.ExhibitionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("exhibition")

    def clean(self) -> None:
        super().clean()
        if self.format == self.Format.PHYSICAL and not self.start_date:
            raise ValidationError(
                {"start_date": _("An exhibition in the museum needs an opening date.")}
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The closing date cannot come before the opening date.")}
            )


class ExhibitionChapter(TranslatableMixin, Orderable, ClusterableModel):
    page = ParentalKey(ExhibitionPage, on_delete=models.CASCADE, related_name="chapters")
    heading = models.CharField(_("heading"), max_length=255)
    text = RichTextField(_("text"), blank=True, features=RICH_TEXT_FEATURES)

    panels = [
        FieldPanel("heading"),
        FieldPanel("text"),
        InlinePanel(
            "exhibited_objects",
            label=_("Object"),
            heading=_("Objects in this chapter"),
            max_num=content_limits.CHAPTER_OBJECTS,
        ),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]  # stable when rows share a sort order
        verbose_name = _("chapter")


class ChapterObject(TranslatableMixin, Orderable):
    chapter = ParentalKey(
        ExhibitionChapter, on_delete=models.CASCADE, related_name="exhibited_objects"
    )
    collection_object = models.ForeignKey(
        "museum_site.CollectionObject",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("collection object"),
    )
    caption = models.TextField(
        _("caption"), blank=True, help_text=_("What this object tells in this exhibition.")
    )

    panels = [FieldPanel("collection_object"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]  # stable when rows share a sort order
        verbose_name = _("object in chapter")

    def save(self, *args, **kwargs) -> None:
        # Wagtail's copy_for_translation gives the new locale to a page's direct child rows
        # only (wagtail#14425); a row nested in a chapter follows its chapter's locale.
        if self.chapter is not None and self.chapter.locale_id:
            self.locale_id = self.chapter.locale_id
        super().save(*args, **kwargs)


class ExhibitionRelatedStory(TranslatableMixin, Orderable):
    page = ParentalKey(ExhibitionPage, on_delete=models.CASCADE, related_name="related_stories")
    story = models.ForeignKey(
        "museum_site.StoryPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("story"),
    )

    panels = [PageChooserPanel("story")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]  # stable when rows share a sort order
        verbose_name = _("related story")
