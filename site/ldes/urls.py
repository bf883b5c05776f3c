from django.urls import path

from . import views

urlpatterns = [
    path("<slug:museum>/terms/scheme", views.scheme, name="ldes-scheme"),
    path("<slug:museum>/<slug:kind>", views.stream, name="ldes-stream"),
    path("<slug:museum>/<slug:kind>/<int:number>", views.page, name="ldes-page"),
]
