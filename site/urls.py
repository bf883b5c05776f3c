from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from museum_site import sitemap, storage, views
from museum_site.graphql.view import MuseumGraphQLView
from museum_site.ldes import views as ldes_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Authenticated by header, never by cookie, so CSRF does not apply.
    path("graphql/", csrf_exempt(MuseumGraphQLView.as_view(graphiql=settings.DEBUG))),
    path("shop/", include("shop.urls")),  # Stripe webhook, digital downloads
    # IIIF Image and Presentation APIs for other institutions' viewers (museum_site.iiif).
    path("iiif/", include("museum_site.iiif.urls")),
    # Linked open data: LDES event streams and the SKOS scheme (museum_site.ldes).
    path("ldes/", include("museum_site.ldes.urls")),
    # Their members' IRIs dereference: a version's RDF, an entity's latest version (303).
    path("id/terms", ldes_views.scheme_iri, name="ldes-scheme-iri"),
    path("id/<slug:kind>/<str:entity>", ldes_views.entity, name="ldes-entity"),
    path(
        "id/<slug:kind>/<str:entity>/<slug:state>/<slug:key>",
        ldes_views.version,
        name="ldes-version",
    ),
    # Private files on the local disk, by an expiring signed link (museum_site.storage);
    # on object storage the same links are signed S3 URLs.
    path("media/private/<str:token>/", storage.private_file, name="private_file"),
]

if settings.DEBUG:
    from django.views.static import serve

    # Documents only through Wagtail's view (/documents/<id>/<name>), which refuses the
    # files the shop sells; a production web server must not serve MEDIA_ROOT/documents
    # either.
    urlpatterns += [
        re_path(
            r"^{}(?!documents/)(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Headless: Wagtail does not serve pages; the frontend does (see frontend/), rendered on
# the server by its renderer (museum_site.page_renderer). Django answers what it knows:
# the sitemap, robots.txt, `/` (to the visitor's language) and the preview shell.
urlpatterns += [
    path("sitemap.xml", sitemap.sitemap_index, name="sitemap"),
    path("sitemap-<str:language>.xml", sitemap.sitemap_for_language, name="sitemap-language"),
    path("robots.txt", sitemap.robots_txt, name="robots"),
    path("", views.language_root, name="language-root"),
    re_path(r"^preview/?$", views.frontend_app, name="preview"),
    re_path(
        r"^(?!(?:admin|documents|graphql|id|iiif|ldes|shop|static|media)(?:/|$)).*$",
        views.frontend_page,
        name="frontend",
    ),
]
