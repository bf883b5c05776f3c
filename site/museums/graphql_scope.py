"""The GraphQL `museum` argument: one middleware reads it off every root field.

Museum-scoped root fields declare `museum: String` (`museum_argument()`); the middleware
takes it out of the arguments before the resolver runs, so resolvers stay as they are and
ask `museum_for_field(info)`. grapple's own `page` and `pages` fields, asked with
`inSite: true`, answer within the museum's site, whatever site the host names.
"""

from __future__ import annotations

import graphene
from graphql import GraphQLError

from .current import UnknownMuseum, museum_for_field, museum_for_request, remember_for_field

ARGUMENT = "museum"
# grapple's fields that take a site: answered within the museum's site only.
SITE_SCOPED_GRAPPLE_FIELDS = {"page", "pages"}


def museum_argument() -> graphene.Argument:
    return graphene.Argument(
        graphene.String,
        description=(
            "The museum (its slug) to answer for; the one the request's host (or "
            "`X-Museum` header) names when left out."
        ),
    )


class MuseumScopeMiddleware:
    def resolve(self, next_, root, info, **args):
        if info.path.prev is not None:
            return next_(root, info, **args)
        try:
            if ARGUMENT in args:
                slug = args.pop(ARGUMENT)
                if slug:
                    remember_for_field(
                        info.context, info.path.key, museum_for_request(info.context, slug)
                    )
            museum = museum_for_field(info)
        except UnknownMuseum as error:
            raise GraphQLError(str(error), extensions={"code": "UNKNOWN_MUSEUM"}) from None
        # Only when asked (`inSite: true`): grapple's site filter knows the site's own
        # tree, not its translations' sibling trees, so scoping every call would drop the
        # pages of every language but the default (the frontend reads legal pages of all
        # languages through `pages`). Scoping these across translations is left to do.
        if info.field_name in SITE_SCOPED_GRAPPLE_FIELDS and args.get("in_site"):
            site = museum.site
            args.pop("in_site", None)
            args["site"] = f"{site.hostname}:{site.port}"
        return next_(root, info, **args)
