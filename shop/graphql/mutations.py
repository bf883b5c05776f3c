"""Checkout mutations, Saleor's names and shapes: each payload has the checkout and
`errors { field code message }`. A resolver parses its input, calls one service in
shop/services/checkout.py and shapes the answer; it never writes itself.
"""

from __future__ import annotations

import graphene
from django.utils import translation

from museum_site.museums.current import museum_for_field
from shop.accounts.graphql.middleware import current_customer
from shop.accounts.graphql.types import AddressInput
from shop.graphql import loaders
from shop.graphql.checkout_types import Checkout
from shop.graphql.errors import PayloadError, error_type
from shop.graphql.money import Money
from shop.graphql.order_types import Order
from shop.money import Money as Amount
from shop.services import checkout as service
from shop.services import checkout_access, orders, payments
from shop.services.checkout_lines import LineRequest
from shop.services.errors import CheckoutErrorCode

CheckoutError = error_type("CheckoutError", CheckoutErrorCode)


class CheckoutLineInput(graphene.InputObjectType):
    sku = graphene.String(required=True)
    quantity = graphene.Int(required=True)


class CheckoutCreateInput(graphene.InputObjectType):
    email = graphene.String(description="Can also be given later with checkoutEmailUpdate.")
    lines = graphene.List(graphene.NonNull(CheckoutLineInput), default_value=[])
    locale = graphene.String(description="Language of the checkout and its e-mails (nl, en, fr).")


def _lines(lines) -> list[LineRequest]:
    return [LineRequest(sku=line.sku, quantity=line.quantity) for line in lines or []]


def _token_argument() -> graphene.Argument:
    return graphene.Argument(graphene.UUID, required=True, description="The checkout's token.")


class CheckoutMutation(graphene.Mutation):
    """Runs `perform` and turns PayloadErrors (one or a group) into `errors`."""

    class Meta:
        abstract = True

    checkout = graphene.Field(Checkout, description="Null when there are errors.")
    errors = graphene.List(graphene.NonNull(CheckoutError), required=True)

    @classmethod
    def perform(cls, **arguments):
        raise NotImplementedError

    @classmethod
    def failed(cls, errors: list[PayloadError]) -> CheckoutMutation:
        # As objects of the error type: graphql-core raises any Exception it is handed.
        return cls(
            checkout=None,
            errors=[
                CheckoutError(field=error.field, message=error.message, code=error.code)
                for error in errors
            ],
        )

    @classmethod
    def mutate(cls, root, info, **arguments):
        try:
            if "token" in arguments:
                _require_access(info, arguments["token"])
            changed = cls.perform(**arguments)
        except PayloadError as error:
            return cls.failed([error])
        except ExceptionGroup as group:
            errors = _payload_errors(group)
            if errors is None:
                raise
            return cls.failed(errors)
        checkout = loaders.checkout(changed.token)
        translation.activate(checkout.locale)
        return cls(checkout=checkout, errors=[])


def _require_access(info, token) -> None:
    """A customer's checkout answers NOT_FOUND to anyone but that customer, and any
    checkout to another museum's requests."""
    checkout_access.require_access(token, lambda: current_customer(info), museum_for_field(info).pk)


def _payload_errors(group: BaseExceptionGroup) -> list[PayloadError] | None:
    """The PayloadErrors of a group (services raise all input errors at once), or None
    if it holds anything else: that is a bug, not an answer."""
    found: list[PayloadError] = []
    for error in group.exceptions:
        if isinstance(error, BaseExceptionGroup):
            inner = _payload_errors(error)
            if inner is None:
                return None
            found.extend(inner)
        elif isinstance(error, PayloadError):
            found.append(error)
        else:
            return None
    return found


def _lines_argument() -> graphene.List:
    return graphene.List(graphene.NonNull(CheckoutLineInput), required=True)


class CheckoutCreate(CheckoutMutation):
    """Start a checkout; keep the token it answers. Created while signed in, the
    checkout is the customer's: only their token reads or changes it."""

    class Arguments:
        input = CheckoutCreateInput(required=True)

    @classmethod
    def mutate(cls, root, info, **arguments):
        return super().mutate(
            root,
            info,
            customer=current_customer(info),
            museum=museum_for_field(info),
            **arguments,
        )

    @classmethod
    def perform(cls, input, customer=None, museum=None):
        return service.create(
            museum=museum,
            email=input.get("email"),
            locale=input.get("locale"),
            lines=_lines(input.get("lines")),
            customer=customer,
        )


class CheckoutLinesAdd(CheckoutMutation):
    """Add units; a SKU already in the checkout gets the quantities added."""

    class Arguments:
        token = _token_argument()
        lines = _lines_argument()

    @classmethod
    def perform(cls, token, lines):
        return service.add_lines(token, _lines(lines))


class CheckoutLinesUpdate(CheckoutMutation):
    """Set quantities per SKU; 0 removes the line."""

    class Arguments:
        token = _token_argument()
        lines = _lines_argument()

    @classmethod
    def perform(cls, token, lines):
        return service.update_lines(token, _lines(lines))


class CheckoutLinesDelete(CheckoutMutation):
    """Remove lines by id."""

    class Arguments:
        token = _token_argument()
        line_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)

    @classmethod
    def perform(cls, token, line_ids):
        return service.delete_lines(token, [str(line_id) for line_id in line_ids])


class CheckoutEmailUpdate(CheckoutMutation):
    """Set the e-mail address the order confirmation goes to."""

    class Arguments:
        token = _token_argument()
        email = graphene.String(required=True)

    @classmethod
    def perform(cls, token, email):
        return service.update_email(token, email)


class CheckoutShippingAddressUpdate(CheckoutMutation):
    """Set where the parcel goes; a delivery method for another zone is dropped."""

    class Arguments:
        token = _token_argument()
        shipping_address = AddressInput(required=True)

    @classmethod
    def perform(cls, token, shipping_address):
        return service.update_address(token, "shipping", shipping_address)


class CheckoutBillingAddressUpdate(CheckoutMutation):
    """Set the address on the invoice."""

    class Arguments:
        token = _token_argument()
        billing_address = AddressInput(required=True)

    @classmethod
    def perform(cls, token, billing_address):
        return service.update_address(token, "billing", billing_address)


class CheckoutDeliveryMethodUpdate(CheckoutMutation):
    """Choose one of `availableDeliveryMethods`."""

    class Arguments:
        token = _token_argument()
        delivery_method_id = graphene.ID(required=True)

    @classmethod
    def perform(cls, token, delivery_method_id):
        return service.update_delivery_method(token, str(delivery_method_id))


class CheckoutAddPromoCode(CheckoutMutation):
    """Apply a voucher code to the goods."""

    class Arguments:
        token = _token_argument()
        promo_code = graphene.String(required=True)

    @classmethod
    def perform(cls, token, promo_code):
        return service.add_promo_code(token, promo_code)


class CheckoutRemovePromoCode(CheckoutMutation):
    """Take the voucher code off."""

    class Arguments:
        token = _token_argument()

    @classmethod
    def perform(cls, token):
        return service.remove_promo_code(token)


class PaymentStart(graphene.ObjectType):
    """What the browser needs to take the payment: the PaymentIntent's client secret for
    Stripe.js, and (when a card was given) where the intent stands."""

    intent_id = graphene.String(required=True)
    client_secret = graphene.String(
        required=True,
        description="Give to stripe.confirmPayment, or to stripe.confirmCardPayment when "
        "`status` is requires_action (3-D Secure).",
    )
    publishable_key = graphene.String(required=True)
    stripe_js_url = graphene.String(
        required=True, description="Load Stripe.js from here (localstripe's in the demo)."
    )
    status = graphene.String(
        required=True,
        description="Stripe's status of the intent: requires_payment_method without a card; "
        "with one, succeeded or requires_action.",
    )
    amount = graphene.Field(
        Money, required=True, description="Fixed now; a changed cart needs a new payment."
    )
    attempt = graphene.Int(required=True)


class CardSetup(graphene.ObjectType):
    """A Stripe SetupIntent for the card the buyer enters: give `clientSecret` to
    `stripe.confirmCardSetup` with the Card Element, then pass the payment method it
    answers to `checkoutPaymentCreate`."""

    client_secret = graphene.String(required=True)
    publishable_key = graphene.String(required=True)
    stripe_js_url = graphene.String(required=True, description="Load Stripe.js from here.")
    attempt = graphene.Int(required=True, description="The payment attempt it is for.")


def _failed(cls, errors: list[PayloadError]):
    return cls(
        errors=[
            CheckoutError(field=error.field, message=error.message, code=error.code)
            for error in errors
        ]
    )


def _run(cls, info, token, perform):
    """Check the caller may use the checkout, then call `perform()`; PayloadErrors (one
    or a group) become the payload's errors."""
    try:
        _require_access(info, token)
        return perform()
    except PayloadError as error:
        return _failed(cls, [error])
    except ExceptionGroup as group:
        errors = _payload_errors(group)
        if errors is None:
            raise
        return _failed(cls, errors)


class CheckoutPaymentMethodSetup(graphene.Mutation):
    """Before the buyer enters a card: a SetupIntent that Stripe.js confirms with it."""

    class Arguments:
        token = _token_argument()

    setup = graphene.Field(CardSetup)
    errors = graphene.List(graphene.NonNull(CheckoutError), required=True)

    @classmethod
    def mutate(cls, root, info, token):
        def perform():
            setup = payments.setup_card(token)
            return cls(
                setup=CardSetup(
                    client_secret=setup.client_secret,
                    publishable_key=payments.publishable_key(museum_for_field(info)),
                    stripe_js_url=payments.stripe_js_url(),
                    attempt=setup.attempt,
                ),
                errors=[],
            )

        return _run(cls, info, token, perform)


class CheckoutPaymentCreate(graphene.Mutation):
    """Start paying: creates a Stripe PaymentIntent for the checkout's total now. With
    `paymentMethodId` (from checkoutPaymentMethodSetup and stripe.confirmCardSetup) the
    intent is confirmed with that card at once; without, Stripe.js confirms it."""

    class Arguments:
        token = _token_argument()
        payment_method_id = graphene.String(
            description="A card confirmed with stripe.confirmCardSetup (pm_…)."
        )

    payment = graphene.Field(PaymentStart)
    errors = graphene.List(graphene.NonNull(CheckoutError), required=True)

    @classmethod
    def mutate(cls, root, info, token, payment_method_id=None):
        def perform():
            started = payments.start_payment(
                token, customer=current_customer(info), payment_method_id=payment_method_id
            )
            payment = started.payment
            return cls(
                payment=PaymentStart(
                    intent_id=payment.intent_id,
                    client_secret=started.client_secret,
                    publishable_key=started.publishable_key,
                    stripe_js_url=payments.stripe_js_url(),
                    status=started.status,
                    amount=Amount(payment.amount, payment.currency),
                    attempt=payment.attempt,
                ),
                errors=[],
            )

        return _run(cls, info, token, perform)


class CheckoutComplete(graphene.Mutation):
    """Turn the paid checkout into an order. Safe to repeat: the same order comes back,
    also when Stripe's webhook placed it first. When the money arrived but the order
    could not be served, `order` is canceled (the payment refunded) and `errors` says why."""

    class Arguments:
        token = _token_argument()

    order = graphene.Field(Order)
    errors = graphene.List(graphene.NonNull(CheckoutError), required=True)

    @classmethod
    def mutate(cls, root, info, token):
        def perform():
            completion = orders.complete(
                token, customer=current_customer(info), museum=museum_for_field(info)
            )
            problems = [completion.problem] if completion.problem else []
            answer = _failed(cls, problems)
            answer.order = completion.order
            return answer

        return _run(cls, info, token, perform)


class CheckoutResume(graphene.Mutation):
    """Open the checkout a reminder e-mail links to (`?resume=` in the link); when it has
    expired, a fresh checkout with the same goods (those still on sale). Keep the
    token it answers."""

    class Arguments:
        link = graphene.String(required=True, description="The `resume` token of the link.")

    checkout = graphene.Field(Checkout)
    fresh = graphene.Boolean(
        required=True, description="True when the old checkout had expired and this is a new one."
    )
    errors = graphene.List(graphene.NonNull(CheckoutError), required=True)

    @classmethod
    def mutate(cls, root, info, link):
        from shop.services import checkout_expiry

        resumed = checkout_expiry.resume(
            link, customer=current_customer(info), museum_id=museum_for_field(info).pk
        )
        if resumed is None:
            return cls(
                checkout=None,
                fresh=False,
                errors=[
                    CheckoutError(
                        field="link",
                        code=CheckoutErrorCode.NOT_FOUND,
                        message="This link is not valid (any more).",
                    )
                ],
            )
        checkout = loaders.checkout(resumed.checkout.token)
        return cls(checkout=checkout, fresh=resumed.fresh, errors=[])


class CheckoutMutations:
    """Mixed into the root Mutation type by the `register_schema_mutation` hook."""

    checkout_create = CheckoutCreate.Field()
    checkout_lines_add = CheckoutLinesAdd.Field()
    checkout_lines_update = CheckoutLinesUpdate.Field()
    checkout_lines_delete = CheckoutLinesDelete.Field()
    checkout_email_update = CheckoutEmailUpdate.Field()
    checkout_shipping_address_update = CheckoutShippingAddressUpdate.Field()
    checkout_billing_address_update = CheckoutBillingAddressUpdate.Field()
    checkout_delivery_method_update = CheckoutDeliveryMethodUpdate.Field()
    checkout_add_promo_code = CheckoutAddPromoCode.Field()
    checkout_remove_promo_code = CheckoutRemovePromoCode.Field()
    checkout_payment_method_setup = CheckoutPaymentMethodSetup.Field()
    checkout_payment_create = CheckoutPaymentCreate.Field()
    checkout_complete = CheckoutComplete.Field()
    checkout_resume = CheckoutResume.Field()
