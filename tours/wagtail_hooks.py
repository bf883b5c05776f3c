"""Tours in the admin and in the GraphQL schema."""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks

from tours import admin_views


@hooks.register("register_admin_urls")
def panorama_editor_urls() -> list:
    # Wagtail's admin URLs already require an admin login.
    return [
        path(
            "tours/panorama/<int:image_id>/",
            admin_views.panorama_preview,
            name="tours_panorama_preview",
        )
    ]


@hooks.register("register_schema_query")
def add_tour_queries(query_mixins: list) -> None:
    from tours.graphql.queries import TourQuery

    query_mixins.insert(0, TourQuery)


@hooks.register("insert_editor_js")
def panorama_editor_js() -> str:
    return format_html(
        '<script src="{}"></script><script src="{}"></script><script src="{}"></script>',
        static("tours/vendor/pannellum-2.5.7/pannellum.js"),
        static("tours/js/panorama-editor.js"),
        static("tours/js/scene-choices.js"),
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_unreachable_scenes(request, page) -> None:
    """Saving is allowed (a tour grows scene by scene), but the editor is told which
    scenes no hotspot path leads to from the first scene."""
    from django.contrib import messages
    from django.utils.translation import gettext as _

    from tours.models import TourPage

    page = page.specific
    if not isinstance(page, TourPage):
        return
    unreachable = page.unreachable_scenes()
    if unreachable:
        messages.warning(
            request,
            _(
                "Visitors cannot reach these scenes from the first scene: %(scenes)s. Add a hotspot that leads there."
            )
            % {"scenes": ", ".join(scene.title for scene in unreachable)},
        )


@hooks.register("vitrine_load_demo")
def load_demo_tour(stdout) -> None:
    from tours.demo import load_demo_tour

    load_demo_tour(stdout)


@hooks.register("construct_homepage_panels")
def tour_dashboard_panels(request, panels: list) -> None:
    from museum_site.dashboard import add_panels
    from tours.dashboard import TOUR_PANELS

    add_panels(request, panels, TOUR_PANELS)
