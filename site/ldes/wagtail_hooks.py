from wagtail import hooks


@hooks.register("register_schema_query")
def add_ldes_queries(query_mixins: list) -> None:
    from .graphql import LdesQuery

    query_mixins.append(LdesQuery)
