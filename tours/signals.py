"""Publishing a tour queues the tiling of its panoramas; a replaced panorama file is
re-tiled; new tiles refresh cached answers."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.signals import page_published

from museum_site.graphql.response_cache import bump_content_version
from tours.models import PanoramaTiles, TourPage
from tours.services import request_tiles, retile_if_replaced


@receiver(page_published, sender=TourPage)
def tile_published_tour(sender, instance: TourPage, **kwargs) -> None:
    request_tiles({scene.panorama_id for scene in instance.scenes.all()})


@receiver(post_save, sender=get_image_model())
def retile_replaced_panorama(sender, instance, created: bool, update_fields=None, **kwargs) -> None:
    """An editor may upload a new file for an image a tour already shows."""
    if created or (update_fields is not None and not {"file", "file_hash"} & set(update_fields)):
        return
    retile_if_replaced(instance)


@receiver(post_save, sender=PanoramaTiles)
@receiver(post_delete, sender=PanoramaTiles)
def tiles_changed(sender, **kwargs) -> None:
    bump_content_version()
