"""Mounted by the site under /shop/: `path("shop/", include("shop.urls"))`."""

from django.urls import include, path

from shop import views

app_name = "shop"

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
    path("downloads/<str:token>/", views.download, name="download"),
    path("tickets/", include("shop.tickets.urls")),  # e-ticket QR codes and PDFs
]
