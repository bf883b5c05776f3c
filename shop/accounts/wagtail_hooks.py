"""The account API's place in the GraphQL schema grapple assembles from these hooks, the
visitors' lists in the admin (shop.accounts.admin_views) and the group's contact register
(shop.accounts.contact_views)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
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


@hooks.register("register_admin_urls")
def contact_register_urls() -> list:
    from shop.accounts import contact_views

    return [
        path("contacts/", contact_views.contact_list, name="shop_contacts"),
        path("contacts/person/", contact_views.contact_detail, name="shop_contact"),
    ]


class ContactsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        from shop.accounts.contact_views import PERMISSION

        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def contacts_menu_item() -> MenuItem:
    return ContactsMenuItem(_("Contacts"), reverse("shop_contacts"), icon_name="group", order=231)
