"""Staff actions on an order in the Wagtail admin: hand over (fulfil), refund, and the
steps of a return (approve or decline, receive, refund).

They call shop/services/orders.py like the API does, so the admin gets the same locks,
the same Stripe idempotency keys and the same order history as everything else.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from museum_site.museums.permissions import scope_queryset
from shop import spreadsheets
from shop.models import Order, ReturnRequest
from shop.services import orders, returns
from shop.services.errors import PayloadError


class FulfilForm(forms.Form):
    """Everything not fulfilled yet, posted with a carrier and tracking number or ready
    for pick-up at the desk."""

    confirm = forms.BooleanField(label=_("The goods were handed over or posted"))
    ready_for_pickup = forms.BooleanField(label=_("Ready for pick-up at the desk"), required=False)
    carrier = forms.CharField(label=_("Carrier"), max_length=100, required=False)
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=100, required=False)
    tracking_url = forms.URLField(
        label=_("Tracking link"), max_length=500, required=False, assume_scheme="https"
    )


class RefundForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (€)"), max_digits=10, decimal_places=2, min_value=Decimal("0.01")
    )
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)
    # Drawn when the form is shown: the same form sent twice (a double click, the back
    # button) is one refund at Stripe and in the order (orders.request_refund).
    key = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, order: Order, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault("key", f"admin-{uuid.uuid4().hex}")
        super().__init__(*args, **kwargs)
        self.order = order

    def clean_key(self) -> str:
        key = self.cleaned_data["key"]
        if key and (not key.startswith("admin-") or not key[6:].isalnum()):
            raise forms.ValidationError(_("Open the form again."), code="invalid")
        return key

    def clean_amount(self) -> Decimal:
        """The service refuses the same amounts, but in English for the API; the editor
        is told here, in the admin's language, before Stripe is asked."""
        amount = self.cleaned_data["amount"]
        if amount > self.order.refundable:
            raise forms.ValidationError(
                _("Refund between € 0.01 and € %(refundable)s."),
                code="max_value",
                params={"refundable": number_format(self.order.refundable, 2)},
            )
        return amount


def _refusal(error: PayloadError, order: Order) -> str:
    """The service's messages are the API's (English, for visitors). A refused status
    change is said again in the admin's language; anything else (a payment provider's
    answer) is shown as it came."""
    if error.field == "status":
        order.refresh_from_db(fields=["status"])
        return _("This order can no longer be changed this way: it is %(status)s.") % {
            "status": order.get_status_display().lower()
        }
    if error.message == orders.REFUND_UNDER_WAY:
        return _(
            "Another refund of this order is being made at this moment: look at the order "
            "again in a moment before refunding more."
        )
    if error.field == "payment":
        return _(
            "This order was not paid by card through the shop, so the shop cannot refund "
            "it: give the money back another way."
        )
    return error.message


def _act(request: HttpRequest, pk: int, form_class, title, perform) -> HttpResponse:
    # Staff of one museum never reach another museum's order (museums_of).
    order = get_object_or_404(scope_queryset(request.user, Order.objects.all()), pk=pk)
    if form_class is RefundForm:
        form = RefundForm(request.POST or None, initial={"amount": order.refundable}, order=order)
    else:
        form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            perform(order, form.cleaned_data)
        except PayloadError as error:
            messages.error(request, _refusal(error, order))
        else:
            messages.success(request, _("Order %(order)s: done.") % {"order": order})
            return redirect("wagtailsnippets_shop_order:list")
    return TemplateResponse(
        request, "shop/admin/order_action.html", {"order": order, "form": form, "title": title}
    )


@permission_required("shop.change_order", raise_exception=True)
def fulfil(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        FulfilForm,
        _("Mark fulfilled"),
        lambda order, data: orders.fulfil(
            order.pk,
            user=request.user,
            carrier=data.get("carrier", ""),
            tracking_number=data.get("tracking_number", ""),
            tracking_url=data.get("tracking_url", ""),
            ready_for_pickup=data.get("ready_for_pickup", False),
        ),
    )


@permission_required("shop.change_order", raise_exception=True)
def refund(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        RefundForm,
        _("Refund"),
        lambda order, data: orders.refund(
            order.pk, data["amount"], data["reason"], user=request.user, key=data["key"] or None
        ),
    )


class AccountingExportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To (included)"), widget=forms.DateInput(attrs={"type": "date"}))
    format = forms.ChoiceField(label=_("Format"), choices=spreadsheets.FORMATS)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start comes after the end."))
        return data


@permission_required("shop.view_order", raise_exception=True)
def accounting_export(request: HttpRequest) -> HttpResponse:
    """Invoices and credit notes of the museum in a date range, for the accountant."""
    from museum_site.museums.permissions import staff_museum
    from shop.services import accounting

    form = AccountingExportForm(request.GET or None)
    if request.GET and form.is_valid():
        data = form.cleaned_data
        table = accounting.rows(staff_museum(request), data["start"], data["end"])
        name = f"vat-{data['start']}-{data['end']}"
        return spreadsheets.download(table, name, data["format"], "VAT")
    return TemplateResponse(
        request,
        "shop/admin/order_action.html",
        {"order": None, "form": form, "title": _("Accounting export"), "method": "get"},
    )


# --- Returns: approve or decline, receive (back in stock or not), refund through Stripe ---


class ReturnDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve the return")), ("decline", _("Decline the return"))],
        widget=forms.RadioSelect,
    )


class ReturnReceiveForm(forms.Form):
    confirm = forms.BooleanField(label=_("The returned goods arrived at the museum"))
    restock = forms.BooleanField(
        label=_("Put the goods back in stock (not when they came back damaged)"), required=False
    )


class ReturnRefundForm(forms.Form):
    include_shipping = forms.BooleanField(label=_("Refund the delivery cost too"), required=False)
    amount = forms.DecimalField(
        label=_("Amount (€)"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
        help_text=_("Leave empty to refund the returned goods (and the delivery, if ticked)."),
    )

    def __init__(self, *args, order: Order, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.order = order

    def clean_amount(self) -> Decimal | None:
        amount = self.cleaned_data["amount"]
        if amount is not None and amount > self.order.refundable:
            raise forms.ValidationError(
                _("Refund between € 0.01 and € %(refundable)s."),
                code="max_value",
                params={"refundable": number_format(self.order.refundable, 2)},
            )
        return amount


def _return_refusal(error: PayloadError, request_row: ReturnRequest) -> str:
    if error.field == "status":
        request_row.refresh_from_db(fields=["status"])
        return _("This return can no longer be changed this way: it is %(status)s.") % {
            "status": request_row.get_status_display().lower()
        }
    return error.message


def _act_on_return(request: HttpRequest, pk: int, form, title, perform) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            perform(form.cleaned_data)
        except PayloadError as error:
            messages.error(request, _return_refusal(error, form.return_request))
        else:
            messages.success(
                request, _("Return %(return)s: done.") % {"return": form.return_request}
            )
            return redirect("wagtailsnippets_shop_returnrequest:list")
    return TemplateResponse(
        request,
        "shop/admin/return_action.html",
        {"return_request": form.return_request, "form": form, "title": title},
    )


def _scoped_return(request: HttpRequest, pk: int) -> ReturnRequest:
    # Staff of one museum never reach another museum's returns (museums_of).
    return get_object_or_404(
        scope_queryset(request.user, ReturnRequest.objects.select_related("order")), pk=pk
    )


@permission_required("shop.change_order", raise_exception=True)
def return_decide(request: HttpRequest, pk: int) -> HttpResponse:
    row = _scoped_return(request, pk)
    form = ReturnDecisionForm(request.POST or None)
    form.return_request = row

    def perform(data):
        if data["decision"] == "approve":
            returns.approve(row.pk, user=request.user)
        else:
            returns.decline(row.pk, user=request.user)

    return _act_on_return(request, pk, form, _("Approve or decline"), perform)


@permission_required("shop.change_order", raise_exception=True)
def return_receive(request: HttpRequest, pk: int) -> HttpResponse:
    row = _scoped_return(request, pk)
    form = ReturnReceiveForm(request.POST or None, initial={"restock": True})
    form.return_request = row
    return _act_on_return(
        request,
        pk,
        form,
        _("Mark received"),
        lambda data: returns.receive(row.pk, restock=data["restock"], user=request.user),
    )


@permission_required("shop.change_order", raise_exception=True)
def return_refund(request: HttpRequest, pk: int) -> HttpResponse:
    row = _scoped_return(request, pk)
    form = ReturnRefundForm(request.POST or None, order=row.order)
    form.return_request = row
    return _act_on_return(
        request,
        pk,
        form,
        _("Refund"),
        lambda data: returns.refund(
            row.pk,
            amount=data["amount"],
            include_shipping=data["include_shipping"],
            user=request.user,
        ),
    )
