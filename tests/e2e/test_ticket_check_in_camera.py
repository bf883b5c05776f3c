"""The check-in page at the door, through its camera path, in Chromium at phone size.

Chromium's fake camera plays a Y4M video made here from a real ticket's QR code
(segno draws it, Pillow turns it into the video's YUV planes); the page reads the frames
with its vendored jsQR and admits the ticket without anything typed. The fake camera
needs its own browser launch with the media switches, so this module starts one.

Screenshots go to artifacts/e2e/tickets/.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import segno
from django.contrib.auth.models import Group, Permission
from PIL import Image
from playwright.sync_api import expect

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from shop.tickets.models import Ticket
from tests.e2e.browser import ARTIFACTS, chromium
from tests.tickets import builders

pytestmark = [pytest.mark.e2e]

PASSWORD = "aan-de-deur"
TIMEOUT_MS = 20_000
SHOTS = ARTIFACTS / "tickets"
PHONE = {"width": 390, "height": 844}
VIDEO_SIZE = (640, 480)


def qr_video(code: str, path: Path, frames: int = 3) -> Path:
    """A Y4M video (4:2:0, what Chromium's file camera reads) of `code` as a QR code on
    white: black and white only, so the chroma planes are flat grey."""
    png = io.BytesIO()
    segno.make(code, error="m", micro=False).save(png, kind="png", scale=10, border=4)
    qr = Image.open(png).convert("L")
    side = min(VIDEO_SIZE) - 40
    qr = qr.resize((side, side), Image.Resampling.NEAREST)
    frame = Image.new("L", VIDEO_SIZE, 255)
    frame.paste(qr, ((VIDEO_SIZE[0] - side) // 2, (VIDEO_SIZE[1] - side) // 2))
    luma = frame.tobytes()
    chroma = bytes([128]) * (VIDEO_SIZE[0] // 2 * VIDEO_SIZE[1] // 2)
    width, height = VIDEO_SIZE
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            out.write(b"FRAME\n" + luma + chroma + chroma)
    return path


@pytest.fixture
def door_staff(transactional_db, django_user_model, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    user = django_user_model.objects.create_user("portier", "portier@museum.be", PASSWORD)
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "change_ticket"])
    )
    door = Group.objects.create(name="Onthaal")
    grant_staff(door, Museum.objects.default())
    user.groups.add(door)
    SHOTS.mkdir(parents=True, exist_ok=True)
    return user


def test_the_camera_reads_a_tickets_qr_code_and_the_page_admits_it(
    live_server, door_staff, tmp_path
):
    offer = builders.offer()
    slot = builders.slot_open_now(offer)
    ticket = builders.ticket(slot)
    video = qr_video(ticket.code, tmp_path / "ticket.y4m")

    with chromium(
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ) as browser:
        context = browser.new_context(
            viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
        )
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", "portier")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        page.goto(f"{live_server.url}/admin/tickets/check-in/")

        # Nothing is typed: the verdict can only come from the camera's frames.
        verdict = page.locator("#verdict")
        expect(verdict).to_have_attribute("data-outcome", "valid")
        expect(page.locator("#camera")).to_be_visible()
        assert page.evaluate("document.getElementById('camera').videoWidth") == VIDEO_SIZE[0]
        assert page.locator("#code").input_value() == ""
        # The live counts follow: one sold, one in, none expected.
        expect(page.locator("#counts tr td").nth(2)).to_have_text("1")
        page.screenshot(path=SHOTS / "check-in-camera-phone.png", full_page=True)

        # The camera keeps showing the same ticket: after the page's 3 s pause it posts
        # it again and the door hears it was used, by whom.
        expect(verdict).to_have_attribute("data-outcome", "used", timeout=TIMEOUT_MS)
        expect(verdict).to_contain_text("portier")
        page.screenshot(path=SHOTS / "check-in-camera-used.png", full_page=True)
        context.close()

    ticket.refresh_from_db()
    assert ticket.checked_in_at is not None
    assert ticket.checked_in_by == door_staff
    assert Ticket.objects.filter(checked_in_at__isnull=False).count() == 1
