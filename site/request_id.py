"""A request id on every request: taken from `X-Request-ID` when a proxy in front set a
sane one, made up otherwise; sent back in the response and written on every log line of
the request (museum_site.observability), so one visitor's trouble can be followed
through the load balancer, the web process and the logs.
"""

from __future__ import annotations

import contextvars
import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# Letters, digits and a few separators: a header from outside never injects anything
# into a log line or a response.
_ACCEPTED = re.compile(r"^[A-Za-z0-9._:@-]{8,128}$")

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "current_request_id", default="-"
)


def request_id_for(incoming: str | None) -> str:
    if incoming and _ACCEPTED.match(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Placed first: every response, probes and errors included, carries the id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request.headers.get(HEADER))
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[HEADER] = request_id
        return response
