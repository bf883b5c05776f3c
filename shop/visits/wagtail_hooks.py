from wagtail import hooks


@hooks.register("register_schema_query")
def add_visit_queries(query_mixins: list) -> None:
    from shop.visits.graphql.queries import VisitQuery

    query_mixins.append(VisitQuery)


@hooks.register("register_schema_mutation")
def add_visit_mutations(mutation_mixins: list) -> None:
    from shop.visits.graphql.mutations import VisitMutations

    mutation_mixins.append(VisitMutations)
