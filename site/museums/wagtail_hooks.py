from wagtail import hooks

from .admin_views import MuseumViewSet


@hooks.register("register_admin_viewset")
def register_museums() -> MuseumViewSet:
    return MuseumViewSet("museums")


@hooks.register("register_schema_query")
def add_museum_queries(query_mixins: list) -> None:
    from .graphql import MuseumQuery

    query_mixins.append(MuseumQuery)
