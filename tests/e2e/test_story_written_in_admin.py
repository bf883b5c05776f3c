"""An editor of the Editors group (not a superuser) writes a story through the admin UI
(StreamField blocks included), sends it to translation, sees the English site fall back
to the Dutch original, translates and publishes; then changes the Dutch text and sees
the passage flagged with its old translation.

Screenshots of each step go to artifacts/e2e/admin/ (names start with "story-").
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import chromium
from tests.e2e.test_editor_admin import (  # noqa: F401  (the `editor` fixture)
    SHOTS,
    editor,
    graphql_story,
    open_admin,
    publish_from_footer,
)

pytestmark = [pytest.mark.e2e]

# The body's panel, found by its field, not by its HTML id: Wagtail names a panel's id
# after its tab's heading ("panel-child-content-body-section") and caches those names in
# the process-wide edit handler in whatever language first rendered it. After a test that
# rendered the story form in Dutch (tests/site/test_page_meta.py, test_admin_in_dutch) the
# id is "panel-child-inhoud-body-section", and a selector on the English id finds nothing.
BODY = "xpath=//input[@name='body-count']/ancestor::section[1]"


def shot(page: Page, name: str) -> None:
    page.screenshot(path=SHOTS / f"story-{name}.png", full_page=True)


def write_dutch_story(page: Page, live_server, index_id: int) -> int:
    """Title, introduction, date, one text block and the slug, typed as an editor does;
    saved as a draft, then published. Returns the new page's id."""
    page.goto(f"{live_server.url}/admin/pages/add/museum_site/storypage/{index_id}/")
    page.fill("#id_title", "De drinkbeker")
    page.fill("#id_intro", "Een drinkbeker uit Gent.")
    page.fill("#id_date", "2026-01-05")
    # The StreamField draws its "insert a block" button with JavaScript once the page has
    # loaded: wait for it (by its class, not its title, which is in the editor's language).
    body = page.locator(BODY)
    add = body.locator("button.c-sf-add-button").first
    add.scroll_into_view_if_needed()
    expect(add).to_be_visible()
    add.click()
    page.get_by_role("option", name="Text", exact=True).click()
    # Typed as an editor types (Draftail keeps its own state: a filled DOM it has not
    # seen typed into can be saved as an empty block).
    text = body.locator("[role=textbox]").first
    expect(text).to_be_visible()
    text.click()
    page.keyboard.type("Zilver, zestiende eeuw.")
    expect(text).to_have_text("Zilver, zestiende eeuw.")
    # Draftail writes the block into the form's hidden input a moment later.
    page.wait_for_function(
        """() => [...document.querySelectorAll('input[type=hidden][name^="body-"]')]
            .some(input => input.value.includes('Zilver, zestiende eeuw.'))"""
    )
    shot(page, "01-writing-the-dutch-story")
    page.get_by_role("tab", name="Promote").click()
    page.fill("#id_slug", "drinkbeker")
    with page.expect_navigation():
        page.locator("footer button.action-save").first.click()
    expect(page.locator(".messages .success")).to_be_visible()
    page_id = int(page.url.rstrip("/").split("/")[-2])
    publish_from_footer(page)
    expect(page.locator(".messages .success")).to_be_visible()
    return page_id


@pytest.mark.usefixtures("editor")
def test_an_editor_writes_a_story_translates_it_and_sees_a_change_flagged(live_server):
    from museum_site.models import StoryPage
    from tests.site.builders import locale, story_index

    dutch_index = story_index("nl")
    locale("en")
    story_index("en")
    with chromium() as browser:
        page = open_admin(browser, live_server)
        page_id = write_dutch_story(page, live_server, dutch_index.pk)
        page.goto(f"{live_server.url}/admin/pages/{page_id}/edit/")
        shot(page, "02-dutch-story-published")
        dutch = graphql_story(page, live_server, "drinkbeker", "nl")
        assert dutch["intro"] == "Een drinkbeker uit Gent."

        # Send it to translation into English.
        page.goto(f"{live_server.url}/admin/localize/submit/page/{page_id}/")
        page.get_by_label("English").check()
        shot(page, "03-send-to-translation")
        page.locator("form button[type=submit], form input[type=submit]").last.click()
        expect(page.get_by_text("submitted for translation into English")).to_be_visible()
        shot(page, "04-translation-editor")
        english_edit_url = page.url

        # The English site reads the Dutch original, marked as Dutch, not a live copy.
        fallback = graphql_story(page, live_server, "drinkbeker", "en")
        assert (fallback["locale"], fallback["intro"]) == ("nl", "Een drinkbeker uit Gent.")

        # Translate the title and the introduction; publish in English.
        for text in ("The beaker", "A beaker from Ghent."):
            page.get_by_role("button", name="Translate", exact=True).first.click()
            page.locator("textarea").first.fill(text)
            page.get_by_role("button", name="Save", exact=True).first.click()
            expect(page.get_by_text(text, exact=True)).to_be_visible()
            # Each segment is saved in the background: publish only once none is saving.
            expect(page.get_by_text(re.compile(r"^Saving"))).to_have_count(0)
        shot(page, "05-translated")
        page.get_by_role("button", name="Publish in English").click()
        page.wait_for_load_state("networkidle")
        shot(page, "06-published-in-english")
        assert graphql_story(page, live_server, "drinkbeker", "en")["intro"] == (
            "A beaker from Ghent."
        )

        # The Dutch introduction changes and is published.
        page.goto(f"{live_server.url}/admin/pages/{page_id}/edit/")
        page.fill("#id_intro", "Een zilveren drinkbeker uit Gent.")
        publish_from_footer(page)
        expect(page.locator(".messages .success")).to_be_visible()
        shot(page, "07-dutch-changed-and-published")
        assert graphql_story(page, live_server, "drinkbeker", "en")["intro"] == (
            "A beaker from Ghent."
        )

        # The English translation flags the changed passage with its old translation.
        page.goto(english_edit_url)
        flag = page.locator(".messages").get_by_text(
            "changed since they were translated", exact=False
        )
        expect(flag).to_be_visible()
        shot(page, "08-translation-flags-a-change")
        page.get_by_role("link", name="Review with the previous translation").click()
        passage = page.locator("[data-changed-passage]")
        expect(passage).to_have_count(1)
        expect(passage).to_contain_text("Een drinkbeker uit Gent.")
        expect(passage).to_contain_text("Een zilveren drinkbeker uit Gent.")
        expect(passage.locator("textarea")).to_have_value("A beaker from Ghent.")
        shot(page, "09-changed-passage-with-previous-translation")
        passage.locator("textarea").fill("A silver beaker from Ghent.")
        page.get_by_role("button", name="Save translations").click()
        page.get_by_role("button", name="Publish in English").click()
        page.wait_for_load_state("networkidle")
        shot(page, "10-changed-passage-published")
        assert graphql_story(page, live_server, "drinkbeker", "en")["intro"] == (
            "A silver beaker from Ghent."
        )
    story = StoryPage.objects.get(pk=page_id)
    assert "Zilver, zestiende eeuw." in str(story.body)
