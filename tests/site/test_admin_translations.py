"""Our part of the admin in Dutch and French: the labels, help texts, panel headings,
choices, menu items and validation messages our apps define.

Two kinds of check. The catalogues themselves (each app's locale/<lang>/LC_MESSAGES):
every string our code marks is in them, translated, not fuzzy, with its placeholders, and
the committed .mo says exactly what its .po says (the demo and CI read the .mo and never
run gettext's tools). Then the admin as an editor sees it: a user who chose Dutch or
French gets our labels in that language on the pages they edit.

The catalogues are read with polib rather than a parser of our own: it reads both the .po
source and the compiled .mo (a binary format), handles contexts, plurals, fuzzy flags and
obsolete entries, and is a small, maintained pure-Python package.
"""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.template.base import Lexer
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from shop.models import Voucher
from tests.shop import builders as shop_builders
from tests.site import builders as site_builders
from tests.tours import builders as tour_builders

pytestmark = pytest.mark.database_neutral

# Every app of ours (its code lives in this repository, not in site-packages): an app
# added later is checked without anyone remembering to list it here.
REPOSITORY = Path(__file__).resolve().parents[2]
APP_LABELS = tuple(
    config.label
    for config in apps.get_app_configs()
    if Path(config.path).resolve().is_relative_to(REPOSITORY)
    and ".venv" not in Path(config.path).parts
)
LANGUAGES = ("nl", "fr")
CATALOGUES = [(label, language) for label in APP_LABELS for language in LANGUAGES]

# The calls xgettext is told about by makemessages, and where their msgid (and context) is.
MARKERS = {
    "_": (None, 0),
    "gettext": (None, 0),
    "gettext_lazy": (None, 0),
    "gettext_noop": (None, 0),
    "ngettext": (None, 0),
    "ngettext_lazy": (None, 0),
    "pgettext": (0, 1),
    "pgettext_lazy": (0, 1),
    "npgettext": (0, 1),
    "npgettext_lazy": (0, 1),
}
TEMPLATE_TRANS = re.compile(r"""^trans(?:late)?\s+(?P<q>["'])(?P<msgid>.*?)(?P=q)""")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{\w*\}")


def app_path(label: str) -> Path:
    return Path(apps.get_app_config(label).path)


def catalogue(label: str, language: str, suffix: str = "po") -> Path:
    return app_path(label) / "locale" / language / "LC_MESSAGES" / f"django.{suffix}"


def own_files(label: str, pattern: str) -> list[Path]:
    """The app's files, without those of an app nested in it (shop/accounts/)."""
    root = app_path(label)
    nested = [app_path(other) for other in APP_LABELS if app_path(other).parent == root]
    return [
        path
        for path in sorted(root.rglob(pattern))
        if "migrations" not in path.parts and not any(path.is_relative_to(n) for n in nested)
    ]


def marked_in_python(path: Path) -> set[tuple[str | None, str]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in MARKERS:
            continue
        context_at, msgid_at = MARKERS[name]
        args = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args]
        if len(args) <= msgid_at or not isinstance(args[msgid_at], str):
            continue  # a variable: nothing for makemessages to extract either
        context = args[context_at] if context_at is not None else None
        found.add((context, args[msgid_at]))
    return found


def marked_in_template(path: Path) -> set[tuple[str | None, str]]:
    found = set()
    for token in Lexer(path.read_text()).tokenize():
        match = TEMPLATE_TRANS.match(token.contents)
        if match:
            found.add((None, match["msgid"]))
    return found


def marked_strings(label: str) -> set[tuple[str | None, str]]:
    found = set()
    for path in own_files(label, "*.py"):
        found |= marked_in_python(path)
    for path in own_files(label, "*.html"):
        found |= marked_in_template(path)
    return found


@pytest.mark.parametrize(("label", "language"), CATALOGUES)
def test_every_string_our_code_marks_is_in_its_apps_catalogue(label, language):
    """A string marked after the last makemessages would stay English in the admin."""
    po = polib.pofile(str(catalogue(label, language)))
    in_catalogue = {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}
    missing = sorted(marked_strings(label) - in_catalogue, key=str)
    assert not missing, f"run makemessages in {app_path(label)} and translate: {missing}"


@pytest.mark.parametrize(("label", "language"), CATALOGUES)
def test_every_catalogue_entry_is_translated_and_not_fuzzy(label, language):
    po = polib.pofile(str(catalogue(label, language)))
    assert po.metadata["Language"] == language
    assert not po.metadata_is_fuzzy
    assert len(po) > 0
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []


@pytest.mark.parametrize(("label", "language"), CATALOGUES)
def test_translations_keep_their_placeholders(label, language):
    po = polib.pofile(str(catalogue(label, language)))
    broken = [
        (entry.msgid, text)
        for entry in po.translated_entries()
        # A plural entry's every form keeps the placeholders of its msgid.
        for text in (entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr])
        if sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(text))
    ]
    assert broken == []


def compiled_pairs(entries) -> dict[tuple[str | None, str], str | tuple[str, ...]]:
    pairs = {}
    for entry in entries:
        if entry.msgid == "" or entry.obsolete or "fuzzy" in entry.flags:
            continue
        text = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
        pairs[(entry.msgctxt, entry.msgid)] = text if entry.msgid_plural else entry.msgstr
    return pairs


@pytest.mark.parametrize(("label", "language"), CATALOGUES)
def test_the_committed_mo_is_compiled_from_its_po(label, language):
    """Django reads only the .mo: a .po edited without compilemessages changes nothing."""
    po = polib.pofile(str(catalogue(label, language)))
    mo = polib.mofile(str(catalogue(label, language, "mo")))
    assert compiled_pairs(mo) == compiled_pairs(po.translated_entries())


# The admin as an editor who chose a language (Account > Language and region).


@pytest.fixture
def editor_in(client, django_user_model):
    def login(language: str):
        user = django_user_model.objects.create_superuser(
            f"editor-{language}", f"{language}@museum.be", "pw"
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return login


def page_text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


# Strings only our catalogues translate (Wagtail's own catalogue wins where msgids meet).
PRODUCT_EDITOR = {
    "nl": ["Varianten en prijzen", "Prijzen zijn inclusief btw.", "Btw-tarief"],
    "fr": ["Variantes et prix", "Les prix sont TVA comprise.", "Taux de TVA"],
    "en": ["Variants and prices", "Prices include VAT.", "VAT rate"],
}
EXHIBITION_EDITOR = {
    "nl": ["Wanneer en waar", "Hoofdafbeelding", "Openingsdatum"],
    "fr": ["Quand et où", "Image principale", "Date d'ouverture"],
    "en": ["When and where", "Hero image", "Opens"],
}
TOUR_EDITOR = {
    "nl": ["Panorama tonen en hotspots plaatsen", "Beginzicht", "Verticale beginhoek (pitch)"],
    "fr": [
        "Afficher le panorama et placer les points d'intérêt",
        "Vue de départ",
        "Angle vertical initial (tangage)",
    ],
    "en": ["Show panorama and place hotspots", "Opening view", "Initial pitch"],
}
ADMIN_MENU = {
    "nl": ["Webwinkel", "Bestellingen", "Kortingscodes", "Bezoekers"],
    "fr": ["Boutique", "Commandes", "Codes promo", "Visiteurs"],
    "en": ["Shop", "Orders", "Vouchers", "Visitors"],
}


def assert_shown_in(language: str, text: str, expected: dict[str, list[str]]) -> None:
    for phrase in expected[language]:
        assert phrase in text, f"{phrase!r} missing from the {language} admin"
    if language != "en":
        for phrase in expected["en"]:
            assert phrase not in text, f"{phrase!r} is still English in the {language} admin"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_product_editor_speaks_the_editors_language(editor_in, language):
    page = shop_builders.product(variants=[shop_builders.variant("POSTER")])
    text = page_text(editor_in(language).get(f"/admin/pages/{page.pk}/edit/"))
    assert_shown_in(language, text, PRODUCT_EDITOR)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_exhibition_editor_speaks_the_editors_language(editor_in, language):
    page = site_builders.exhibition()
    text = page_text(editor_in(language).get(f"/admin/pages/{page.pk}/edit/"))
    assert_shown_in(language, text, EXHIBITION_EDITOR)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_tour_scene_editor_speaks_the_editors_language(editor_in, language):
    page = tour_builders.tour([tour_builders.scene("hall")])
    text = page_text(editor_in(language).get(f"/admin/pages/{page.pk}/edit/"))
    assert_shown_in(language, text, TOUR_EDITOR)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_our_admin_menu_items_speak_the_editors_language(editor_in, language):
    text = page_text(editor_in(language).get("/admin/"))
    # The sidebar is JSON in the page: decode its \\u escapes before reading it.
    text = text.encode().decode("unicode_escape")
    assert_shown_in(language, text, ADMIN_MENU)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "Een percentage kan niet hoger zijn dan 100."),
        ("fr", "Un pourcentage ne peut pas dépasser 100."),
        ("en", "A percentage cannot be above 100."),
    ],
)
def test_a_validation_error_speaks_the_editors_language(editor_in, language, message):
    voucher = shop_builders.voucher("WELKOM")
    client = editor_in(language)
    url = f"/admin/snippets/shop/voucher/edit/{voucher.pk}/"
    form = querydict_from_html(page_text(client.get(url)), form_id="w-editor-form")
    form["value"] = "150"
    text = page_text(client.post(url, form))
    assert message in text
    voucher.refresh_from_db()
    assert voucher.value == 10 and voucher.kind == Voucher.Kind.PERCENTAGE
