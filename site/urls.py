from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from museum_site import storage, views
from museum_site.graphql.view import MuseumGraphQLView

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Authenticated by header, never by cookie, so CSRF does not apply.
    path("graphql/", csrf_exempt(MuseumGraphQLView.as_view(graphiql=settings.DEBUG))),
    path("shop/", include("shop.urls")),  # Stripe webhook, digital downloads
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

# Headless: Wagtail does not serve pages; the frontend does (see frontend/). Every other
# path, `/preview` included, is the single-page app's; it shows its own 404 page.
urlpatterns += [
    re_path(
        r"^(?!(?:admin|documents|graphql|shop|static|media)(?:/|$)).*$",
        views.frontend_app,
        name="frontend",
    ),
]
