"""The slots of a museum in the Wagtail admin: a week calendar with sold and checked-in
counts, a slot's page (change its capacity, close it: refund its tickets or move them to
another slot) and the attendance export (CSV, XLSX).

Scoped like the rest of the admin: the museum is the admin host's
(`staff_museum`: only staff of that museum see it); a slot of
another museum answers 404. Viewing needs `view_timeslot`, changing `change_timeslot`.
"""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from museum_site.museums.permissions import staff_museum
from shop import spreadsheets
from shop.tickets import attendance, slot_changes
from shop.tickets.models import TimeSlot

VIEW = "shop_tickets.view_timeslot"
CHANGE = "shop_tickets.change_timeslot"
DAYS_SHOWN = 7


def _language() -> str:
    return (translation.get_language() or "nl")[:2]


def _monday(value: str | None) -> date:
    try:
        day = date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        day = timezone.localdate()
    return day - timedelta(days=day.weekday())


@permission_required(VIEW, raise_exception=True)
def calendar(request: HttpRequest) -> TemplateResponse:
    museum = staff_museum(request)
    first = _monday(request.GET.get("week"))
    last = first + timedelta(days=DAYS_SHOWN - 1)
    by_day: dict[date, list] = {first + timedelta(days=n): [] for n in range(DAYS_SHOWN)}
    language = _language()
    for row in attendance.slots(museum.pk, first, last):
        row.slot.offer.display_name = row.slot.offer.translated("name", language)
        by_day[row.day].append(row)
    return TemplateResponse(
        request,
        "tickets/admin/calendar.html",
        {
            "museum": museum,
            "days": list(by_day.items()),
            "previous": (first - timedelta(days=7)).isoformat(),
            "next": (first + timedelta(days=7)).isoformat(),
            "first": first,
            "last": last,
            "may_change": request.user.has_perm(CHANGE),
            "export_form": ExportForm(initial={"start": first, "end": last, "format": "csv"}),
        },
    )


def _target_label(other: TimeSlot) -> str:
    """A slot to move tickets to, as staff choose it: its time and the places left."""
    left = other.capacity - other.sold
    places = ngettext("%(count)s place left", "%(count)s places left", left) % {"count": left}
    return f"{timezone.localtime(other.starts_at):%d/%m/%Y %H:%M} ({places})"


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(label=gettext_lazy("Places"), min_value=0)


class CloseForm(forms.Form):
    REFUND, MOVE = "refund", "move"
    what = forms.ChoiceField(
        label=gettext_lazy("Its tickets"),
        choices=[
            (REFUND, gettext_lazy("Cancel and refund them, and e-mail the buyers")),
            (MOVE, gettext_lazy("Move them to another slot, and e-mail the buyers")),
        ],
        widget=forms.RadioSelect,
        initial=REFUND,
    )
    target = forms.ModelChoiceField(
        label=gettext_lazy("Other slot"), queryset=TimeSlot.objects.none(), required=False
    )

    def __init__(self, *args, slot: TimeSlot, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Open slots of the same offer in the coming three months (a choice list,
        # not the whole calendar).
        now = timezone.now()
        self.fields["target"].queryset = (
            TimeSlot.objects.filter(
                offer_id=slot.offer_id,
                status=TimeSlot.Status.OPEN,
                starts_at__gt=now,
                starts_at__lt=now + timedelta(days=92),
            )
            .exclude(pk=slot.pk)
            .order_by("starts_at")
        )
        self.fields["target"].label_from_instance = _target_label

    def clean(self):
        data = super().clean()
        if data.get("what") == self.MOVE and not data.get("target"):
            self.add_error("target", _("Choose the slot to move the tickets to."))
        return data


def _slot(request: HttpRequest, pk: int) -> TimeSlot:
    museum = staff_museum(request)
    slot = TimeSlot.objects.select_related("offer").filter(pk=pk, museum=museum).first()
    if slot is None:
        raise Http404
    return slot


@permission_required(VIEW, raise_exception=True)
@require_http_methods(["GET", "POST"])
def slot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    slot = _slot(request, pk)
    capacity_form = CapacityForm(initial={"capacity": slot.capacity})
    close_form = CloseForm(slot=slot)
    if request.method == "POST":
        if not request.user.has_perm(CHANGE):
            raise PermissionDenied
        try:
            if "capacity" in request.POST:
                capacity_form = CapacityForm(request.POST)
                if capacity_form.is_valid():
                    slot_changes.set_capacity(slot.pk, capacity_form.cleaned_data["capacity"])
                    messages.success(request, _("The capacity is changed."))
                    return redirect("ticket_slot", pk=slot.pk)
            else:
                close_form = CloseForm(request.POST, slot=slot)
                # A closed slot whose refunds partly failed may be closed again (refund).
                if close_form.is_valid() and (
                    slot.status == TimeSlot.Status.OPEN
                    or close_form.cleaned_data["what"] == CloseForm.REFUND
                ):
                    data = close_form.cleaned_data
                    if data["what"] == CloseForm.MOVE:
                        done = slot_changes.close_and_move(slot.pk, data["target"].pk)
                        messages.success(
                            request,
                            _("The slot is closed; %(count)s tickets moved.")
                            % {"count": done.moved},
                        )
                    else:
                        done = slot_changes.close_and_refund(slot.pk, request.user)
                        messages.success(
                            request,
                            _("The slot is closed; %(count)s orders refunded.")
                            % {"count": len(done.refunded)},
                        )
                        if done.failed:
                            messages.warning(
                                request,
                                _(
                                    "%(count)s orders could not be refunded and keep their "
                                    "tickets; close the slot again to retry."
                                )
                                % {"count": len(done.failed)},
                            )
                    return redirect("ticket_slot", pk=slot.pk)
        except slot_changes.SlotChangeError as error:
            form = capacity_form if "capacity" in request.POST else close_form
            form.add_error(error.field or None, error.message)
    counts = attendance.slots(
        slot.museum_id,
        timezone.localtime(slot.starts_at).date(),
        timezone.localtime(slot.starts_at).date(),
    )
    return TemplateResponse(
        request,
        "tickets/admin/slot.html",
        {
            "slot": slot,
            "slot_title": f"{slot.offer.translated('name', _language())} "
            f"{timezone.localtime(slot.starts_at):%d/%m/%Y %H:%M}",
            "count": next(row for row in counts if row.slot.pk == slot.pk),
            "capacity_form": capacity_form,
            "close_form": close_form,
            "may_change": request.user.has_perm(CHANGE),
            "calendar_url": reverse("ticket_calendar")
            + f"?week={timezone.localtime(slot.starts_at).date().isoformat()}",
        },
    )


class ExportForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("To (included)"), widget=forms.DateInput(attrs={"type": "date"})
    )
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=spreadsheets.FORMATS)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start comes after the end."))
        if start and end and (end - start).days >= attendance.MAX_DAYS:
            raise forms.ValidationError(_("At most a year at once."))
        return data


@permission_required(VIEW, raise_exception=True)
def export(request: HttpRequest) -> HttpResponse:
    museum = staff_museum(request)
    form = ExportForm(request.GET or None)
    if not form.is_valid():
        return TemplateResponse(
            request, "tickets/admin/export.html", {"form": form}, status=400 if request.GET else 200
        )
    data = form.cleaned_data
    rows = attendance.table(attendance.slots(museum.pk, data["start"], data["end"]), _language())
    name = f"attendance-{museum.slug}-{data['start']}-{data['end']}"
    return spreadsheets.download(rows, name, data["format"], _("Attendance"))
