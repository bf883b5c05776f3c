"""The admin view beside wagtail-localize's editor: passages whose original changed,
each with its previous translation ready to edit (museum_site.translation_changes)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import Translation

from museum_site.translation_changes import changed_segments, translate_changed_segment


def field_name(segment) -> str:
    return f"segment-{segment.string_id}-{segment.context_id}"


def _editable_target(request: HttpRequest, translation: Translation) -> Page:
    try:
        target = translation.get_target_instance()
    except Exception as error:  # the target was deleted or never made
        raise PermissionDenied from error
    if not isinstance(target, Page) or not target.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return target


def changed_passages(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    target = _editable_target(request, translation)
    segments = changed_segments(translation)
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    if request.method == "POST":
        done = 0
        for segment in segments:
            text = request.POST.get(field_name(segment), "").strip()
            if text:
                translate_changed_segment(translation, segment, text, request.user)
                done += 1
        messages.success(
            request,
            _("Changed passages translated: %(count)s. Publish the translation to show them.")
            % {"count": done},
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "museum_site/admin/changed_passages.html",
        {
            "translation": translation,
            "target": target,
            "edit_url": edit_url,
            "rows": [(segment, field_name(segment)) for segment in segments],
            "page_title": _("Changed passages"),
        },
    )
