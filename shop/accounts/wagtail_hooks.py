"""The account API's place in the GraphQL schema grapple assembles from these hooks."""

from wagtail import hooks


@hooks.register("register_schema_query")
def add_account_queries(query_mixins: list) -> None:
    from shop.accounts.graphql.queries import AccountQuery

    query_mixins.insert(0, AccountQuery)


@hooks.register("register_schema_mutation")
def add_account_mutations(mutation_mixins: list) -> None:
    from shop.accounts.graphql.mutations import AccountMutations

    mutation_mixins.insert(0, AccountMutations)


@hooks.register("register_schema_mutation", order=1000)
def end_mutations_with_object_type(mutation_mixins: list) -> None:
    """grapple builds `class Mutation(*mixins)` without adding graphene.ObjectType as it
    does for Query. Exactly once and last, whichever apps add mutations and whatever
    their own hooks did (a second copy would be a duplicate base class)."""
    import graphene

    mutation_mixins[:] = [
        mixin for mixin in mutation_mixins if mixin is not graphene.ObjectType
    ] + [graphene.ObjectType]
