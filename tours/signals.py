"""Publishing a tour queues the tiling of its panoramas; new tiles refresh cached answers."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from museum_site.graphql.response_cache import bump_content_version
from tours.models import PanoramaTiles, TourPage
from tours.services import request_tiles


@receiver(page_published, sender=TourPage)
def tile_published_tour(sender, instance: TourPage, **kwargs) -> None:
    request_tiles({scene.panorama_id for scene in instance.scenes.all()})


@receiver(post_save, sender=PanoramaTiles)
@receiver(post_delete, sender=PanoramaTiles)
def tiles_changed(sender, **kwargs) -> None:
    bump_content_version()
