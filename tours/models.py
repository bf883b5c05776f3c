"""A virtual tour is data: scenes with panoramas, hotspots with typed targets, floor plans
and a guided sequence, all viewer-neutral (degrees; adapters in tours/viewers.py emit each
viewer's configuration).

Scenes, floor plans and hotspot targets refer to each other by stable keys rather than
foreign keys: the rows live in one page's cluster (saved together, unsaved while the
editor works) and are copied per language by translation, where keys survive and row
ids do not. TourPage.clean() checks every key.
"""

from __future__ import annotations

from collections import deque
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from museum_site import content_limits
from museum_site.models import MuseumPage
from tours.angles import clamp_pitch, normalise_yaw
from tours.panels import PanoramaEditorPanel
from tours.scene_choices import SceneChoiceSelect, SceneKeyInput, TourPageForm, key_from_title

YAW_CONSTRAINT = models.Q(yaw__gt=-180) & models.Q(yaw__lte=180)
PITCH_CONSTRAINT = models.Q(pitch__gte=-90) & models.Q(pitch__lte=90)
FULL_SPHERE_RATIO_TOLERANCE = 0.02

# Hotspot target kind -> the one field that holds its target.
HOTSPOT_TARGET_FIELDS = {
    "scene": "target_scene_key",
    "object": "target_object",
    "story": "target_story",
    "exhibition": "target_exhibition",
    "image": "target_image",
    "media": "target_media",
    "url": "target_url",
}
HOTSPOT_TEXT_TARGETS = {"target_scene_key", "target_url"}


def _one_target_condition() -> models.Q:
    """Exactly the target field of `target_kind` is set, and no other."""

    def only(kind: str) -> models.Q:
        condition = models.Q(target_kind=kind)
        for other_kind, field in HOTSPOT_TARGET_FIELDS.items():
            if field in HOTSPOT_TEXT_TARGETS:
                empty = models.Q(**{field: ""})
            else:
                empty = models.Q(**{f"{field}__isnull": True})
            condition &= ~empty if other_kind == kind else empty
        return condition

    return reduce(or_, (only(kind) for kind in HOTSPOT_TARGET_FIELDS))


class TourIndexPage(MuseumPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*MuseumPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["museum_site.HomePage"]
    subpage_types = ["tours.TourPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("tour index")


class TourPage(MuseumPage):
    intro = models.TextField(_("introduction"), help_text=_("What visitors will see on this tour."))

    content_panels = [
        *MuseumPage.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "scenes",
            label=_("Scene"),
            heading=_("Scenes"),
            min_num=1,
            max_num=content_limits.TOUR_SCENES,
        ),
        InlinePanel(
            "floor_plans",
            label=_("Floor plan"),
            heading=_("Floor plans"),
            max_num=content_limits.TOUR_FLOOR_PLANS,
        ),
        InlinePanel(
            "stops",
            label=_("Stop"),
            heading=_("Guided tour"),
            max_num=content_limits.TOUR_STOPS,
        ),
    ]
    search_fields = [*MuseumPage.search_fields, index.SearchField("intro", boost=2)]
    base_form_class = TourPageForm
    parent_page_types = ["tours.TourIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("virtual tour")

    def clean(self) -> None:
        super().clean()
        self._make_missing_scene_keys()
        errors = [*self._key_errors(), *self._reference_errors()]
        if errors:
            raise ValidationError(errors)

    def _make_missing_scene_keys(self) -> None:
        """Scenes whose key the browser did not fill get one from their title."""
        scenes = list(self.scenes.all())
        taken = {scene.key for scene in scenes if scene.key}
        for scene in scenes:
            if not scene.key:
                scene.key = key_from_title(scene.title, taken)
                taken.add(scene.key)

    def _key_errors(self) -> list[str]:
        errors = []
        # One whole sentence per relation: a translator cannot pluralise "%(what)ss".
        for relation, message in (
            ("scenes", _("Two scenes share the key %(keys)s.")),
            ("floor_plans", _("Two floor plans share the key %(keys)s.")),
        ):
            keys = [item.key for item in getattr(self, relation).all()]
            duplicates = sorted({key for key in keys if keys.count(key) > 1})
            if duplicates:
                errors.append(message % {"keys": ", ".join(duplicates)})
        return errors

    def _reference_errors(self) -> list[str]:
        scene_keys = {scene.key for scene in self.scenes.all()}
        plan_keys = {plan.key for plan in self.floor_plans.all()}
        errors = []
        for scene in self.scenes.all():
            if scene.floor_plan_key and scene.floor_plan_key not in plan_keys:
                errors.append(
                    _(
                        "Scene '%(scene)s' is placed on floor plan '%(plan)s', which this tour does not have."
                    )
                    % {"scene": scene.title, "plan": scene.floor_plan_key}
                )
            for hotspot in scene.hotspots.all():
                if (
                    hotspot.target_kind == Hotspot.Target.SCENE
                    and hotspot.target_scene_key not in scene_keys
                ):
                    errors.append(
                        _(
                            "Hotspot '%(label)s' in scene '%(scene)s' leads to scene '%(target)s', which is not in this tour."
                        )
                        % {
                            "label": hotspot.label,
                            "scene": scene.title,
                            "target": hotspot.target_scene_key,
                        }
                    )
        for stop in self.stops.all():
            if stop.scene_key not in scene_keys:
                errors.append(
                    _("A guided stop shows scene '%(key)s', which is not in this tour.")
                    % {"key": stop.scene_key}
                )
        return errors

    @property
    def start_scene(self) -> Scene | None:
        scenes = list(self.scenes.all())
        return scenes[0] if scenes else None

    def unreachable_scenes(self) -> list[Scene]:
        """Scenes a visitor cannot walk to from the first scene by navigation hotspots."""
        scenes = {scene.key: scene for scene in self.scenes.all()}
        if not scenes:
            return []
        start = next(iter(scenes))
        seen, queue = {start}, deque([start])
        while queue:
            for hotspot in scenes[queue.popleft()].hotspots.all():
                target = hotspot.target_scene_key
                if (
                    hotspot.target_kind == Hotspot.Target.SCENE
                    and target in scenes
                    and target not in seen
                ):
                    seen.add(target)
                    queue.append(target)
        return [scene for key, scene in scenes.items() if key not in seen]


class FloorPlan(TranslatableMixin, Orderable):
    tour = ParentalKey(TourPage, on_delete=models.CASCADE, related_name="floor_plans")
    key = models.SlugField(
        _("key"), max_length=64, help_text=_("Stable name scenes refer to, e.g. 'ground-floor'.")
    )
    title = models.CharField(_("title"), max_length=255)
    image = models.ForeignKey(
        "museum_site.MuseumImage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("image"),
    )

    panels = [FieldRowPanel([FieldPanel("key"), FieldPanel("title")]), FieldPanel("image")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]  # stable when rows share a sort order
        verbose_name = _("floor plan")


class Scene(TranslatableMixin, Orderable, ClusterableModel):
    tour = ParentalKey(TourPage, on_delete=models.CASCADE, related_name="scenes")
    key = models.SlugField(
        _("key"),
        max_length=64,
        help_text=_("Stable name hotspots refer to, e.g. 'great-hall'. Do not change it later."),
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(
        _("description"),
        help_text=_("What the room looks like, for visitors using a screen reader."),
    )
    panorama = models.ForeignKey(
        "museum_site.MuseumImage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("panorama"),
        help_text=_("An equirectangular 360° photo, twice as wide as high."),
    )
    full_sphere = models.BooleanField(
        _("full sphere"),
        default=True,
        help_text=_("Untick for a partial panorama (less than 360° x 180°)."),
    )
    horizontal_angle = models.FloatField(
        _("horizontal angle of view"),
        default=360,
        validators=[MinValueValidator(10), MaxValueValidator(360)],
        help_text=_(
            "Partial panoramas only: how many degrees the photo's width spans (360 for a "
            "whole turn). Its height spans the same degrees per pixel."
        ),
    )
    vertical_offset = models.FloatField(
        _("vertical offset"),
        default=0,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Partial panoramas only: degrees the photo's middle lies above (+) or below (-) "
            "the horizon."
        ),
    )
    initial_yaw = models.FloatField(_("initial yaw"), default=0)
    initial_pitch = models.FloatField(
        _("initial pitch"), default=0, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    initial_fov = models.FloatField(
        _("initial field of view"),
        default=100,
        validators=[MinValueValidator(30), MaxValueValidator(120)],
    )
    north_offset = models.FloatField(
        _("north offset"),
        default=0,
        help_text=_("Yaw of geographic north in the panorama, in degrees."),
    )
    audio = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("audio"),
    )
    audio_transcript = models.TextField(_("audio transcript"), blank=True)
    floor_plan_key = models.SlugField(_("floor plan"), max_length=64, blank=True)
    plan_x = models.FloatField(
        _("position on plan (x)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    plan_y = models.FloatField(
        _("position on plan (y)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("key", widget=SceneKeyInput()),
        FieldPanel("description"),
        FieldPanel("panorama"),
        PanoramaEditorPanel(heading=_("Panorama editor")),
        MultiFieldPanel(
            [
                FieldPanel("full_sphere"),
                FieldRowPanel([FieldPanel("horizontal_angle"), FieldPanel("vertical_offset")]),
                FieldRowPanel(
                    [
                        FieldPanel("initial_yaw"),
                        FieldPanel("initial_pitch"),
                        FieldPanel("initial_fov"),
                    ]
                ),
                FieldPanel("north_offset"),
            ],
            _("Opening view"),
        ),
        MultiFieldPanel([FieldPanel("audio"), FieldPanel("audio_transcript")], _("Audio")),
        MultiFieldPanel(
            [
                FieldPanel("floor_plan_key"),
                FieldRowPanel([FieldPanel("plan_x"), FieldPanel("plan_y")]),
            ],
            _("On the floor plan"),
        ),
        InlinePanel(
            "hotspots",
            label=_("Hotspot"),
            heading=_("Hotspots"),
            max_num=content_limits.SCENE_HOTSPOTS,
        ),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]  # stable when rows share a sort order
        verbose_name = _("scene")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(initial_yaw__gt=-180) & models.Q(initial_yaw__lte=180),
                name="scene_yaw_range",
            ),
            models.CheckConstraint(
                condition=models.Q(initial_pitch__gte=-90) & models.Q(initial_pitch__lte=90),
                name="scene_pitch_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        self.initial_yaw = normalise_yaw(self.initial_yaw)
        self.north_offset = normalise_yaw(self.north_offset)
        if self.audio_id and not self.audio_transcript.strip():
            raise ValidationError(
                {"audio_transcript": _("Add a transcript: not every visitor can listen.")}
            )
        if self.full_sphere and self.panorama_id:
            width, height = self.panorama.width, self.panorama.height
            if not height or abs(width / height - 2) > 2 * FULL_SPHERE_RATIO_TOLERANCE:
                raise ValidationError(
                    {
                        "panorama": _(
                            "A full-sphere panorama must be twice as wide as high; this image is %(w)s x %(h)s. "
                            "Choose another image or untick 'full sphere'."
                        )
                        % {"w": width, "h": height}
                    }
                )

    def angles_of_view(self) -> tuple[float, float, float] | None:
        """A partial panorama's horizontal and vertical angle of view and vertical offset
        in degrees (as Pannellum's ``haov``, ``vaov``, ``vOffset``); None for a full sphere.

        An equirectangular photo has as many pixels per degree across as up, so the
        height's angle follows from the width's; it is capped at 180° and the offset
        kept so the photo does not pass a pole."""
        if self.full_sphere or not self.panorama_id:
            return None
        width, height = self.panorama.width, self.panorama.height
        haov = self.horizontal_angle
        vaov = min(180.0, haov * height / width) if width else 180.0
        limit = (180.0 - vaov) / 2
        return haov, vaov, max(-limit, min(limit, self.vertical_offset))

    def save(self, *args, **kwargs) -> None:
        self.initial_yaw = normalise_yaw(self.initial_yaw)
        self.initial_pitch = clamp_pitch(self.initial_pitch)
        self.north_offset = normalise_yaw(self.north_offset)
        super().save(*args, **kwargs)


class Hotspot(TranslatableMixin, Orderable):
    class Target(models.TextChoices):
        SCENE = "scene", _("Another scene of this tour")
        OBJECT = "object", _("Collection object")
        STORY = "story", _("Story")
        EXHIBITION = "exhibition", _("Exhibition")
        IMAGE = "image", _("Image")
        MEDIA = "media", _("Audio or video file")
        URL = "url", _("Web address")

    scene = ParentalKey(Scene, on_delete=models.CASCADE, related_name="hotspots")
    yaw = models.FloatField(_("yaw"), help_text=_("Degrees; click the panorama to place it."))
    pitch = models.FloatField(
        _("pitch"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    label = models.CharField(
        _("label"), max_length=255, help_text=_("Read out by screen readers and shown on hover.")
    )
    target_kind = models.CharField(
        _("leads to"), max_length=16, choices=Target.choices, default=Target.SCENE
    )
    target_scene_key = models.SlugField(_("scene"), max_length=64, blank=True)
    target_yaw = models.FloatField(_("arrive looking at yaw"), null=True, blank=True)
    target_pitch = models.FloatField(
        _("arrive looking at pitch"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    target_object = models.ForeignKey(
        "museum_site.CollectionObject",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("collection object"),
    )
    target_story = models.ForeignKey(
        "museum_site.StoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("story"),
    )
    target_exhibition = models.ForeignKey(
        "museum_site.ExhibitionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("exhibition"),
    )
    target_image = models.ForeignKey(
        "museum_site.MuseumImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    target_media = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("audio or video"),
    )
    target_url = models.URLField(_("web address"), blank=True)

    TARGET_FIELDS = HOTSPOT_TARGET_FIELDS
    TEXT_TARGETS = HOTSPOT_TEXT_TARGETS

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("yaw"), FieldPanel("pitch")]),
        FieldPanel("target_kind"),
        FieldRowPanel(
            [
                FieldPanel("target_scene_key", widget=SceneChoiceSelect()),
                FieldPanel("target_yaw"),
                FieldPanel("target_pitch"),
            ]
        ),
        FieldPanel("target_object"),
        FieldPanel("target_story"),
        FieldPanel("target_exhibition"),
        FieldPanel("target_image"),
        FieldPanel("target_media"),
        FieldPanel("target_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]  # stable when rows share a sort order
        verbose_name = _("hotspot")
        constraints = [
            models.CheckConstraint(condition=YAW_CONSTRAINT, name="hotspot_yaw_range"),
            models.CheckConstraint(condition=PITCH_CONSTRAINT, name="hotspot_pitch_range"),
            models.CheckConstraint(
                condition=_one_target_condition(), name="hotspot_exactly_one_target"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def target_field(self) -> str:
        return self.TARGET_FIELDS[self.target_kind]

    @property
    def target(self) -> object:
        return getattr(self, self.target_field)

    def clean(self) -> None:
        super().clean()
        if self.yaw is None or self.pitch is None:
            # Not yet placed (the editor added it and saved, or the autosave ran first):
            # a form error that says what to do, not a TypeError from the angle maths.
            raise ValidationError(
                {
                    "yaw": _(
                        "This hotspot is not placed yet: click “Place on panorama”, then "
                        "the spot in the panorama."
                    )
                }
            )
        self.yaw = normalise_yaw(self.yaw)
        if self.target_yaw is not None:
            self.target_yaw = normalise_yaw(self.target_yaw)
        if not self.target:
            raise ValidationError({self.target_field: _("Choose where this hotspot leads.")})
        for field in self.TARGET_FIELDS.values():
            if field != self.target_field:
                setattr(self, field, "" if field in self.TEXT_TARGETS else None)

    def save(self, *args, **kwargs) -> None:
        # Nested in a scene: follows the scene's locale when a tour is translated (wagtail#14425).
        if self.scene is not None and self.scene.locale_id:
            self.locale_id = self.scene.locale_id
        self.yaw = normalise_yaw(self.yaw)
        self.pitch = clamp_pitch(self.pitch)
        if self.target_yaw is not None:
            self.target_yaw = normalise_yaw(self.target_yaw)
        super().save(*args, **kwargs)


class GuidedStop(TranslatableMixin, Orderable):
    tour = ParentalKey(TourPage, on_delete=models.CASCADE, related_name="stops")
    scene_key = models.SlugField(_("scene"), max_length=64)
    yaw = models.FloatField(_("look at yaw"), default=0)
    pitch = models.FloatField(
        _("look at pitch"), default=0, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    fov = models.FloatField(
        _("field of view"), default=90, validators=[MinValueValidator(30), MaxValueValidator(120)]
    )
    narration = models.TextField(_("narration"))
    audio = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("audio"),
    )
    dwell_seconds = models.PositiveIntegerField(_("stay for (seconds)"), default=20)

    panels = [
        FieldPanel("scene_key", widget=SceneChoiceSelect()),
        FieldRowPanel([FieldPanel("yaw"), FieldPanel("pitch"), FieldPanel("fov")]),
        FieldPanel("narration"),
        FieldRowPanel([FieldPanel("audio"), FieldPanel("dwell_seconds")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        ordering = ["sort_order", "pk"]  # stable when rows share a sort order
        verbose_name = _("guided stop")
        constraints = [
            models.CheckConstraint(condition=YAW_CONSTRAINT, name="stop_yaw_range"),
            models.CheckConstraint(condition=PITCH_CONSTRAINT, name="stop_pitch_range"),
        ]

    def save(self, *args, **kwargs) -> None:
        self.yaw = normalise_yaw(self.yaw)
        self.pitch = clamp_pitch(self.pitch)
        super().save(*args, **kwargs)


class PanoramaTilesQuerySet(models.QuerySet):
    def current(self) -> models.QuerySet:
        """Ready tiles made from the image's present file (an editor may replace it)."""
        return self.filter(
            status=PanoramaTiles.Status.READY,
            image_file_name=models.F("image__file"),
            image_file_hash=models.F("image__file_hash"),
        )


class PanoramaTiles(models.Model):
    """The multires tiles of one panorama image, made by a background job (tours.tasks).

    The row says which file of the image its status is about (``image_file_name``,
    ``image_file_hash``): when the editor replaces the file, the tiles of the old one
    are no longer answered (``shown_status`` is PENDING) and a new job is queued
    (tours.signals); the tile set itself is keyed on the SHA-256 of the bytes it was
    made from (``source_sha256``, tours.tiler).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be tiled")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    image = models.OneToOneField(
        "museum_site.MuseumImage", on_delete=models.CASCADE, related_name="tiles"
    )
    image_file_name = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Storage name of the image file the status is about."),
    )
    image_file_hash = models.CharField(
        max_length=40, blank=True, help_text=_("Wagtail's hash of the image file that was tiled.")
    )
    source_sha256 = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(
        blank=True, help_text=_("Why tiling failed, in words an editor can act on.")
    )
    manifest = models.JSONField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PanoramaTilesQuerySet.as_manager()

    class Meta:
        verbose_name = _("panorama tiles")
        verbose_name_plural = _("panorama tiles")

    def __str__(self) -> str:
        return f"Tiles of image {self.image_id} ({self.status})"

    def is_about(self, image) -> bool:
        """Whether this row's status is about the image's present file.

        A replaced file always has a new storage name (storages never overwrite
        Wagtail's originals) and, once Wagtail has hashed it, a new hash. A hash that
        was merely filled in later (Wagtail computes it lazily) is the same file.
        """
        if self.image_file_name != image.file.name:
            return False
        return self.image_file_hash in ("", image.file_hash)

    def is_current(self, image=None) -> bool:
        """Ready, complete, and made from the image's present file."""
        image = image or self.image
        return self.status == self.Status.READY and bool(self.manifest) and self.is_about(image)

    @property
    def shown_status(self) -> str:
        """The status to show editors and visitors: tiles of a replaced file are PENDING."""
        if self.status == self.Status.READY and not self.is_current():
            return self.Status.PENDING
        return self.status

    def url_of(self, key: str) -> str | None:
        """``base`` or ``preview``: a URL from the tile storage, when the tiles are current.

        Manifests keep storage names, so a moved media host or a CDN in front needs no
        re-tiling; manifests written before them kept URLs (``base_url``).
        """
        if not self.is_current():
            return None
        from tours.tile_storage import tiles_storage

        manifest = self.manifest or {}
        name = manifest.get(f"{key}_name")
        if name:
            return tiles_storage().url(name)
        return manifest.get(f"{key}_url")
