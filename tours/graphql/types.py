"""GraphQL types of virtual tours: viewer-neutral data plus ready-made viewer configs."""

from __future__ import annotations

import graphene
from grapple.types.interfaces import PageInterface
from wagtail.documents.models import Document

from museum_site.graphql.images import Image
from museum_site.graphql.types import CollectionObjectType, ExhibitionType, PageFields, StoryType
from tours import models, viewers
from tours.targets import public_target
from tours.text import plain_text


class ViewerFormat(graphene.Enum):
    """Which viewer's configuration `viewerConfig` emits."""

    PANNELLUM = "pannellum"
    PHOTO_SPHERE_VIEWER = "photo_sphere_viewer"
    MARZIPANO = "marzipano"


TilesStatus = graphene.Enum.from_enum(models.PanoramaTiles.Status)


class Tiles(graphene.ObjectType):
    """Multiresolution cube tiles of a panorama (Pannellum's layout)."""

    status = graphene.Field(TilesStatus, required=True)
    error = graphene.String(description="Why tiling failed, when it did.")
    base_url = graphene.String()
    preview_url = graphene.String()
    face_size = graphene.Int()
    levels = graphene.Int()
    tile_resolution = graphene.Int()
    path = graphene.String(
        description="Tile path pattern below baseUrl: %l level, %s face, %y row, %x column."
    )
    fallback_path = graphene.String()
    extension = graphene.String()

    @staticmethod
    def _manifest(tiles: models.PanoramaTiles) -> dict:
        """The tile set's description, only while it was made from the present file."""
        return (tiles.manifest or {}) if tiles.is_current() else {}

    def resolve_status(tiles, info):
        # Tiles of a replaced file are not answered: PENDING until the new ones are made.
        return models.PanoramaTiles.Status(tiles.shown_status)

    def resolve_error(tiles, info):
        return (tiles.error or None) if tiles.shown_status == tiles.Status.FAILED else None

    def resolve_base_url(tiles, info):
        return tiles.url_of("base")

    def resolve_preview_url(tiles, info):
        return tiles.url_of("preview")

    def resolve_face_size(tiles, info):
        return Tiles._manifest(tiles).get("face_size")

    def resolve_levels(tiles, info):
        return Tiles._manifest(tiles).get("levels")

    def resolve_tile_resolution(tiles, info):
        return Tiles._manifest(tiles).get("tile_resolution")

    def resolve_path(tiles, info):
        return Tiles._manifest(tiles).get("multires", {}).get("path")

    def resolve_fallback_path(tiles, info):
        return Tiles._manifest(tiles).get("multires", {}).get("fallbackPath")

    def resolve_extension(tiles, info):
        return Tiles._manifest(tiles).get("multires", {}).get("extension")


class MediaFile(graphene.ObjectType):
    """An audio or video file from the document library."""

    title = graphene.String(required=True)
    url = graphene.String(required=True)

    def resolve_url(document: Document, info) -> str:
        return document.url


class SceneLink(graphene.ObjectType):
    """A hotspot's way to another scene of the same tour."""

    scene_key = graphene.String(required=True)
    scene_title = graphene.String(required=True)
    yaw = graphene.Float(description="Direction to face on arrival; the scene's own view if null.")
    pitch = graphene.Float()


class ExternalLink(graphene.ObjectType):
    url = graphene.String(required=True)


class HotspotTarget(graphene.Union):
    """Where a hotspot leads: one of these, never more."""

    class Meta:
        types = (
            SceneLink,
            CollectionObjectType,
            StoryType,
            ExhibitionType,
            Image,
            MediaFile,
            ExternalLink,
        )

    @classmethod
    def resolve_type(cls, instance, info):
        if isinstance(instance, dict):
            return SceneLink if "scene_key" in instance else ExternalLink
        if isinstance(instance, Document):
            return MediaFile
        from museum_site import models as site_models

        return {
            site_models.CollectionObject: CollectionObjectType,
            site_models.StoryPage: StoryType,
            site_models.ExhibitionPage: ExhibitionType,
            site_models.MuseumImage: Image,
        }[type(instance)]


class Hotspot(graphene.ObjectType):
    yaw = graphene.Float(required=True, description="Degrees, (-180, 180].")
    pitch = graphene.Float(required=True, description="Degrees, [-90, 90].")
    label = graphene.String(required=True, description="Plain text: never HTML.")
    kind = graphene.String(
        required=True, description="scene, object, story, exhibition, image, media or url."
    )
    target = graphene.Field(
        HotspotTarget, description="Null when the target was unpublished or deleted."
    )

    def resolve_label(hotspot: models.Hotspot, info) -> str:
        return plain_text(hotspot.label)

    def resolve_kind(hotspot: models.Hotspot, info) -> str:
        return hotspot.target_kind

    def resolve_target(hotspot: models.Hotspot, info):
        return public_target(hotspot, info.context)


class Scene(graphene.ObjectType):
    key = graphene.String(required=True)
    title = graphene.String(required=True)
    description = graphene.String(required=True, description="For screen readers.")
    panorama = graphene.Field(Image, required=True)
    full_sphere = graphene.Boolean(required=True)
    initial_yaw = graphene.Float(required=True)
    initial_pitch = graphene.Float(required=True)
    initial_fov = graphene.Float(required=True)
    north_offset = graphene.Float(required=True)
    audio = graphene.Field(MediaFile)
    audio_transcript = graphene.String(required=True)
    floor_plan_key = graphene.String()
    plan_x = graphene.Float()
    plan_y = graphene.Float()
    tiles = graphene.Field(Tiles, description="Null until the panorama has been queued for tiling.")
    hotspots = graphene.List(graphene.NonNull(Hotspot), required=True)

    def resolve_floor_plan_key(scene: models.Scene, info):
        return scene.floor_plan_key or None

    def resolve_tiles(scene: models.Scene, info):
        try:
            return scene.panorama.tiles
        except models.PanoramaTiles.DoesNotExist:
            return None

    def resolve_hotspots(scene: models.Scene, info):
        return scene.hotspots.all()


class FloorPlan(graphene.ObjectType):
    key = graphene.String(required=True)
    title = graphene.String(required=True)
    image = graphene.Field(Image, required=True)


class GuidedStop(graphene.ObjectType):
    scene_key = graphene.String(required=True)
    yaw = graphene.Float(required=True)
    pitch = graphene.Float(required=True)
    fov = graphene.Float(required=True)
    narration = graphene.String(required=True)
    audio = graphene.Field(MediaFile)
    dwell_seconds = graphene.Int(required=True)


class TourType(PageFields, graphene.ObjectType):
    """A virtual tour: 360° scenes joined by hotspots, with floor plans and a guided sequence."""

    class Meta:
        name = "Tour"
        interfaces = (PageInterface,)

    intro = graphene.String(required=True)
    scenes = graphene.List(graphene.NonNull(Scene), required=True)
    start_scene = graphene.Field(
        Scene,
        description="The scene the tour opens in (the first); its panorama makes the tour's "
        "card, so a list need not ask for every scene's image.",
    )
    floor_plans = graphene.List(graphene.NonNull(FloorPlan), required=True)
    stops = graphene.List(graphene.NonNull(GuidedStop), required=True)
    unreachable_scene_keys = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Scenes no hotspot path leads to from the first.",
    )
    viewer_config = graphene.JSONString(
        format=graphene.Argument(ViewerFormat, required=True),
        required=True,
        description="The whole tour as the chosen viewer's configuration, on the multires tiles.",
    )

    def resolve_scenes(tour: models.TourPage, info):
        return tour.scenes.all()

    def resolve_start_scene(tour: models.TourPage, info):
        return tour.start_scene

    def resolve_floor_plans(tour: models.TourPage, info):
        return tour.floor_plans.all()

    def resolve_stops(tour: models.TourPage, info):
        return tour.stops.all()

    def resolve_unreachable_scene_keys(tour: models.TourPage, info):
        return [scene.key for scene in tour.unreachable_scenes()]

    def resolve_viewer_config(tour: models.TourPage, info, format):
        return viewers.BUILDERS[format.value if hasattr(format, "value") else format](tour)


class TourIndexType(PageFields, graphene.ObjectType):
    class Meta:
        name = "TourIndex"
        interfaces = (PageInterface,)

    intro = graphene.String(required=True)


PAGE_TYPES = {models.TourPage: TourType, models.TourIndexPage: TourIndexType}
