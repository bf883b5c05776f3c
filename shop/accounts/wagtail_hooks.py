"""The account API's place in the GraphQL schema grapple assembles from these hooks, and
the visitors' lists in the admin (shop.accounts.admin_views)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from shop.accounts.admin_views import ViewOnlyPermissionPolicy, VisitorsViewSetGroup
from shop.accounts.models import ErasureRecord, NewsletterSubscription

# Before anything asks for these models' policy, or Wagtail makes a default one.
for _model in (NewsletterSubscription, ErasureRecord):
    register_permission_policy(_model, ViewOnlyPermissionPolicy(_model), exact_class=True)


@hooks.register("register_admin_viewset")
def register_visitor_lists() -> VisitorsViewSetGroup:
    return VisitorsViewSetGroup()


@hooks.register("register_schema_query")
def add_account_queries(query_mixins: list) -> None:
    from shop.accounts.graphql.queries import AccountQuery

    query_mixins.insert(0, AccountQuery)


@hooks.register("register_schema_mutation")
def add_account_mutations(mutation_mixins: list) -> None:
    from shop.accounts.graphql.data_requests import DataRequestMutations
    from shop.accounts.graphql.mutations import AccountMutations
    from shop.accounts.graphql.newsletter import NewsletterMutations

    mutation_mixins.insert(0, AccountMutations)
    mutation_mixins.insert(1, DataRequestMutations)
    mutation_mixins.insert(2, NewsletterMutations)
