"""The admin's proxy to the Termennetwerk: the lookup widget asks these views, which
ask the API through the caching client (services), so the browser never talks to the
API itself and every editor shares one cache."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from museum_site.models import Term
from museum_site.termennetwerk import services

MAX_QUERY_LENGTH = 200


def _may_edit_terms(user) -> bool:
    return user.has_perm("museum_site.add_term") or user.has_perm("museum_site.change_term")


def _refused() -> JsonResponse:
    return JsonResponse(
        {"status": "forbidden", "message": _("You may not edit terms.")}, status=403
    )


def _unavailable() -> JsonResponse:
    # 200: the widget shows the message; the form works without the lookup.
    return JsonResponse(
        {
            "status": "unavailable",
            "message": _(
                "The Termennetwerk cannot be reached right now: fill in the labels and "
                "the authority URI by hand."
            ),
        }
    )


def search(request: HttpRequest) -> JsonResponse:
    if not _may_edit_terms(request.user):
        return _refused()
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    kind = request.GET.get("kind", "")
    if kind not in Term.Kind.values:
        return JsonResponse(
            {"status": "invalid", "message": _("Choose the kind of term first.")}, status=400
        )
    try:
        answers = services.search(query, kind)
    except services.TermennetwerkUnavailable:
        return _unavailable()
    language = (translation.get_language() or "nl")[:2]
    preferred = (language, *services.languages())
    return JsonResponse(
        {
            "status": "ok",
            "sources": [
                {
                    "uri": answer.uri,
                    "name": answer.name,
                    "answered": answer.answered,
                    "message": ""
                    if answer.answered
                    else _("Source %(name)s did not answer.") % {"name": answer.name},
                    "terms": [term.as_dict(preferred) for term in answer.terms],
                }
                for answer in answers
            ],
        }
    )


def lookup(request: HttpRequest) -> JsonResponse:
    if not _may_edit_terms(request.user):
        return _refused()
    uri = request.GET.get("uri", "")
    if not uri.startswith(("http://", "https://")) or len(uri) > 500:
        return JsonResponse(
            {"status": "invalid", "message": _("That is not a term URI.")}, status=400
        )
    try:
        found = services.lookup(uri)
    except services.TermennetwerkUnavailable:
        return _unavailable()
    if found is None:
        return JsonResponse(
            {"status": "not_found", "message": _("The authority does not know this term.")},
            status=404,
        )
    language = (translation.get_language() or "nl")[:2]
    return JsonResponse(
        {
            "status": "ok",
            "term": found.as_dict((language, *services.languages())),
            "broader_term": _broader_term(found),
        }
    )


def _broader_term(found: services.FoundTerm) -> dict | None:
    """Our own term for the authority's broader concept (the first the authority names
    that we hold, by its authority URI), as the editor's broader-term chooser shows it;
    None when we hold none of them (the editor may add it first)."""
    uris = [related["uri"] for related in found.broader]
    if not uris:
        return None
    ours = {term.authority_uri: term for term in Term.objects.filter(authority_uri__in=uris)}
    term = next((ours[uri] for uri in uris if uri in ours), None)
    if term is None:
        return None
    return {
        "id": term.pk,
        "string": str(term),
        "edit_url": reverse("wagtailsnippets_museum_site_term:edit", args=[term.pk]),
    }
