"""Time is checked at read time: nothing past its `expire_at` or before its `go_live_at`
is answered by any field, whatever the `publish_scheduled` cron did (it has not run here).

A matrix: every content model with `live`/`go_live_at`/`expire_at` (read from
museum_site.visibility.scheduled_models(), so a new page or snippet model fails
`test_every_content_model_is_in_the_matrix` until it is added) x every path that can
answer it x both states. Each case first shows the path answers the item while it is
visible (so no assertion passes because a path is simply broken), then moves the item's
clock and checks that no path answers it any more.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import models as db
from django.utils import timezone
from wagtail.models import Page, Site

from museum_site import models, visibility
from search import registry as search_registry
from search.models import SearchDocument
from shop import models as shop_models
from tests.shop import builders as shop_builders
from tests.site import builders
from tests.tours import builders as tour_builders
from tours import models as tour_models

pytestmark = pytest.mark.django_db

WORD = "zebrafiets"  # in the title of the item under test only
_counter = itertools.count(1)


def _title(kind: str) -> str:
    return f"{WORD} {kind} {next(_counter)}"


def _publish(page: Page, title: str) -> Page:
    page.title = title
    page.save_revision().publish()
    return page


# --- one published item of each model ------------------------------------------------------


def build_home() -> Page:
    return _publish(builders.home("fr"), _title("home"))


def build_legal() -> Page:
    page = models.LegalPage(
        title=_title("legal"),
        slug=f"legal-{next(_counter)}",
        kind=models.LegalPage.Kind.IMPRINT,
        last_updated=datetime.date(2026, 1, 1),
        body=[("text", "<p>Imprint.</p>")],
    )
    builders.home().add_child(instance=page)
    return _publish(page, page.title)


def build_privacy() -> Page:
    page = models.PrivacyPolicyPage(
        title=_title("privacy"),
        slug=f"privacy-{next(_counter)}",
        version="1",
        effective_date=datetime.date(2026, 1, 1),
        body=[("text", "<p>Privacy.</p>")],
    )
    builders.home().add_child(instance=page)
    return _publish(page, page.title)


BUILDERS: dict[type[db.Model], Callable[[], db.Model]] = {
    models.HomePage: build_home,
    models.StoryIndexPage: lambda: _publish(builders.story_index(), _title("stories")),
    models.StoryPage: lambda: builders.story(title=_title("story")),
    models.ExhibitionIndexPage: lambda: _publish(builders.exhibition_index(), _title("expos")),
    models.ExhibitionPage: lambda: builders.exhibition(title=_title("exhibition")),
    models.LegalPage: build_legal,
    models.PrivacyPolicyPage: build_privacy,
    tour_models.TourIndexPage: lambda: _publish(tour_builders.tour_index(), _title("tours")),
    tour_models.TourPage: lambda: tour_builders.tour(
        [tour_builders.scene("hal")], title=_title("tour")
    ),
    shop_models.ProductIndexPage: lambda: _publish(shop_builders.product_index(), _title("shop")),
    shop_models.ProductPage: lambda: shop_builders.product(title=_title("product")),
    models.CollectionObject: lambda: builders.collection_object(title=_title("object")),
}


def test_every_content_model_is_in_the_matrix():
    assert set(visibility.scheduled_models()) - {Page} == set(BUILDERS)


# --- the paths -------------------------------------------------------------------------------


@dataclass
class Case:
    item: db.Model
    slug: str = ""
    variables: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Path:
    """A query and how to read off it whether the item was answered."""

    name: str
    query: str
    answered: Callable[[dict, Case], bool]
    variables: Callable[[Case], dict] = lambda case: {}


def ids(data: object) -> set[str]:
    """Every `id` anywhere in an answer."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "id" and value is not None:
                found.add(str(value))
            else:
                found |= ids(value)
    elif isinstance(data, list):
        for value in data:
            found |= ids(value)
    return found


def has_id(data: dict, case: Case) -> bool:
    return str(case.item.pk) in ids(data)


def has_title(data: dict, case: Case) -> bool:
    def titles(value: object) -> list[str]:
        if isinstance(value, dict):
            return [
                t
                for key, v in value.items()
                for t in ([v] if key in {"title", "text"} else titles(v))
            ]
        if isinstance(value, list):
            return [t for v in value for t in titles(v)]
        return []

    return any(str(title).startswith(case.item.title) for title in titles(data))


by_id = lambda case: {"id": str(case.item.pk)}  # noqa: E731
by_slug = lambda case: {"slug": case.item.slug}  # noqa: E731
by_word = lambda case: {"q": WORD}  # noqa: E731

GRAPPLE_PAGE_PATHS = [
    Path("page(id)", "query($id: ID) { page(id: $id) { id } }", has_id, by_id),
    Path("page(slug)", "query($slug: String) { page(slug: $slug) { id } }", has_id, by_slug),
    Path("pages", "{ pages(limit: 50) { id } }", has_id),
    Path(
        "pages(searchQuery)",
        "query($q: String) { pages(searchQuery: $q, limit: 50) { id } }",
        has_id,
        by_word,
    ),
    Path(
        "children",
        "{ pages(limit: 20) { children(limit: 10) { id } parent { children(limit: 10) { id } } } }",
        has_id,
    ),
    Path(
        "descendants",
        "{ pages(limit: 20) { parent { descendants(limit: 20) { id } } } }",
        has_id,
    ),
    Path("siblings", "{ pages(limit: 20) { siblings(limit: 20) { id } } }", has_id),
    Path(
        "next/previous siblings",
        "{ pages(limit: 20) { nextSiblings(limit: 10) { id } previousSiblings(limit: 10) { id } } }",
        has_id,
    ),
    Path("site.pages", "{ sites { pages(limit: 50) { id } } }", has_id),
]
SEARCH_PATHS = [
    Path(
        "search",
        "query($q: String!) { search(query: $q, first: 50) { nodes { title } } }",
        has_title,
        by_word,
    ),
    Path(
        "searchSuggest",
        "query($q: String!) { searchSuggest(prefix: $q, first: 20) { text } }",
        has_title,
        by_word,
    ),
]


def explicit(name: str, query: str, variables=lambda case: {}) -> Path:
    return Path(name, query, has_id, variables)


OBJECT = "collectionObject { id }"
EXPLICIT_PATHS: dict[type[db.Model], list[Path]] = {
    models.HomePage: [explicit("homePage", '{ homePage(locale: "fr") { id } }')],
    models.StoryPage: [
        explicit("stories", "{ stories(first: 50) { nodes { id } } }"),
        explicit("story", "query($slug: String) { story(slug: $slug) { id } }", by_slug),
        explicit(
            "exhibition.relatedStories",
            "{ exhibitions(first: 50) { nodes { relatedStories { id } } } }",
        ),
        explicit(
            "hotspot target (story)",
            "{ tours(first: 50) { nodes { scenes { hotspots { target { ... on Story { id } } } } } } }",
        ),
    ],
    models.ExhibitionPage: [
        explicit("exhibitions", "{ exhibitions(first: 50) { nodes { id } } }"),
        explicit("exhibition", "query($slug: String) { exhibition(slug: $slug) { id } }", by_slug),
        explicit(
            "hotspot target (exhibition)",
            "{ tours(first: 50) { nodes { scenes { hotspots { target { ... on Exhibition { id } } } } } } }",
        ),
    ],
    tour_models.TourPage: [
        explicit("tours", "{ tours(first: 50) { nodes { id } } }"),
        explicit("tour", "query($slug: String) { tour(slug: $slug) { id } }", by_slug),
    ],
    shop_models.ProductPage: [
        explicit("products", "{ products(first: 50) { nodes { id } } }"),
        explicit("product", "query($slug: String) { product(slug: $slug) { id } }", by_slug),
    ],
    models.CollectionObject: [
        explicit("collectionObjects", "{ collectionObjects(first: 50) { nodes { id } } }"),
        explicit(
            "collectionObject",
            "query($n: String!) { collectionObject(inventoryNumber: $n) { id } }",
            lambda case: {"n": case.item.inventory_number},
        ),
        explicit("snippets", "{ snippets { ... on CollectionObject { id } } }"),
        explicit(
            "exhibition chapters",
            f"{{ exhibitions(first: 50) {{ nodes {{ chapters {{ objects {{ {OBJECT} }} }} }} }} }}",
        ),
        explicit(
            "story body",
            "{ stories(first: 50) { nodes { body { ... on CollectionObjectSection "
            f"{{ {OBJECT} }} }} }} }} }}",
        ),
        explicit(
            "hotspot target (object)",
            "{ tours(first: 50) { nodes { scenes { hotspots { target "
            "{ ... on CollectionObject { id } } } } } } }",
        ),
        explicit("product.reproduces", "{ products(first: 50) { nodes { reproduces { id } } } }"),
    ],
}


def references(item: db.Model) -> None:
    """Visible content around `item`: a sibling page (for the sibling paths) and content
    that embeds it (for the embedded-reference paths)."""
    if isinstance(item, Page):
        sibling = models.StoryIndexPage(title="Buur", slug=f"buur-{next(_counter)}")
        item.get_parent().add_child(instance=sibling)
        sibling.save_revision().publish()
    if isinstance(item, models.CollectionObject):
        builders.exhibition(objects=[item], title="Expo")
        builders.story(
            title="Verhaal",
            body=[("collection_object", {"collection_object": item, "caption": "Kijk"})],
        )
        target = {"target_kind": "object", "target_object": item}
        shop_builders.product(title="Replica", reproduces=item)
    elif isinstance(item, models.StoryPage):
        exhibition = builders.exhibition(title="Expo", publish=False)
        exhibition.related_stories = [models.ExhibitionRelatedStory(story=item, sort_order=0)]
        exhibition.save_revision().publish()
        target = {"target_kind": "story", "target_story": item}
    elif isinstance(item, models.ExhibitionPage):
        target = {"target_kind": "exhibition", "target_exhibition": item}
    else:
        return
    hotspot = tour_models.Hotspot(yaw=0, pitch=0, label="Kijk", **target)
    tour_builders.tour([tour_builders.scene("zaal", hotspots=[hotspot])], title="Rondleiding")


def paths_for(item: db.Model) -> list[Path]:
    model = type(item)
    paths = list(EXPLICIT_PATHS.get(model, []))
    if issubclass(model, Page):
        # `site { pages }` lists the pages of a Site's tree; a new language's home is not.
        in_site = any(
            Page.objects.in_site(site).filter(pk=item.pk).exists() for site in Site.objects.all()
        )
        paths += [path for path in GRAPPLE_PAGE_PATHS if in_site or path.name != "site.pages"]
    if any(issubclass(model, source.model) for source in search_registry.sources()):
        paths += SEARCH_PATHS
    return paths


STATES = {
    "expired": {"expire_at": datetime.timedelta(minutes=-1)},
    "not yet live": {"go_live_at": datetime.timedelta(hours=1)},
}


def move_clock(item: db.Model, state: str) -> None:
    """Put `item` in `state` as the cron would find it: still `live`, its moment passed
    (or still to come); its search documents carry the same moments, as they do when
    the item was indexed with them."""
    now = timezone.now()
    change = {name: now + delta for name, delta in STATES[state].items()}
    table = item._meta.get_field("go_live_at").model
    table._base_manager.filter(pk=item.pk).update(**change)
    columns = {"expire_at": "expires_at", "go_live_at": "visible_from"}
    SearchDocument.objects.filter(
        source_type=ContentType.objects.get_for_model(type(item)), source_id=item.pk
    ).update(**{columns[name]: value for name, value in change.items()})


MATRIX = [
    pytest.param(model, state, id=f"{model.__name__}-{state}")
    for model in BUILDERS
    for state in STATES
]


@pytest.fixture
def uncached(settings):
    settings.VITRINE_GRAPHQL = {**settings.VITRINE_GRAPHQL, "RESPONSE_CACHE_SECONDS": 0}


@pytest.mark.parametrize(("model", "state"), MATRIX)
def test_an_item_out_of_its_time_is_never_answered(
    model, state, graphql, uncached, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # indexed as after a commit
        item = BUILDERS[model]()
        references(item)
    case = Case(item)
    paths = paths_for(item)

    def answered() -> set[str]:
        found = set()
        for path in paths:
            result = graphql(path.query, path.variables(case))
            assert "errors" not in result, (path.name, result)
            if path.answered(result["data"], case):
                found.add(path.name)
        return found

    assert answered() == {path.name for path in paths}, "every path answers a visible item"
    move_clock(item, state)
    assert answered() == set()
