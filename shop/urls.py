"""Mounted by the site under /shop/: `path("shop/", include("shop.urls"))`."""

from django.urls import path

from shop import views

app_name = "shop"

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
    path("stripe/webhook/<slug:museum>/", views.stripe_webhook, name="stripe-webhook-museum"),
    path("downloads/<str:token>/", views.download, name="download"),
]
