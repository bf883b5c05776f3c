"""The `locale` argument shared by every content query."""

from django.conf import settings
from graphql import GraphQLError


def content_languages() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def resolve_locale(locale: str | None) -> str:
    """A language code the museum publishes in; the site's default when none is given."""
    if locale is None:
        return settings.LANGUAGE_CODE
    code = locale.strip().lower()
    if code not in content_languages():
        raise GraphQLError(
            f"Unknown locale '{locale}'. Use one of: {', '.join(content_languages())}."
        )
    return code


def locale_argument_description() -> str:
    return (
        f"Language code ({', '.join(content_languages())}); "
        f"defaults to the site's language ({settings.LANGUAGE_CODE})."
    )
