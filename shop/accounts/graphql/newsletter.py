"""GraphQL of the newsletter double opt-in (shop.accounts.newsletter):
`newsletterSubscribe` mails the confirmation link, `newsletterConfirm` and
`newsletterUnsubscribe` take the tokens of the e-mailed links.
"""

from __future__ import annotations

import graphene

from museum_site.museums.current import museum_for_field
from shop.accounts import newsletter, rate_limits
from shop.accounts.error_codes import NewsletterErrorCode
from shop.accounts.graphql.mutations import PayloadMutation
from shop.accounts.models import NewsletterSubscription as SubscriptionModel
from shop.graphql.errors import error_type

NewsletterError = error_type("NewsletterError", NewsletterErrorCode)


class NewsletterStatus(graphene.Enum):
    """Where a sign-up stands: nothing is sent before CONFIRMED."""

    PENDING = "PENDING"
    CONFIRMED = "CONFIRMED"
    UNSUBSCRIBED = "UNSUBSCRIBED"


class NewsletterSubscription(graphene.ObjectType):
    """A sign-up, shown only to whoever holds a link mailed to its address."""

    email = graphene.String(required=True)
    language_code = graphene.String(required=True)
    status = NewsletterStatus(required=True)
    policy_version = graphene.String(
        description="The privacy policy version in force when it was confirmed."
    )
    requested_at = graphene.DateTime(required=True)
    confirmed_at = graphene.DateTime()
    unsubscribed_at = graphene.DateTime()

    @staticmethod
    def resolve_status(root: SubscriptionModel, info) -> str:
        return NewsletterStatus.get(root.status)

    @staticmethod
    def resolve_policy_version(root: SubscriptionModel, info) -> str | None:
        return root.policy_version or None


class NewsletterMutation(PayloadMutation):
    error_type = NewsletterError
    errors = graphene.List(graphene.NonNull(NewsletterError), required=True)

    class Meta:
        abstract = True


class NewsletterSubscribe(NewsletterMutation):
    """Ask for the request's museum's newsletter: a confirmation link is mailed; nothing
    is subscribed yet. Each museum of the group has its own newsletter and consent.

    Answers the same for every address, subscribed or not, so it reveals nobody; limited
    per address and per client (RATE_LIMITED), counted alike for every address."""

    class Arguments:
        email = graphene.String(required=True)
        language_code = graphene.String(description="Language of the e-mails and the link's page.")

    @classmethod
    def perform(cls, info, email: str, language_code: str | None = None) -> NewsletterSubscribe:
        with rate_limits.mail_allowed(info.context, email, NewsletterErrorCode.RATE_LIMITED):
            newsletter.subscribe(email, language_code, museum_for_field(info))
        return cls(errors=[])


class NewsletterConfirm(NewsletterMutation):
    """Confirm a sign-up with the token of its e-mailed link (again: no change); the link
    of another museum's newsletter is INVALID here."""

    subscription = graphene.Field(NewsletterSubscription)

    class Arguments:
        token = graphene.String(required=True)

    @classmethod
    def perform(cls, info, token: str) -> NewsletterConfirm:
        return cls(subscription=newsletter.confirm(token, museum_for_field(info)), errors=[])


class NewsletterUnsubscribe(NewsletterMutation):
    """Stop the newsletter with the token of the link every newsletter e-mail carries."""

    subscription = graphene.Field(
        NewsletterSubscription, description="Null if nothing is held for the address."
    )

    class Arguments:
        token = graphene.String(required=True)

    @classmethod
    def perform(cls, info, token: str) -> NewsletterUnsubscribe:
        return cls(subscription=newsletter.unsubscribe(token, museum_for_field(info)), errors=[])


class NewsletterMutations:
    """Mixed into the root Mutation type by the `register_schema_mutation` hook."""

    newsletter_subscribe = NewsletterSubscribe.Field(
        description="Sign up for the newsletter (double opt-in: a link is e-mailed)."
    )
    newsletter_confirm = NewsletterConfirm.Field(description="Confirm a newsletter sign-up.")
    newsletter_unsubscribe = NewsletterUnsubscribe.Field(description="Leave the newsletter.")
