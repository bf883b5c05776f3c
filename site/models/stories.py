from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from museum_site import content_limits
from museum_site.blocks import StoryBodyBlock

from .base import MuseumPage


class StoryIndexPage(MuseumPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*MuseumPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["museum_site.HomePage"]
    subpage_types = ["museum_site.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")


class StoryTag(TaggedItemBase):
    content_object = ParentalKey(
        "museum_site.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryPage(MuseumPage):
    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences for lists and search.")
    )
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
    author = models.CharField(_("author"), max_length=255, blank=True)
    date = models.DateField(_("date"), help_text=_("The date shown with the story."))
    tags = ClusterTaggableManager(through=StoryTag, blank=True)
    body = StreamField(
        StoryBodyBlock(), max_num=content_limits.STORY_BODY_BLOCKS, verbose_name=_("body")
    )

    content_panels = [
        *MuseumPage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], _("Hero image")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("author"), FieldPanel("date")]), FieldPanel("tags")],
            _("About"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *MuseumPage.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("author"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["museum_site.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
