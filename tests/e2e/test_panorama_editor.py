"""An editor places a hotspot by clicking on the panorama in the Wagtail admin.

The whole path is real: Wagtail's page editor served by the live server, the vendored
Pannellum in Debian's Chromium, the editor's click, the form's save, the database.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Locator, Page, expect
from wagtail.users.models import UserProfile

from tests.e2e.browser import ARTIFACTS, chromium
from tests.tours import builders
from tours import models

pytestmark = [pytest.mark.e2e]

PASSWORD = "place-the-hotspot"
# Every wait has a bound: a stuck page fails the test with a message, never hangs it.
TIMEOUT_MS = 20_000


@pytest.fixture
def tour_to_edit(transactional_db, django_user_model, settings):
    # The live server runs in this process, so these reach the admin it serves.
    # No calls to the internet: no update check, no Gravatar avatars.
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    # Wagtail 8 autosaves the form half a second after a change; that save would race
    # the "Save draft" click below (and lose with a 400). Only the click saves here.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
        preferred_language="en"
    )
    page = builders.tour(
        [
            builders.scene(
                "hall",
                [builders.go_to("library", yaw=120, pitch=-10, label="To the library")],
                panorama=builders.panorama(2048, 1024),
                initial_yaw=30,
                initial_pitch=5,
                sort_order=0,
            ),
            # Scenes made in the admin always have a sort order; the builders leave it
            # empty, and Wagtail only numbers the forms that change when saving.
            builders.scene("library", [builders.go_to("hall")], sort_order=1),
        ]
    )
    return page


def settled_box(page: Page, locator: Locator) -> dict:
    """The element's box once it stops moving (arming a hotspot scrolls smoothly)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    previous = None
    while time.monotonic() < deadline:
        box = locator.bounding_box()
        if box is not None and box == previous:
            return box
        previous = box
        page.wait_for_timeout(100)
    raise AssertionError(f"The panorama viewer kept moving: {previous}")


def test_editor_places_a_hotspot_by_clicking_the_panorama(live_server, tour_to_edit):
    page_id = tour_to_edit.pk
    errors: list[str] = []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(TIMEOUT_MS)
        page.set_default_navigation_timeout(TIMEOUT_MS)
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        page.on(
            "console",
            lambda message: message.type == "error" and errors.append(f"console: {message.text}"),
        )

        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", "editor")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")

        page.goto(f"{live_server.url}/admin/pages/{page_id}/edit/")
        editor = page.locator('[data-panorama-editor][data-form-prefix="scenes-0"]')
        editor.locator("[data-panorama-open]").click()
        viewer = editor.locator("[data-panorama-viewer]")
        # Pannellum hides its loading box once the panorama is drawn.
        page.wait_for_function(
            "el => el.querySelector('.pnlm-render-container canvas') && "
            "getComputedStyle(el.querySelector('.pnlm-load-box')).display === 'none'",
            arg=viewer.element_handle(),
        )
        # The existing hotspot, drawn by the editor once Pannellum has loaded. It lies at
        # yaw 120, outside the opening view (yaw 30, 100° wide), so Pannellum hides it.
        marker = viewer.locator(".panorama-editor__hotspot")
        expect(marker).to_have_count(1)
        expect(marker).to_contain_text("To the library")
        expect(marker).to_be_hidden()

        place = page.locator('[data-hotspot-prefix="scenes-0-hotspots-0"]')
        place.click()
        expect(place).to_have_class(re.compile(r"\bis-armed\b"))
        yaw_field = page.locator("#id_scenes-0-hotspots-0-yaw")
        pitch_field = page.locator("#id_scenes-0-hotspots-0-pitch")
        expect(yaw_field).to_have_value("120.0")
        expect(pitch_field).to_have_value("-10.0")

        box = settled_box(page, viewer)
        assert box["height"] == pytest.approx(420, abs=1)  # the editor's stylesheet applies
        centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.move(*centre)
        page.mouse.down()
        page.mouse.up()
        expect(editor.locator("[data-panorama-status]")).to_contain_text("Placed at yaw")
        # The marker follows its fields: now in the middle of the view.
        expect(marker).to_have_count(1)
        expect(marker).to_be_visible()

        yaw = float(yaw_field.input_value())
        pitch = float(pitch_field.input_value())
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        viewer.screenshot(path=ARTIFACTS / "admin-panorama-editor.png")

        # Saving a draft posts the form and comes back to the edit page with a message.
        with page.expect_navigation(url=f"{live_server.url}/admin/pages/{page_id}/edit/"):
            page.locator("button.action-save").first.click()
        expect(page.locator(".messages .success")).to_contain_text("has been updated")

    assert not errors, errors
    # The centre of the view is where the scene opens: yaw 30, pitch 5.
    assert yaw == pytest.approx(30, abs=2) and pitch == pytest.approx(5, abs=2)
    tour = models.TourPage.objects.get(pk=page_id)
    assert tour.get_latest_revision().pk != tour.live_revision_id  # a new draft, unpublished
    draft = tour.get_latest_revision_as_object()
    scenes = {scene.key: scene for scene in draft.scenes.all()}
    assert list(scenes) == ["hall", "library"]
    [hotspot] = scenes["hall"].hotspots.all()
    assert (hotspot.label, hotspot.yaw, hotspot.pitch) == ("To the library", yaw, pitch)
    # The published tour is untouched until the draft is published.
    live = models.Scene.objects.get(tour=tour, key="hall").hotspots.get()
    assert (live.yaw, live.pitch) == (120, -10)
