"""Every Wagtail site is a museum from the moment it exists."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Site

from .models import Museum


@receiver(post_save, sender=Site, dispatch_uid="museums.site_is_a_museum")
def site_is_a_museum(sender, instance: Site, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        Museum.for_site(instance)
