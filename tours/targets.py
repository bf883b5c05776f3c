"""Where a hotspot leads, as visitors may see it.

A target that is unpublished, expired, view-restricted or deleted is answered as no
target (null), never as a link into content the visitor may not see.
"""

from __future__ import annotations

from wagtail.models import Page, PageViewRestriction

from museum_site.visibility import is_visible_now
from tours.models import Hotspot


def restricted_paths(context: object) -> tuple[str, ...]:
    """Paths of view-restricted pages, read once per request."""
    cached = getattr(context, "_vitrine_restricted_paths", None)
    if cached is None:
        cached = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        if context is not None:
            context._vitrine_restricted_paths = cached
    return cached


def is_public_page(page: Page, context: object) -> bool:
    if not is_visible_now(page):
        return False
    return not any(page.path.startswith(path) for path in restricted_paths(context))


def public_target(hotspot: Hotspot, context: object = None) -> object | None:
    kind = hotspot.target_kind
    if kind == Hotspot.Target.SCENE:
        scenes = {scene.key: scene for scene in hotspot.scene.tour.scenes.all()}
        scene = scenes.get(hotspot.target_scene_key)
        if scene is None:
            return None
        return {
            "scene_key": scene.key,
            "scene_title": scene.title,
            "yaw": hotspot.target_yaw,
            "pitch": hotspot.target_pitch,
        }
    if kind == Hotspot.Target.URL:
        return (
            {"url": hotspot.target_url}
            if hotspot.target_url.startswith(("https://", "http://"))
            else None
        )
    target = hotspot.target
    if target is None:
        return None
    if kind == Hotspot.Target.OBJECT and not is_visible_now(target):
        return None
    if kind in (Hotspot.Target.STORY, Hotspot.Target.EXHIBITION) and not is_public_page(
        target, context
    ):
        return None
    return target
