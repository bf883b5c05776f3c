"""`Checkout.problems`: the one statement of readiness, as checkoutPaymentCreate would
refuse, so the frontend need not re-derive it (its copy missed an inactive method)."""

from __future__ import annotations

import pytest

from shop.models import ShippingMethod
from tests.shop import builders

pytestmark = pytest.mark.django_db

PROBLEMS = """query($token: UUID!) { checkout(token: $token) { problems { field code } } }"""


def test_problems_name_what_is_missing_and_vanish_when_ready(graphql, new_checkout):
    builders.product(variants=[builders.variant("POSTER")])
    token = new_checkout(("POSTER", 1))

    problems = graphql(PROBLEMS, {"token": token})["data"]["checkout"]["problems"]
    assert {problem["code"] for problem in problems} == {
        "EMAIL_NOT_SET",
        "BILLING_ADDRESS_NOT_SET",
        "SHIPPING_METHOD_NOT_SET",
    }

    ready = builders.ready_checkout(("POSTER", 1))
    assert graphql(PROBLEMS, {"token": str(ready.token)})["data"]["checkout"]["problems"] == []

    ShippingMethod.objects.update(active=False)  # the chosen method was switched off
    problems = graphql(PROBLEMS, {"token": str(ready.token)})["data"]["checkout"]["problems"]
    assert problems == [{"field": "deliveryMethodId", "code": "SHIPPING_METHOD_NOT_SET"}]
