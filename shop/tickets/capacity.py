"""Places in slots and quotas, taken and given back safely under concurrent buyers.

The stock rules (shop/services/stock.py), applied to admission: every change locks the
rows it touches with `select_for_update()` in one fixed order — slot rows by primary
key, then quota rows by primary key — so two buyers sharing slots or quotas queue
instead of deadlocking, writes `sold` with F() expressions, and the CHECK constraints
`sold <= capacity` are the last guard, not the mechanism.

Holds: while a visitor pays, the checkout's ticket lines carry `held_until`; until then
their places count as taken for everyone else (never for the checkout itself). A hold is
a row with a time, not a counter: when it ends it simply stops counting, and nothing has
to run to release it. Completing or deleting the checkout deletes its lines, and so its
holds.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from museum_site.graphql.response_cache import bump_content_version
from shop.graphql.errors import PayloadError
from shop.services.errors import CheckoutErrorCode
from shop.tickets.models import CheckoutTicketLine, Quota, TimeSlot

DEFAULT_HOLD_MINUTES = 10


def hold_minutes() -> int:
    """How long places stay set aside while a visitor pays (0: no holds)."""
    return int(getattr(settings, "VITRINE_TICKET_HOLD_MINUTES", DEFAULT_HOLD_MINUTES))


QuotaThrough = Quota.slots.through


@dataclass(frozen=True)
class Room:
    """What is left in a slot: the smallest room over its own capacity and its quotas."""

    slot_left: int
    quota_left: int | None

    @property
    def remaining(self) -> int:
        if self.quota_left is None:
            return max(0, self.slot_left)
        return max(0, min(self.slot_left, self.quota_left))


def _held(
    slot_ids: Iterable[int], quota_ids: Iterable[int], now: datetime, except_checkout=None
) -> tuple[dict[int, int], dict[int, int]]:
    """Places held by checkouts (other than `except_checkout`) per slot and per quota:
    two queries, whatever the number of slots."""
    active = CheckoutTicketLine.objects.filter(held_until__gt=now)
    if except_checkout is not None:
        active = active.exclude(checkout_id=except_checkout)
    per_slot = dict(
        active.filter(slot_id__in=list(slot_ids))
        .values_list("slot_id")
        .annotate(n=Sum("quantity"))
        .values_list("slot_id", "n")
    )
    quota_ids = list(quota_ids)
    per_quota: dict[int, int] = {}
    if quota_ids:
        per_quota = dict(
            active.filter(slot__quotas__in=quota_ids)
            .values_list("slot__quotas")
            .annotate(n=Sum("quantity"))
            .values_list("slot__quotas", "n")
        )
    return per_slot, per_quota


def rooms(slots: list[TimeSlot], now: datetime | None = None) -> dict[int, Room]:
    """Room left per slot, for showing availability: a constant number of queries
    (memberships, quotas, holds) for any number of slots. A promise, not a
    reservation: `take()` decides."""
    now = now or timezone.now()
    slot_ids = [slot.pk for slot in slots]
    memberships = list(
        QuotaThrough.objects.filter(timeslot_id__in=slot_ids).values_list("timeslot_id", "quota_id")
    )
    quotas = Quota.objects.in_bulk({quota_id for _slot, quota_id in memberships})
    held_slot, held_quota = _held(slot_ids, quotas, now)
    quota_left = {
        pk: quota.capacity - quota.sold - held_quota.get(pk, 0) for pk, quota in quotas.items()
    }
    of_slot: dict[int, list[int]] = defaultdict(list)
    for slot_id, quota_id in memberships:
        of_slot[slot_id].append(quota_id)
    return {
        slot.pk: Room(
            slot_left=slot.capacity - slot.sold - held_slot.get(slot.pk, 0),
            quota_left=min((quota_left[q] for q in of_slot[slot.pk]), default=None),
        )
        for slot in slots
    }


def refusal(slot: TimeSlot, now: datetime) -> PayloadError | None:
    """Why nobody can book this slot any more, whatever the places."""
    if slot.status != TimeSlot.Status.OPEN or not slot.offer.active:
        return PayloadError(
            CheckoutErrorCode.SLOT_CLOSED, f"The slot of {_when(slot)} is closed.", "slot"
        )
    if slot.ends_at <= now:
        return PayloadError(
            CheckoutErrorCode.SLOT_PAST, f"The slot of {_when(slot)} is over.", "slot"
        )
    return None


def _when(slot: TimeSlot) -> str:
    return f"{timezone.localtime(slot.starts_at):%Y-%m-%d %H:%M}"


def _full(slot: TimeSlot, left: int) -> PayloadError:
    return PayloadError(
        CheckoutErrorCode.SLOT_FULL,
        f"Only {max(left, 0)} places left at {_when(slot)}."
        if left > 0
        else f"The slot of {_when(slot)} is full.",
        "slot",
    )


def _locked(counts: Mapping[int, int]) -> tuple[list[TimeSlot], list[Quota], dict[int, int]]:
    """Lock the slots, then their quotas, each in primary-key order; with what each
    quota is asked for."""
    slots = list(
        TimeSlot.objects.select_for_update(of=("self",))
        .select_related("offer")
        .filter(pk__in=list(counts))
        .order_by("pk")
    )
    quota_needs: dict[int, int] = defaultdict(int)
    for slot_id, quota_id in QuotaThrough.objects.filter(timeslot_id__in=list(counts)).values_list(
        "timeslot_id", "quota_id"
    ):
        quota_needs[quota_id] += counts[slot_id]
    quotas = list(Quota.objects.select_for_update().filter(pk__in=list(quota_needs)).order_by("pk"))
    return slots, quotas, quota_needs


def _check_room(
    counts: Mapping[int, int], checkout_token, now: datetime
) -> tuple[list[TimeSlot], list[Quota], dict[int, int]]:
    """Under the locks: every slot open and every slot and quota with room for what is
    asked, places held by other checkouts counted as taken. Raises the first refusal."""
    slots, quotas, quota_needs = _locked(counts)
    if len(slots) != len(counts):
        raise PayloadError(CheckoutErrorCode.NOT_FOUND, "This slot does not exist.", "slot")
    held_slot, held_quota = _held(counts, quota_needs, now, except_checkout=checkout_token)
    for slot in slots:
        if (problem := refusal(slot, now)) is not None:
            raise problem
        left = slot.capacity - slot.sold - held_slot.get(slot.pk, 0)
        if counts[slot.pk] > left:
            raise _full(slot, left)
    for quota in quotas:
        left = quota.capacity - quota.sold - held_quota.get(quota.pk, 0)
        if quota_needs[quota.pk] > left:
            raise PayloadError(
                CheckoutErrorCode.SLOT_FULL,
                f"{quota.name}: only {max(left, 0)} places left.",
                "slot",
            )
    return slots, quotas, quota_needs


def take(counts: Mapping[int, int], checkout_token: uuid.UUID | str | None = None) -> None:
    """Sell `counts` (slot id -> places), all or nothing. Raises PayloadError
    (SLOT_FULL, SLOT_CLOSED, SLOT_PAST) and takes nothing when any slot or quota lacks
    room. Holds of `checkout_token` are its own places, not others'."""
    counts = {slot: n for slot, n in counts.items() if n}
    if not counts:
        return
    with transaction.atomic():
        now = timezone.now()
        _slots, _quotas, quota_needs = _check_room(counts, checkout_token, now)
        for slot_id, n in counts.items():
            TimeSlot.objects.filter(pk=slot_id).update(sold=F("sold") + n)
        for quota_id, n in quota_needs.items():
            Quota.objects.filter(pk=quota_id).update(sold=F("sold") + n)
        bump_content_version()


def give_back(counts: Mapping[int, int]) -> None:
    """Places of canceled tickets are free again."""
    counts = {slot: n for slot, n in counts.items() if n}
    if not counts:
        return
    with transaction.atomic():
        _slots, _quotas, quota_needs = _locked(counts)
        for slot_id, n in counts.items():
            TimeSlot.objects.filter(pk=slot_id).update(sold=F("sold") - n)
        for quota_id, n in quota_needs.items():
            Quota.objects.filter(pk=quota_id).update(sold=F("sold") - n)
        bump_content_version()


def hold(checkout_token: uuid.UUID | str) -> None:
    """Set aside the checkout's places for `hold_minutes()` while its visitor pays;
    SLOT_FULL (and nothing held) if others took or hold them meanwhile. Its own
    transaction: the caller calls the payment service after it, with no lock held."""
    minutes = hold_minutes()
    with transaction.atomic():
        # The checkout row first, as completion locks it: the same order everywhere.
        from shop.models import Checkout

        if (
            not Checkout.objects.select_for_update(of=("self",))
            .filter(token=checkout_token)
            .exists()
        ):
            return
        lines = list(CheckoutTicketLine.objects.filter(checkout_id=checkout_token))
        if not lines:
            return
        counts: dict[int, int] = defaultdict(int)
        for line in lines:
            counts[line.slot_id] += line.quantity
        now = timezone.now()
        _check_room(counts, checkout_token, now)
        if minutes > 0:
            CheckoutTicketLine.objects.filter(checkout_id=checkout_token).update(
                held_until=now + timedelta(minutes=minutes)
            )
