"""/iiif/…: Image API 3 services, Presentation 3 manifests and collections."""

from django.urls import path

from . import views

urlpatterns = [
    path("image/<int:image_id>", views.image_base, name="iiif-image-base"),
    path("image/<int:image_id>/info.json", views.image_info, name="iiif-image-info"),
    path(
        "image/<int:image_id>/<str:region>/<str:size>/<str:rotation>/<str:quality>.<str:image_format>",
        views.image,
        name="iiif-image",
    ),
    path("object/<uuid:key>/manifest.json", views.object_manifest, name="iiif-manifest"),
    path(
        "exhibition/<int:page_id>/collection.json",
        views.exhibition_collection,
        name="iiif-exhibition",
    ),
]
