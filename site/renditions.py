"""Which renditions exist, which a request may make, and which the background job makes.

A rendition costs a decode and an encode (up to seconds for a large source), and every
preset x format x srcSet width is a file: an anonymous query asking 16 aliases per
image used to write hundreds of files in one request. So:

- a request makes at most `VITRINE_IMAGES["RENDITIONS_PER_REQUEST"]` new files (its
  budget, counted per thread from Django's `request_started`);
- past it a rendition answers the nearest that exists (same preset, then any format,
  then any of our presets, else the original file), never null or an error, and the
  image is queued for the background job (once per image while queued; not with the
  immediate backend, which would do the work in the very request we are bounding);
  when the job made any, the content version is bumped, so pages and answers cached
  with a stand-in are drawn again with the real thing;
- the job (`museum_site.tasks.prepare_renditions_task`) makes the preset x format pairs
  in `VITRINE_IMAGES["PREPARED"]`, queued when content that uses an image is published
  or an image that published content uses is saved.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_started
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.images.models import Filter
from wagtail.signals import page_published, published

from museum_site import image_presets
from museum_site.image_presets import ImageFormat, ImagePreset
from museum_site.models import MuseumImage
from museum_site.rendition_sources import BoundedFilter, SourceTooLarge

log = logging.getLogger(__name__)

QUEUED_KEY = "vitrine:renditions-queued:{}"
QUEUED_SECONDS = 15 * 60


class _Budget:
    def __init__(self, files: int) -> None:
        self.left = files

    def take(self, wanted: int) -> int:
        granted = max(0, min(wanted, self.left))
        self.left -= granted
        return granted


# None outside a request (the job, the shell, the demo loader): no budget.
_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "rendition_budget", default=None
)


@receiver(request_started)
def _new_request_budget(sender, **kwargs) -> None:
    _budget.set(_Budget(settings.VITRINE_IMAGES["RENDITIONS_PER_REQUEST"]))


def _take(wanted: int) -> int:
    budget = _budget.get()
    return wanted if budget is None else budget.take(wanted)


def widths(preset: ImagePreset, source_width: int | None = None) -> list[int]:
    """The preset's width first, then its other srcSet widths; with `source_width`, not
    the srcSet widths wider than the source (Wagtail never enlarges: each would be one
    more copy of the widest)."""
    main = preset.value.width
    others = sorted(set(preset.value.srcset_widths) - {main})
    if source_width:
        others = [width for width in others if width <= source_width]
    return [main, *others]


def preset_specs(
    preset: ImagePreset, image_format: ImageFormat, source_width: int | None = None
) -> dict[int, str]:
    return {
        width: image_presets.rendition_spec(preset, image_format, width)
        for width in widths(preset, source_width)
    }


def prepared_specs(image: MuseumImage | None = None) -> set[str]:
    """What the background job makes (of `image`: without the widths it cannot fill)."""
    source_width = image.width if image is not None else None
    return {
        spec
        for preset, image_format in settings.VITRINE_IMAGES["PREPARED"]
        for spec in preset_specs(
            ImagePreset[preset], ImageFormat[image_format], source_width
        ).values()
    }


def _all_specs() -> dict[str, tuple[ImagePreset, ImageFormat, int]]:
    """Every spec the API can ask for, with what it is: to choose a stand-in."""
    return {
        spec: (preset, image_format, width)
        for preset in ImagePreset
        for image_format in ImageFormat
        for width, spec in preset_specs(preset, image_format).items()
    }


_SPECS = _all_specs()


@dataclass
class Found:
    url: str
    width: int
    height: int


@lru_cache(maxsize=256)
def _filter(spec: str) -> Filter:
    """Shared Filter objects: Wagtail parses a filter's operations once per instance, and
    that parsing (inspect.getcallargs per operation) was a third of a list's cost."""
    return Filter(spec=spec)


def _existing(image: MuseumImage) -> dict[str, object]:
    """The image's renditions of our presets, by spec, for its current focal point:
    from the loaders' prefetch, else one query (they also serve as stand-ins)."""
    renditions = image._get_prefetched_renditions()
    if renditions is None:
        renditions = image.renditions.all()
        renditions._fetch_all()  # kept as Django keeps a prefetch: a filled QuerySet
        cache_ = getattr(image, "_prefetched_objects_cache", None)
        if cache_ is None:
            image._prefetched_objects_cache = cache_ = {}
        cache_["renditions"] = renditions
    return {
        rendition.filter_spec: rendition
        for rendition in renditions
        if rendition.filter_spec in _SPECS
        and rendition.focal_point_key == _filter(rendition.filter_spec).get_cache_key(image)
    }


def renditions_for(
    image: MuseumImage, preset: ImagePreset, image_format: ImageFormat
) -> dict[int, Found]:
    """The preset's widths that can be answered now, made within the request's budget;
    the preset's own width always has an answer (a stand-in when it is missing)."""
    wanted = preset_specs(preset, image_format, image.width)
    existing = _existing(image)
    missing = [w for w, spec in wanted.items() if spec not in existing]
    allowed = _take(len(missing))
    made = _make(image, [wanted[w] for w in missing[:allowed]]) if allowed else {}
    if len(made) < len(missing):
        queue(image.pk)
    found: dict[int, Found] = {}
    for width, spec in wanted.items():
        rendition = existing.get(spec) or made.get(spec)
        if rendition is not None:
            found[width] = Found(rendition.url, rendition.width, rendition.height)
    main = preset.value.width
    if main not in found:
        found = {main: _stand_in(image, preset, image_format, existing)}
    return found


def _make(image: MuseumImage, specs: list[str]) -> dict[str, object]:
    try:
        made = image.create_renditions(*(BoundedFilter(spec) for spec in specs))
    except SourceTooLarge:
        return {}
    except Exception:  # an unreadable file: answer a stand-in, never a 500
        log.exception("Could not make renditions %s of image %s", specs, image.pk)
        return {}
    for rendition in made.values():
        image._add_to_prefetched_renditions(rendition)
    return {filter.spec: rendition for filter, rendition in made.items()}


def _stand_in(
    image: MuseumImage,
    preset: ImagePreset,
    image_format: ImageFormat,
    existing: dict[str, object],
) -> Found:
    """The existing rendition closest to what was asked, else the original file."""

    def distance(spec: str) -> tuple:
        other_preset, other_format, width = _SPECS[spec]
        return (
            other_preset is not preset,
            other_format is not image_format,
            abs(width - preset.value.width),
        )

    candidates = [spec for spec in existing if spec in _SPECS]
    if candidates:
        rendition = existing[min(candidates, key=distance)]
        return Found(rendition.url, rendition.width, rendition.height)
    return Found(image.file.url, image.width, image.height)


def queue(image_id: int) -> None:
    """Ask the background job for the image's prepared renditions, once while queued.

    Not with the immediate backend: it would make them in this very request.
    """
    from django_tasks.backends.immediate import ImmediateBackend

    from museum_site.tasks import prepare_renditions_task

    if isinstance(prepare_renditions_task.get_backend(), ImmediateBackend):
        return
    if cache.add(QUEUED_KEY.format(image_id), True, QUEUED_SECONDS):
        transaction.on_commit(lambda: prepare_renditions_task.enqueue(image_id))


def queue_after_commit(image_ids: Iterable[int]) -> None:
    """For publishing and saving: the job runs after the commit (with the immediate
    backend in the editor's request, as the tiler does)."""
    from museum_site.tasks import prepare_renditions_task

    for image_id in sorted(set(image_ids)):
        transaction.on_commit(lambda image_id=image_id: prepare_renditions_task.enqueue(image_id))


def prepare_renditions(image_id: int) -> int:
    """Make the image's missing prepared renditions; answers how many were made."""
    cache.delete(QUEUED_KEY.format(image_id))
    image = MuseumImage.objects.filter(pk=image_id).first()
    if image is None:
        return 0
    specs = sorted(prepared_specs(image))
    existing = _existing(image)
    missing = [spec for spec in specs if spec not in existing]
    made = 0
    # One at a time: each decodes its source once, and a worker holds one at most.
    for spec in missing:
        try:
            image.create_rendition(BoundedFilter(spec))
        except SourceTooLarge:
            log.warning("Image %s is above the rendition pixel limit; not rendered", image_id)
            break
        made += 1
    if made:
        # Pages and API answers drawn meanwhile carry a stand-in (often the original
        # file) and are cached under the content version: let them be drawn again.
        from museum_site.graphql.response_cache import bump_content_version

        bump_content_version()
    return made


def prepare_all() -> tuple[int, int]:
    """The prepared renditions of every image that public content uses: after content
    arrived without the publish signals (the demo loader, an import). Answers (images,
    renditions made)."""
    from museum_site.public_media import public_images

    image_ids = list(public_images().order_by("pk").values_list("pk", flat=True))
    return len(image_ids), sum(prepare_renditions(image_id) for image_id in image_ids)


def _image_ids_in(instance) -> set[int]:
    """Images the instance refers to (fields, child rows, StreamField blocks, rich text),
    read from the instance itself: the reference index may still be queued."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    image_type = ContentType.objects.get_for_model(MuseumImage).pk
    return {
        int(object_id)
        for content_type_id, object_id, *_ in ReferenceIndex._extract_references_from_object(
            instance
        )
        if content_type_id == image_type and str(object_id).isdigit()
    }


@receiver(page_published)
@receiver(published)
def _prepare_published(sender, instance, **kwargs) -> None:
    queue_after_commit(_image_ids_in(instance))


@receiver(post_save, sender=MuseumImage)
def _prepare_saved_image(sender, instance: MuseumImage, raw: bool = False, **kwargs) -> None:
    """A new file or focal point for an image that published content uses."""
    if raw or kwargs.get("created"):
        return
    from museum_site.public_media import public_images

    if public_images().filter(pk=instance.pk).exists():
        queue_after_commit([instance.pk])
