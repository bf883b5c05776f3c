from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import MuseumViewSet
from .models import Museum
from .permissions import MuseumPermissionPolicy, may_use

register_permission_policy(Museum, MuseumPermissionPolicy(Museum), exact_class=True)


@hooks.register("register_admin_viewset")
def register_museums() -> MuseumViewSet:
    return MuseumViewSet("museums")


@hooks.register("register_schema_query")
def add_museum_queries(query_mixins: list) -> None:
    from .graphql import MuseumQuery

    query_mixins.append(MuseumQuery)


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    """The page chooser lists and finds only the pages of the user's museums."""
    from .choosers import pages_choosable

    return pages_choosable(request.user, pages)


@hooks.register("before_edit_snippet")
def refuse_another_museums_row(request, instance):
    """The backstop for every snippet with a `museum`: editing another museum's row is
    refused whatever view or policy led there."""
    if not may_use(request.user, instance):
        raise PermissionDenied


@hooks.register("before_delete_snippet")
def refuse_deleting_another_museums_rows(request, instances):
    if not all(may_use(request.user, instance) for instance in instances):
        raise PermissionDenied


@hooks.register("vitrine_load_demo", order=100)
def load_demo_museums(stdout) -> None:
    """After the first museum's own demo (shop, tours, visits): two more museums."""
    from .demo import load_demo_museums

    load_demo_museums(stdout)
