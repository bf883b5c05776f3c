"""Stock alerts: staff are told once when a variant runs low, by e-mail and on the
dashboard, and again only after it was restocked and ran low again."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command

from shop.services.stock_alerts import low_stock, notify_low_stock
from tests.shop import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop_manager(django_user_model):
    return django_user_model.objects.create_superuser("shop", "shop@museum.be", "pw")


def test_staff_are_told_once_when_a_variant_runs_low(shop_manager):
    builders.product(variants=[builders.variant("MUG"), builders.variant("POSTER")], stock=10)
    builders.set_stock("MUG", quantity=4, allocated=2)  # 2 left, alert at 3
    assert notify_low_stock() == 1
    [message] = mail.outbox
    assert message.to == ["shop@museum.be"] and "MUG" in message.body
    assert "POSTER" not in message.body
    assert notify_low_stock() == 0
    call_command("notify_low_stock")
    assert len(mail.outbox) == 1


def test_a_restocked_variant_is_told_again_when_it_runs_low_again(shop_manager):
    builders.product(variants=[builders.variant("MUG")], stock=10)
    builders.set_stock("MUG", quantity=1)
    assert notify_low_stock() == 1
    builders.set_stock("MUG", quantity=20)
    assert notify_low_stock() == 0
    builders.set_stock("MUG", quantity=2)
    assert notify_low_stock() == 1
    assert len(mail.outbox) == 2


def test_a_variant_without_an_alert_level_is_never_low(shop_manager):
    builders.product(variants=[builders.variant("MUG")], stock=0)
    stock = builders.set_stock("MUG", quantity=0)
    stock.low_stock_threshold = None
    stock.save()
    assert list(low_stock()) == [] and notify_low_stock() == 0


def test_a_failed_mail_is_tried_again_next_time(shop_manager, settings):
    builders.product(variants=[builders.variant("MUG")], stock=1)
    settings.EMAIL_BACKEND = "tests.shop.test_stock_alerts.BrokenMailServer"
    with pytest.raises(ConnectionError):
        notify_low_stock()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notify_low_stock() == 1


class BrokenMailServer:
    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        raise ConnectionError("mail server down")
