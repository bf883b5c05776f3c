"""The search's GraphQL fields join the one schema."""

from wagtail import hooks


@hooks.register("register_schema_query")
def add_search_queries(query_mixins: list) -> None:
    from search.graphql.queries import SearchQuery

    query_mixins.insert(0, SearchQuery)
