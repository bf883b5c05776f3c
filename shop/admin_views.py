"""Staff actions on an order in the Wagtail admin: hand over (fulfil) and refund.

They call shop/services/orders.py like the API does, so the admin gets the same locks,
the same Stripe idempotency keys and the same order history as everything else.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from shop.graphql.errors import PayloadError
from shop.models import Order
from shop.services import orders


class FulfilForm(forms.Form):
    confirm = forms.BooleanField(label=_("The goods were handed over or posted"))


class RefundForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (€)"), max_digits=10, decimal_places=2, min_value=Decimal("0.01")
    )
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


def _act(request: HttpRequest, pk: int, form_class, title, perform) -> HttpResponse:
    order = get_object_or_404(Order, pk=pk)
    initial = {"amount": order.refundable} if form_class is RefundForm else {}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            perform(order, form.cleaned_data)
        except PayloadError as error:
            messages.error(request, error.message)
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
        lambda order, data: orders.fulfil(order.pk, user=request.user),
    )


@permission_required("shop.change_order", raise_exception=True)
def refund(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        RefundForm,
        _("Refund"),
        lambda order, data: orders.refund(
            order.pk, data["amount"], data["reason"], user=request.user
        ),
    )
