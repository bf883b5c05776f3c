"""Who is asking: the customer of the JWT in the request's headers, or nobody.

@saleor/sdk sends the access token as `authorization-bearer: <token>` (src/apollo/
client.ts); other clients send `Authorization: Bearer <token>`. The endpoint is
CSRF-exempt because it authenticates by header only, so `request.user` is set from the
token alone, never from a session cookie: a Wagtail editor's session must not make
GraphQL answers personal to them.

The token is checked lazily, when a resolver asks for the user. A request that carries
an expired or revoked token can therefore still call `tokenCreate` or `tokenRefresh`
(the SDK sends its old token along with both); only fields that need the customer fail,
with Saleor's error shape, `extensions.exception.code`: the SDK refreshes and retries
on `ExpiredSignatureError`.
"""

from __future__ import annotations

from functools import cached_property

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from graphql import GraphQLError

from shop.accounts import services, tokens


def token_from_headers(request: HttpRequest) -> str | None:
    token = request.META.get("HTTP_AUTHORIZATION_BEARER", "").strip()
    if token:
        return token
    scheme, _, credentials = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    return None


class RequestCustomer:
    """The outcome of checking one request's token, worked out once on first use."""

    def __init__(self, request: HttpRequest) -> None:
        self.token = token_from_headers(request)

    @cached_property
    def _outcome(self) -> AbstractUser | tokens.TokenProblem | None:
        if self.token is None:
            return None
        try:
            _payload, user = services.user_for_token(self.token, tokens.ACCESS)
        except tokens.TokenProblem as problem:
            return problem
        return user

    def user_or_anonymous(self) -> AbstractUser | AnonymousUser:
        outcome = self._outcome
        return outcome if isinstance(outcome, AbstractUser) else AnonymousUser()

    def user(self) -> AbstractUser | None:
        """The customer, None without a token; a bad token is a GraphQL error."""
        outcome = self._outcome
        if isinstance(outcome, tokens.TokenProblem):
            raise GraphQLError(
                outcome.message, extensions={"exception": {"code": outcome.exception}}
            )
        return outcome


def request_customer(request: HttpRequest) -> RequestCustomer:
    auth = getattr(request, "customer_auth", None)
    if auth is None:
        auth = request.customer_auth = RequestCustomer(request)
    return auth


class TokenAuthenticationMiddleware:
    """Graphene middleware (settings.GRAPHENE["MIDDLEWARE"]): replaces the session's
    `request.user` with the token's customer (or AnonymousUser) before the first
    resolver runs, for every resolver that reads `info.context.user`.

    The account fields do not depend on it: they ask `current_customer(info)`."""

    def resolve(self, next_, root, info, **args):
        request = info.context
        if getattr(request, "customer_auth", None) is None:
            request.user = SimpleLazyObject(request_customer(request).user_or_anonymous)
        return next_(root, info, **args)


def current_customer(info) -> AbstractUser | None:
    """The signed-in customer, or None; raises the token's error if it was refused."""
    return request_customer(info.context).user()


def signed_in_customer(info) -> AbstractUser:
    """The signed-in customer; without one, Saleor's PermissionDenied error."""
    user = current_customer(info)
    if user is None:
        raise GraphQLError(
            "You need to be signed in to do this.",
            extensions={"exception": {"code": "PermissionDenied"}},
        )
    return user
