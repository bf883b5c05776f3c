from wagtail import hooks


@hooks.register("register_schema_query")
def add_ldes_queries(query_mixins: list) -> None:
    from .graphql import LdesQuery

    query_mixins.append(LdesQuery)


@hooks.register("vitrine_load_demo", order=1000)
def record_demo_members(stdout) -> None:
    """Last of the demo: every museum's content is in. The demo saves its objects live
    rather than through the publish action, so the streams get their first versions
    here (a second load finds them unchanged and writes nothing)."""
    from .services import record_everything

    written = record_everything()
    stdout.write(f"Linked data: {written} new stream members")
