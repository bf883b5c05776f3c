"""Every Wagtail site is a museum from the moment it exists; a changed museum or site is
read again by every process (museum_site.museums.current)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from .current import forget_museums
from .models import Museum


@receiver(post_save, sender=Site, dispatch_uid="museums.site_is_a_museum")
def site_is_a_museum(sender, instance: Site, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        Museum.for_site(instance)


@receiver(post_save, sender=Site, dispatch_uid="museums.forget_site_saved")
@receiver(post_delete, sender=Site, dispatch_uid="museums.forget_site_deleted")
@receiver(post_save, sender=Museum, dispatch_uid="museums.forget_museum_saved")
@receiver(post_delete, sender=Museum, dispatch_uid="museums.forget_museum_deleted")
def forget_cached_museums(sender, **kwargs) -> None:
    """The cached museum of each host and slug is read again: now, and once more after
    commit, so a request that cached the old row meanwhile does not keep it."""
    forget_museums()
    transaction.on_commit(forget_museums)
