"""Viewer adapters: one tour, emitted as the configuration each 360° viewer expects.

The tour model is viewer-neutral (degrees, typed hotspot targets, scenes named by
``key``); each viewer wants its own units, names and tile layout. ``BUILDERS`` maps a
format name to ``build(tour) -> dict``: plain JSON, so the GraphQL field
``Tour.viewerConfig(format:)`` can hand a frontend the whole tour in one answer.

Where this module had to choose, the reason is below; the API facts were read in the
viewers' own sources (Pannellum 2.5.7, Photo Sphere Viewer 5.15, Marzipano 0.10).

Tiles and their fallback
------------------------
The tiler writes one pyramid per panorama in Pannellum's layout: ``<base>/<level>/
<face><row>_<col>.jpg`` with levels numbered from 1 (smallest, one tile per face) to
``maxLevel``, faces ``f b u d l r``, edge tiles cropped rather than padded, and whole
faces under ``<base>/fallback/<face>.jpg``. A scene is served on its tiles only when
they are ready *and* were made from the image's present file (the editor may have
replaced it since). Otherwise, so the tour still works while the background job runs
or after it failed (partial panoramas are never tiled), the scene shows its
equirectangular image: the FULL preset's widest rendition (2400 px, one of the
pre-generated sizes), or the original file if no rendition can be made.

A partial panorama (``Scene.full_sphere`` unticked) is shown at its real angle of view
(``Scene.angles_of_view``) rather than stretched over the sphere: Pannellum's ``haov``,
``vaov`` and ``vOffset``; Photo Sphere Viewer's ``panoData`` (the photo placed, centred
on yaw 0, in the full 2:1 sphere it was cropped from); Marzipano's equirect geometry
takes no crop, so it keeps spreading the photo over the sphere.

Texts
-----
Labels, titles and descriptions are plain text (``tours.text.plain_text``: every tag
removed, entities decoded). A decoded ``&lt;img …&gt;`` is a literal ``<img …>``, so
it matters how each viewer inserts text:

- Pannellum inserts hotspot text and titles with ``innerHTML`` and escapes them only
  when the *top-level* ``escapeHTML`` option is true (it reads it from the initial
  config, not from ``default``): we set it and pass plain text.
- Photo Sphere Viewer inserts ``name``, ``caption``, ``description`` and marker
  tooltips as HTML, with no escaping option: we pass HTML-escaped text.
- Marzipano shows no text itself; the Marzipano Tool's template, which this format
  copies, puts ``name``, ``title`` and ``text`` into ``innerHTML``: we pass
  HTML-escaped text, safe to insert the way the Tool does.

Hotspots
--------
A hotspot to another scene of the tour becomes that viewer's navigation link. Any
other hotspot is an information hotspot; its target is data the frontend maps to its
own routes: ``{"kind": "object"|"story"|"exhibition"|"image"|"media", "id": "<pk>"}``
or ``{"kind": "url", "url": "https://…"}``, and no target at all when it is not
visible to the public (``tours.targets.public_target``: unpublished, expired,
restricted, deleted). Only a URL target is a link by itself (Pannellum's ``URL``).

``pannellum``
-------------
A Pannellum 2.5.7 tour: pass it as it is to ``pannellum.viewer(element, config)``::

    {"escapeHTML": true,
     "default": {"firstScene": key, "sceneFadeDuration": 1000, "autoLoad": true},
     "scenes": {key: {"title", "yaw", "pitch", "hfov", "northOffset",
                      "type": "multires", "multiRes": {"basePath", "path",
                          "fallbackPath", "extension", "tileResolution", "maxLevel",
                          "cubeResolution"},
                      "hotSpots": [...]}}}

Angles in degrees, as the model keeps them. An untiled scene is ``"type":
"equirectangular", "panorama": url``, plus ``haov``, ``vaov`` and ``vOffset`` for a
partial panorama. Navigation hotspots are ``{"id", "type":
"scene", "pitch", "yaw", "text", "sceneId"}`` plus ``targetYaw``/``targetPitch`` when
the editor chose an arrival direction (left out otherwise: Pannellum would take
``null`` as a direction instead of using the target scene's own view). Information
hotspots are ``{"id", "type": "info", "pitch", "yaw", "text"}`` plus ``URL`` for URL
targets and ``target`` (the data above) when visible; Pannellum ignores keys it does
not know and keeps them in ``viewer.getConfig().hotSpots``.

``photo_sphere_viewer``
-----------------------
Photo Sphere Viewer 5 with the virtual-tour plugin::

    {"adapter": "cubemap-tiles" | "equirectangular",
     "positionMode": "manual", "renderMode": "2d", "startNodeId": key,
     "nodes": [{"id", "name", "caption", "description", "panorama",
                "links": [{"nodeId", "position": {"yaw", "pitch"},
                           "data": {"label", "arrivePosition"?}}],
                "markers": [{"id", "position", "circle", "svgStyle", "className",
                             "tooltip": {"content"}, "data": {"label", "target"?}}],
                "data": {"scene", "initialPosition": {"yaw", "pitch"},
                         "initialHorizontalFov", "northOffset"},
                "panoData"?: {"fullWidth", "fullHeight", "croppedWidth",
                              "croppedHeight", "croppedX", "croppedY"}}]}

Positions are numbers in radians (PSV reads a bare number as radians), yaw positive
to the right and pitch positive up, as in the model; fields of view are in degrees,
PSV's unit for them. A viewer has one adapter for its whole life, so the tour is
served on cubemap tiles only when every scene has ready tiles, and otherwise every
node's ``panorama`` is its equirectangular image URL (``"adapter":
"equirectangular"``, PSV's default). Markers need ``@photo-sphere-viewer/markers-
plugin``; without it PSV logs a warning and shows only the links.

A tiled node's ``panorama`` is the cubemap-tiles adapter's multi-level form, minus
the one thing JSON cannot hold, the ``tileUrl`` function::

    {"levels": [{"faceSize", "nbTiles"}, ...],       # smallest first
     "baseUrl": {"left", "front", "right", "back", "top", "bottom"},  # face URLs
     "flipTopBottom": true,
     "tileUrlTemplates": [url with {face} {row} {col}, ...],  # one per level
     "faceLetters": {"front": "f", "back": "b", "left": "l", "right": "r",
                     "top": "u", "bottom": "d"}}

``levels[i]`` is drawn from ``tileUrlTemplates[i]``. Our ``u``/``d`` faces have
their top edge towards the back and the front, the orientation PSV calls flipped.
PSV requires a power-of-two number of tiles, all of one size. The tiler cuts every
level that way; tile sets made before it did are still served, with only the levels
that qualify listed (level 1, a single tile, always does) and the lower-resolution
``baseUrl`` faces covering the rest. A frontend turns the data into the plugin's options
like this (``tests/e2e/harness/photo-sphere-viewer.html`` does exactly this)::

    import {Viewer, EquirectangularAdapter} from '@photo-sphere-viewer/core';
    import {CubemapTilesAdapter} from '@photo-sphere-viewer/cubemap-tiles-adapter';
    import {VirtualTourPlugin} from '@photo-sphere-viewer/virtual-tour-plugin';
    import {MarkersPlugin} from '@photo-sphere-viewer/markers-plugin';

    function tilesPanorama({tileUrlTemplates, faceLetters, ...panorama}) {
      return {...panorama, tileUrl: (face, col, row, level) => tileUrlTemplates[level]
        .replace('{face}', faceLetters[face]).replace('{row}', row).replace('{col}', col)};
    }
    const {adapter, ...tour} = config;
    const nodes = tour.nodes.map((node) => adapter === 'cubemap-tiles'
      ? {...node, panorama: tilesPanorama(node.panorama)} : node);
    let viewer;
    viewer = new Viewer({container,
      adapter: adapter === 'cubemap-tiles' ? CubemapTilesAdapter : EquirectangularAdapter,
      plugins: [MarkersPlugin, [VirtualTourPlugin, {...tour, nodes,
        transitionOptions: (toNode, fromNode, fromLink) => ({
          rotateTo: fromLink?.data?.arrivePosition ?? toNode.data.initialPosition,
          zoomTo: viewer.dataHelper.fovToZoomLevel(
            viewer.dataHelper.hFovToVFov(toNode.data.initialHorizontalFov)),
        })}]]});

The ``transitionOptions`` callback is what makes a scene open on its own initial view
(or on the hotspot's arrival direction): the plugin has no per-node view option.

``marzipano``
-------------
Marzipano 0.10, shaped like the Marzipano Tool's ``data.js``::

    {"name", "settings": {...},
     "scenes": [{"id", "name", "geometry": "cube", "levels": [{"tileSize", "size"}],
                 "faceSize", "tileUrlTemplates": [url with {f} {y} {x}, ...],
                 "initialViewParameters": {"yaw", "pitch", "fov"},
                 "initialHorizontalFov",
                 "linkHotspots": [{"yaw", "pitch", "rotation", "target", "title",
                                   "targetViewParameters"?}],
                 "infoHotspots": [{"yaw", "pitch", "title", "text", "target"?}]}]}

All angles in radians. Marzipano's pitch is positive *downwards* (its hotspot
direction is ``y = -sin(pitch)``), so every pitch is negated; yaw is positive to the
right as in the model. ``initialViewParameters.fov`` is Marzipano's *vertical* field
of view, computed for a 16:9 viewer; ``initialHorizontalFov`` is the editor's value,
for ``Marzipano.util.convertFov.htov(hfov, width, height)`` when the size is known.

Marzipano's face letters and orientation are Pannellum's (``fudlrb``; ``u`` is seen
looking up from the front with its top edge towards the back, ``d`` with its top
edge towards the front; ``x`` is the column and ``y`` the row from the top), so tile
files need no renaming. Its ``{z}`` is a 0-based index into the levels it keeps, while
our level directories start at 1 and not every one can be kept: Marzipano requires
each level's size to be a multiple of its tile size (our cropped edge tiles are not),
so ``tileUrlTemplates[z]`` already names the directory, and
``ImageUrlSource.fromString`` cannot be used::

    const source = new Marzipano.ImageUrlSource((tile) => ({url: scene.tileUrlTemplates[tile.z]
      .replace('{f}', tile.face).replace('{y}', tile.y).replace('{x}', tile.x)}));
    const geometry = new Marzipano.CubeGeometry(scene.levels);

(``tests/e2e/harness/marzipano.html`` does this, and draws the hotspots as the Tool.)

An untiled scene is ``"geometry": "equirect", "url", "levels": [{"width"}]`` for
``Marzipano.ImageUrlSource.fromString(scene.url)`` and ``new
Marzipano.EquirectGeometry(scene.levels)``; its ``faceSize`` (a quarter of the width,
the resolution of an equivalent cube face) is for ``RectilinearView.limit.traditional``.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from types import SimpleNamespace
from typing import Any

from django.db.models import Prefetch, QuerySet
from wagtail.images.models import SourceImageIOError

from museum_site.graphql.images import absolute_media_url
from museum_site.image_presets import ImageFormat, ImagePreset, rendition_spec
from museum_site.models import MuseumImage
from tours.models import Hotspot, PanoramaTiles, Scene, TourPage
from tours.targets import public_target
from tours.text import plain_text

Config = dict[str, Any]

# PSV and Marzipano name cube faces differently; the letters are the tiler's.
PSV_FACE_LETTERS = {
    "front": "f",
    "back": "b",
    "left": "l",
    "right": "r",
    "top": "u",
    "bottom": "d",
}
PSV_MAX_TILES = 16  # the cubemap-tiles adapter's CUBE_SEGMENTS
SCENE_FADE_MS = 1000
MARZIPANO_REFERENCE_ASPECT = 16 / 9
# The widest FULL-preset rendition: sharp enough for a viewer, small enough for any
# WebGL texture limit, and pre-generated with the other preset sizes.
FALLBACK_WIDTH = max(ImagePreset.FULL.value.srcset_widths)


@dataclass(frozen=True)
class Tiles:
    """A ready tile set, from ``PanoramaTiles.manifest`` (see tours.services)."""

    base_url: str
    face_size: int
    levels: int
    tile_resolution: int
    multires: dict[str, Any]

    @classmethod
    def ready_for(cls, image: MuseumImage) -> Tiles | None:
        """The image's tiles if they are ready and made from its present file."""
        try:
            tiles = image.tiles
        except PanoramaTiles.DoesNotExist:
            return None
        if not tiles.is_current(image):
            return None
        manifest = tiles.manifest
        return cls(
            base_url=absolute_media_url(tiles.url_of("base")).rstrip("/"),
            face_size=manifest["face_size"],
            levels=manifest["levels"],
            tile_resolution=manifest["tile_resolution"],
            multires=manifest["multires"],
        )

    def level_size(self, level: int) -> int:
        """Edge of a face at pyramid ``level`` (1 = smallest), as the tiler made it."""
        return self.face_size >> (self.levels - level)

    def tile_count(self, level: int) -> int:
        return math.ceil(self.level_size(level) / self.tile_resolution)

    def uniform(self, level: int) -> bool:
        """Whether every tile of ``level`` has the same size (no cropped edge tiles)."""
        size = self.level_size(level)
        return size <= self.tile_resolution or size % self.tile_resolution == 0

    def tile_url_template(self, level: int, face: str, row: str, col: str) -> str:
        """One level's tile URL with the viewer's own placeholders for face, row, column."""
        path = (
            self.multires["path"]
            .replace("%l", str(level))
            .replace("%s", face)
            .replace("%y", row)
            .replace("%x", col)
        )
        return f"{self.base_url}{path}.{self.multires['extension']}"

    def fallback_url(self, face_letter: str) -> str:
        path = self.multires["fallbackPath"].replace("%s", face_letter)
        return f"{self.base_url}{path}.{self.multires['extension']}"


@dataclass(frozen=True)
class Link:
    """A navigation hotspot to another scene; angles in degrees."""

    id: str
    yaw: float
    pitch: float
    label: str
    scene_key: str
    arrive_yaw: float | None
    arrive_pitch: float | None
    # Both angles of the arrival direction, the target scene's own view filling in the
    # one the editor left empty; None when the editor chose neither.
    arrival: tuple[float, float] | None


@dataclass(frozen=True)
class Info:
    """Any other hotspot; ``target`` is None when the visitor may not see it."""

    id: str
    yaw: float
    pitch: float
    label: str
    target: dict[str, str] | None


@dataclass
class ViewerScene:
    """A scene as every viewer needs it: plain texts, degrees, tiles or their fallback."""

    key: str
    title: str
    description: str
    yaw: float
    pitch: float
    hfov: float
    north_offset: float
    image: MuseumImage
    tiles: Tiles | None
    #: A partial panorama's (haov, vaov, vOffset) in degrees; None for a full sphere.
    angles: tuple[float, float, float] | None = None
    links: list[Link] = field(default_factory=list)
    infos: list[Info] = field(default_factory=list)

    @cached_property
    def equirectangular(self) -> tuple[str, int]:
        """URL and width of the whole panorama, for viewers without its tiles."""
        spec = rendition_spec(ImagePreset.FULL, ImageFormat.ORIGINAL, FALLBACK_WIDTH)
        try:
            rendition = self.image.get_rendition(spec)
        except SourceImageIOError:
            return absolute_media_url(self.image.file.url), self.image.width
        return absolute_media_url(rendition.url), rendition.width


def viewer_scenes(tour: TourPage) -> list[ViewerScene]:
    """The tour's scenes in order, read with a fixed number of queries.

    Scene hotspots are resolved here against the scene list already in hand rather
    than through ``public_target`` (which reads the tour's scenes again per hotspot);
    every other target goes through ``public_target``, with one shared context so the
    view restrictions are read once.
    """
    hotspots = Hotspot.objects.select_related(
        *(name for name in Hotspot.TARGET_FIELDS.values() if name not in Hotspot.TEXT_TARGETS)
    )
    found: Iterable[Scene] = tour.scenes.all()
    if isinstance(found, QuerySet):
        # A saved tour. A preview's unsaved cluster is a list in memory, which
        # modelcluster would try (and fail) to prefetch into. The tour is named again:
        # the queryset the GraphQL loader's prefetch leaves behind has lost its filter,
        # and chaining on it would read the scenes of every tour.
        found = (
            found.filter(tour=tour)
            .select_related("panorama", "panorama__tiles")
            .prefetch_related(Prefetch("hotspots", queryset=hotspots))
        )
    scenes = list(found)
    by_key = {scene.key: scene for scene in scenes}
    context = SimpleNamespace()
    result = []
    for scene in scenes:
        viewer_scene = ViewerScene(
            key=scene.key,
            title=plain_text(scene.title),
            description=plain_text(scene.description),
            yaw=scene.initial_yaw,
            pitch=scene.initial_pitch,
            hfov=scene.initial_fov,
            north_offset=scene.north_offset,
            image=scene.panorama,
            tiles=Tiles.ready_for(scene.panorama),
            angles=scene.angles_of_view(),
        )
        for index, hotspot in enumerate(scene.hotspots.all()):
            hotspot_id = f"{scene.key}-{index}"
            label = plain_text(hotspot.label)
            if hotspot.target_kind == Hotspot.Target.SCENE and hotspot.target_scene_key in by_key:
                target = by_key[hotspot.target_scene_key]
                arrival = None
                if hotspot.target_yaw is not None or hotspot.target_pitch is not None:
                    arrival = (
                        _first_set(hotspot.target_yaw, target.initial_yaw),
                        _first_set(hotspot.target_pitch, target.initial_pitch),
                    )
                viewer_scene.links.append(
                    Link(
                        id=hotspot_id,
                        yaw=hotspot.yaw,
                        pitch=hotspot.pitch,
                        label=label,
                        scene_key=hotspot.target_scene_key,
                        arrive_yaw=hotspot.target_yaw,
                        arrive_pitch=hotspot.target_pitch,
                        arrival=arrival,
                    )
                )
            else:
                viewer_scene.infos.append(
                    Info(
                        id=hotspot_id,
                        yaw=hotspot.yaw,
                        pitch=hotspot.pitch,
                        label=label,
                        target=_target_data(hotspot, context),
                    )
                )
        result.append(viewer_scene)
    return result


def _first_set(value: float | None, default: float) -> float:
    return default if value is None else value


def _target_data(hotspot: Hotspot, context: object) -> dict[str, str] | None:
    """What a frontend needs to open a non-scene target, or None if it is not public."""
    if hotspot.target_kind == Hotspot.Target.SCENE:
        return None  # a scene this tour does not have
    target = public_target(hotspot, context)
    if target is None:
        return None
    if isinstance(target, dict):
        return {"kind": Hotspot.Target.URL.value, "url": target["url"]}
    return {"kind": str(hotspot.target_kind), "id": str(target.pk)}


# --- Pannellum ---------------------------------------------------------------------


def pannellum(tour: TourPage) -> Config:
    """A Pannellum 2.5.7 tour configuration (see the module docstring)."""
    scenes = viewer_scenes(tour)
    default: Config = {"sceneFadeDuration": SCENE_FADE_MS, "autoLoad": True}
    if scenes:
        default = {"firstScene": scenes[0].key, **default}
    return {
        "escapeHTML": True,
        "default": default,
        "scenes": {scene.key: _pannellum_scene(scene) for scene in scenes},
    }


def _pannellum_scene(scene: ViewerScene) -> Config:
    config: Config = {
        "title": scene.title,
        "yaw": scene.yaw,
        "pitch": scene.pitch,
        "hfov": scene.hfov,
        "northOffset": scene.north_offset,
    }
    if scene.tiles:
        config["type"] = "multires"
        config["multiRes"] = {"basePath": scene.tiles.base_url, **scene.tiles.multires}
    else:
        config["type"] = "equirectangular"
        config["panorama"] = scene.equirectangular[0]
        if scene.angles:
            config["haov"], config["vaov"], config["vOffset"] = scene.angles
    config["hotSpots"] = [
        *(_pannellum_link(link) for link in scene.links),
        *(_pannellum_info(info) for info in scene.infos),
    ]
    return config


def _pannellum_link(link: Link) -> Config:
    hotspot: Config = {
        "id": link.id,
        "type": "scene",
        "pitch": link.pitch,
        "yaw": link.yaw,
        "text": link.label,
        "sceneId": link.scene_key,
    }
    if link.arrive_yaw is not None:
        hotspot["targetYaw"] = link.arrive_yaw
    if link.arrive_pitch is not None:
        hotspot["targetPitch"] = link.arrive_pitch
    return hotspot


def _pannellum_info(info: Info) -> Config:
    hotspot: Config = {
        "id": info.id,
        "type": "info",
        "pitch": info.pitch,
        "yaw": info.yaw,
        "text": info.label,
    }
    if info.target:
        hotspot["target"] = info.target
        if info.target["kind"] == Hotspot.Target.URL:
            hotspot["URL"] = info.target["url"]
    return hotspot


# --- Photo Sphere Viewer -----------------------------------------------------------


def photo_sphere_viewer(tour: TourPage) -> Config:
    """Photo Sphere Viewer 5 virtual-tour options (see the module docstring)."""
    scenes = viewer_scenes(tour)
    tiled = bool(scenes) and all(scene.tiles for scene in scenes)
    config: Config = {
        "adapter": "cubemap-tiles" if tiled else "equirectangular",
        "positionMode": "manual",
        # Links sit where the editor placed them, as Pannellum's hotspots do; the 3D
        # mode would draw them as arrows on the floor, ignoring their pitch.
        "renderMode": "2d",
        "nodes": [_psv_node(scene, tiled) for scene in scenes],
    }
    if scenes:
        config["startNodeId"] = scenes[0].key
    return config


def _psv_position(yaw: float, pitch: float) -> Config:
    return {"yaw": math.radians(yaw), "pitch": math.radians(pitch)}


def _psv_node(scene: ViewerScene, tiled: bool) -> Config:
    node: Config = {
        "id": scene.key,
        "name": html.escape(scene.title),
        "caption": html.escape(scene.title),
        "description": html.escape(scene.description),
        "panorama": _psv_tiles(scene.tiles) if tiled and scene.tiles else scene.equirectangular[0],
        "links": [_psv_link(link) for link in scene.links],
        "markers": [_psv_marker(info) for info in scene.infos],
        "data": {
            "scene": scene.key,
            "initialPosition": _psv_position(scene.yaw, scene.pitch),
            "initialHorizontalFov": scene.hfov,
            "northOffset": math.radians(scene.north_offset),
        },
    }
    if scene.angles and not tiled:
        node["panoData"] = _psv_pano_data(scene)
    return node


def _psv_pano_data(scene: ViewerScene) -> Config:
    """Where a partial panorama sits in the whole sphere, in the equirectangular
    adapter's pixels (of the image the node shows): centred on yaw 0, its middle
    ``vOffset`` degrees above the horizon."""
    assert scene.angles is not None
    haov, _vaov, v_offset = scene.angles
    width = scene.equirectangular[1]
    height = round(width * scene.image.height / scene.image.width)
    full_width = round(width * 360 / haov)
    full_height = max(height, full_width // 2)
    pixels_per_degree = full_width / 360
    return {
        "fullWidth": full_width,
        "fullHeight": full_height,
        "croppedWidth": width,
        "croppedHeight": height,
        "croppedX": round((full_width - width) / 2),
        "croppedY": max(
            0,
            min(
                full_height - height,
                round((full_height - height) / 2 - v_offset * pixels_per_degree),
            ),
        ),
    }


def _psv_tiles(tiles: Tiles) -> Config:
    """The cubemap-tiles adapter's multi-level panorama, with URL templates for tileUrl."""
    levels = [
        level
        for level in range(1, tiles.levels + 1)
        if tiles.uniform(level)
        and tiles.tile_count(level) <= PSV_MAX_TILES
        and tiles.tile_count(level).bit_count() == 1
    ]
    return {
        "levels": [
            {"faceSize": tiles.level_size(level), "nbTiles": tiles.tile_count(level)}
            for level in levels
        ],
        "baseUrl": {name: tiles.fallback_url(letter) for name, letter in PSV_FACE_LETTERS.items()},
        "flipTopBottom": True,
        "tileUrlTemplates": [
            tiles.tile_url_template(level, "{face}", "{row}", "{col}") for level in levels
        ],
        "faceLetters": dict(PSV_FACE_LETTERS),
    }


def _psv_link(link: Link) -> Config:
    data: Config = {"label": html.escape(link.label)}
    if link.arrival:
        data["arrivePosition"] = _psv_position(*link.arrival)
    return {
        "nodeId": link.scene_key,
        "position": _psv_position(link.yaw, link.pitch),
        "data": data,
    }


def _psv_marker(info: Info) -> Config:
    label = html.escape(info.label)
    data: Config = {"label": label}
    if info.target:
        data["target"] = info.target
    return {
        "id": info.id,
        "position": _psv_position(info.yaw, info.pitch),
        "circle": 12,
        # A light disc in a dark ring: visible on light paintings and dark walls alike.
        "svgStyle": {"fill": "#ffffff", "stroke": "#1b1b1b", "strokeWidth": "4px"},
        "className": "vitrine-hotspot",
        "tooltip": {"content": label},
        "data": data,
    }


# --- Marzipano ---------------------------------------------------------------------


def marzipano(tour: TourPage) -> Config:
    """Marzipano 0.10 scenes in the Marzipano Tool's data.js shape (see the docstring)."""
    return {
        "name": html.escape(plain_text(tour.title)),
        "settings": {
            "mouseViewMode": "drag",
            "autorotateEnabled": False,
            "fullscreenButton": False,
            "viewControlButtons": False,
        },
        "scenes": [_marzipano_scene(scene) for scene in viewer_scenes(tour)],
    }


def _marzipano_view(yaw: float, pitch: float) -> Config:
    """Marzipano's yaw and pitch: radians, and pitch positive downwards."""
    return {"yaw": math.radians(yaw), "pitch": -math.radians(pitch)}


def _marzipano_scene(scene: ViewerScene) -> Config:
    hfov = math.radians(scene.hfov)
    vfov = 2 * math.atan(math.tan(hfov / 2) / MARZIPANO_REFERENCE_ASPECT)
    config: Config = {"id": scene.key, "name": html.escape(scene.title)}
    if scene.tiles:
        config.update(_marzipano_cube(scene.tiles))
    else:
        url, width = scene.equirectangular
        config.update(
            {
                "geometry": "equirect",
                "url": url,
                "levels": [{"width": width}],
                "faceSize": width // 4,
            }
        )
    config.update(
        {
            "initialViewParameters": {**_marzipano_view(scene.yaw, scene.pitch), "fov": vfov},
            "initialHorizontalFov": hfov,
            "linkHotspots": [_marzipano_link(link) for link in scene.links],
            "infoHotspots": [_marzipano_info(info) for info in scene.infos],
        }
    )
    return config


def _marzipano_cube(tiles: Tiles) -> Config:
    """Cube levels Marzipano accepts, each with the tile URL of its own directory."""
    levels = [level for level in range(1, tiles.levels + 1) if tiles.uniform(level)]
    return {
        "geometry": "cube",
        "levels": [
            {
                "tileSize": min(tiles.tile_resolution, tiles.level_size(level)),
                "size": tiles.level_size(level),
            }
            for level in levels
        ],
        "faceSize": tiles.level_size(levels[-1]),
        "tileUrlTemplates": [
            tiles.tile_url_template(level, "{f}", "{y}", "{x}") for level in levels
        ],
    }


def _marzipano_link(link: Link) -> Config:
    hotspot: Config = {
        **_marzipano_view(link.yaw, link.pitch),
        "rotation": 0,
        "target": link.scene_key,
        "title": html.escape(link.label),
    }
    if link.arrival:
        hotspot["targetViewParameters"] = _marzipano_view(*link.arrival)
    return hotspot


def _marzipano_info(info: Info) -> Config:
    hotspot: Config = {
        **_marzipano_view(info.yaw, info.pitch),
        "title": html.escape(info.label),
        "text": "",
    }
    if info.target:
        hotspot["target"] = info.target
    return hotspot


BUILDERS: dict[str, Callable[[TourPage], Config]] = {
    "pannellum": pannellum,
    "photo_sphere_viewer": photo_sphere_viewer,
    "marzipano": marzipano,
}
