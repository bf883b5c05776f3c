"""Admission in the GraphQL schema grapple assembles from these hooks."""

from wagtail import hooks


@hooks.register("register_schema_query")
def add_ticket_queries(query_mixins: list) -> None:
    from shop.tickets.graphql.queries import TicketQuery

    query_mixins.insert(0, TicketQuery)


@hooks.register("register_schema_mutation")
def add_ticket_mutations(mutation_mixins: list) -> None:
    from shop.tickets.graphql.mutations import TicketMutations

    mutation_mixins.insert(0, TicketMutations)
