from wagtail import hooks

from .admin_views import MuseumViewSet


@hooks.register("register_admin_viewset")
def register_museums() -> MuseumViewSet:
    return MuseumViewSet("museums")
