"""The editors' admin in a real browser, as an editor of the Editors group (not a
superuser): the dashboard and the tour editor's errors. A story's translation (sent,
translated, published, its changed passage flagged) is followed from the first word typed
in test_story_written_in_admin.py.

Screenshots of each step go to artifacts/e2e/admin/.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from playwright.sync_api import Page, expect
from wagtail.models import GroupPagePermission
from wagtail.models import Page as WagtailPage
from wagtail.users.models import UserProfile

from museum_site.museums.models import Museum
from museum_site.museums.permissions import grant_staff
from tests.e2e.browser import ARTIFACTS, chromium
from tests.e2e.test_panorama_editor import settled_box
from tests.shop import builders as shop_builders

pytestmark = [pytest.mark.e2e]

PASSWORD = "editor-of-the-museum"
TIMEOUT_MS = 20_000
SHOTS = ARTIFACTS / "admin"


@pytest.fixture
def editor(transactional_db, django_user_model, settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # only the clicks below save
    group = Group.objects.get(name="Editors")
    # A small museum's editor also publishes, translates and runs the shop.
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=WagtailPage.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["submit_translation", "view_order", "change_order", "change_stock"]
        )
    )
    grant_staff(group, Museum.objects.default())  # works for the one museum of the tests
    user = django_user_model.objects.create_user("redacteur", "redacteur@museum.be", PASSWORD)
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    SHOTS.mkdir(parents=True, exist_ok=True)
    return user


def open_admin(browser, live_server, username: str = "redacteur", password: str = PASSWORD) -> Page:
    """A signed-in admin page (the editor of `editor` unless another user is named)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(TIMEOUT_MS)
    page.set_default_navigation_timeout(TIMEOUT_MS)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def shot(page: Page, name: str) -> None:
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


def graphql_story(page: Page, live_server, slug: str, locale: str):
    query = "query($slug: String, $locale: String) { story(slug: $slug, locale: $locale) { title intro locale } }"
    response = page.request.post(
        f"{live_server.url}/graphql/",
        data=json.dumps({"query": query, "variables": {"slug": slug, "locale": locale}}),
        headers={"content-type": "application/json"},
    )
    assert response.ok, response.text()
    return response.json()["data"]["story"]


def publish_from_footer(page: Page) -> None:
    """Wagtail keeps "Publish" in the footer's dropdown, under "Save draft"."""
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.locator('button[name="action-publish"]').click()


def test_the_dashboard_shows_what_waits_and_links_to_each_list(live_server, editor):
    from shop.models import Order
    from tests.site.test_dashboard import out_of_date_english_translation, paid_order

    order = paid_order("koper@example.org", Order.Status.PAID)
    shop_builders.product(variants=[shop_builders.variant("MOK-LAM-GODS")], stock=2)
    out_of_date_english_translation()
    with chromium() as browser:
        page = open_admin(browser, live_server)
        shot(page, "10-dashboard")
        orders = page.locator('[data-dashboard-panel="new_orders"]')
        expect(orders).to_contain_text(str(order))
        stock = page.locator('[data-dashboard-panel="low_stock"]')
        expect(stock).to_contain_text("MOK-LAM-GODS")
        translations = page.locator('[data-dashboard-panel="translations"]')
        expect(translations).to_contain_text("English")

        orders.get_by_role("link", name="New orders to fulfil").click()
        expect(page).to_have_url(f"{live_server.url}/admin/snippets/shop/order/?status=paid")
        expect(page.locator("main")).to_contain_text("koper@example.org")
        shot(page, "11-dashboard-orders-list")

        page.go_back()
        stock.get_by_role("link", name="Low stock").click()
        expect(page).to_have_url(f"{live_server.url}/admin/snippets/shop/stock/?low=true")
        expect(page.locator("main")).to_contain_text("MOK-LAM-GODS")
        shot(page, "12-dashboard-low-stock-list")

        page.go_back()
        translations.get_by_role("link", name="English").click()
        expect(page).to_have_url(
            f"{live_server.url}/admin/localize/reports/translations/"
            "?target_locale=en&waiting_for_translation=true"
        )
        expect(page.locator("main")).to_contain_text("Story")
        shot(page, "13-dashboard-translations-report")


CORRUPT_JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb0043") + b"\x08" * 40


def test_the_tour_editor_chooses_scenes_by_title_and_explains_its_errors(live_server, editor):
    from museum_site.image_forms import DAMAGED
    from tests.tours import builders as tour_builders
    from tours import models

    tour = tour_builders.tour(
        [
            tour_builders.scene(
                "hall",
                [tour_builders.go_to("library", label="To the library")],
                title="Great hall",
                panorama=tour_builders.panorama(2048, 1024),
                sort_order=0,
            ),
            tour_builders.scene(
                "library", [tour_builders.go_to("hall")], title="Library", sort_order=1
            ),
        ]
    )
    with chromium() as browser:
        page = open_admin(browser, live_server)
        page.goto(f"{live_server.url}/admin/pages/{tour.pk}/edit/")
        # No key to invent: the scene's key is hidden, targets are scene titles.
        expect(page.locator("#id_scenes-0-key")).to_be_hidden()
        target = page.locator("#id_scenes-0-hotspots-0-target_scene_key")
        expect(target.locator("option")).to_have_text(["Choose a scene", "Great hall", "Library"])
        page.locator("#id_scenes-0-hotspots-ADD").click()
        page.fill("#id_scenes-0-hotspots-1-label", "Back to the library")
        page.select_option("#id_scenes-0-hotspots-1-target_scene_key", label="Library")
        page.locator("#id_scenes-0-hotspots-1-label").scroll_into_view_if_needed()
        shot(page, "20-tour-scene-chosen-from-a-list")

        # Saved before it is placed: a clear error, not a server error.
        with page.expect_navigation():
            page.locator("button.action-save").first.click()
        error = page.get_by_text("This hotspot is not placed yet")
        expect(error).to_be_visible()
        error.scroll_into_view_if_needed()
        shot(page, "21-tour-unplaced-hotspot-error")

        # Placed on the panorama, the same hotspot saves.
        editor_panel = page.locator('[data-panorama-editor][data-form-prefix="scenes-0"]')
        editor_panel.locator("[data-panorama-open]").click()
        viewer = editor_panel.locator("[data-panorama-viewer]")
        page.wait_for_function(
            "el => el.querySelector('.pnlm-render-container canvas') && "
            "getComputedStyle(el.querySelector('.pnlm-load-box')).display === 'none'",
            arg=viewer.element_handle(),
        )
        page.locator('[data-hotspot-prefix="scenes-0-hotspots-1"]').click()
        box = settled_box(page, viewer)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        expect(editor_panel.locator("[data-panorama-status]")).to_contain_text("Placed at yaw")
        viewer.screenshot(path=SHOTS / "23-tour-hotspot-placed.png")
        with page.expect_navigation():
            page.locator("button.action-save").first.click()
        expect(page.locator(".messages .success")).to_be_visible()
        shot(page, "24-tour-saved")

        # A corrupt JPEG is a form error where the editor uploads images.
        page.goto(f"{live_server.url}/admin/images/multiple/add/")
        page.locator("#fileupload").set_input_files(
            files=[{"name": "kapot.jpg", "mimeType": "image/jpeg", "buffer": CORRUPT_JPEG}]
        )
        with translation.override("en"):  # the editor's admin language
            damaged = str(DAMAGED)
        expect(page.get_by_text(damaged)).to_be_visible()
        shot(page, "22-corrupt-jpeg-form-error")

    draft = models.TourPage.objects.get(pk=tour.pk).get_latest_revision_as_object()
    hall = draft.scenes.all()[0]
    placed = [hotspot for hotspot in hall.hotspots.all() if hotspot.label == "Back to the library"]
    assert [(hotspot.target_scene_key, hotspot.yaw is not None) for hotspot in placed] == [
        ("library", True)
    ]


def test_a_product_is_made_with_its_variant_and_stock_in_one_form(live_server, editor):
    from shop.models import ProductPage, Stock
    from tests.site import builders as site_builders

    index = shop_builders.product_index()
    site_builders.image("Mok Lam Gods")
    with chromium() as browser:
        page = open_admin(browser, live_server)
        page.goto(f"{live_server.url}/admin/pages/add/shop/productpage/{index.pk}/")
        page.fill("#id_title", "Mok Lam Gods")
        page.fill("#id_intro", "Een mok met het Lam Gods.")
        page.locator("#panel-child-product-images-section").get_by_role(
            "button", name="Choose an image"
        ).click()
        page.locator(".modal a[data-chooser-modal-choice]").first.click()
        expect(page.locator(".modal")).to_be_hidden()

        variants_tab = page.get_by_role("tab", name="Variants and prices")
        variants_tab.click()
        page.fill("#id_variants-0-sku", "MOK-LAM-GODS")
        page.fill("#id_variants-0-gross_price", "14.50")
        shot(page, "30-product-variant-without-stock")

        # Published without a stock count: the form says so, at the variant, and the
        # tab that holds the error is marked.
        with page.expect_navigation():
            publish_from_footer(page)
        error = page.get_by_text("Count the stock of this variant before publishing")
        expect(page.locator(".messages")).to_contain_text("Variants and prices")
        variants_tab = page.get_by_role("tab", name="Variants and prices")
        expect(variants_tab.locator("[data-w-count-target=total]")).to_have_text("1")
        shot(page, "31-product-error-names-its-tab")
        variants_tab.click()
        expect(error).to_be_visible()
        error.scroll_into_view_if_needed()
        shot(page, "32-product-stock-needed-to-publish")

        # Counted beside the variant, it publishes, and the stock list has the row.
        page.fill("#id_variants-0-stock_quantity", "12")
        with page.expect_navigation():
            publish_from_footer(page)
        expect(page.locator(".messages .success")).to_be_visible()
        shot(page, "33-product-published")
        page.goto(f"{live_server.url}/admin/snippets/shop/stock/")
        row = page.locator("main tr", has_text="MOK-LAM-GODS")
        expect(row).to_contain_text("12")
        shot(page, "34-product-stock-in-the-stock-list")

    product = ProductPage.objects.get(slug="mok-lam-gods")
    assert product.live
    assert Stock.objects.values_list("variant__sku", "quantity", "allocated").get() == (
        "MOK-LAM-GODS",
        12,
        0,
    )
