"""Mounted by the site under /shop/: `path("shop/", include("shop.urls"))`."""

from django.urls import include, path

from shop import views
from shop.visits import views as visit_views

app_name = "shop"

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
    path("stripe/webhook/<slug:museum>/", views.stripe_webhook, name="stripe-webhook-museum"),
    path("downloads/<str:token>/", views.download, name="download"),
    path("visits/guides/<str:secret>.ics", visit_views.guide_feed, name="guide-feed"),
    path("tickets/", include("shop.tickets.urls")),  # e-ticket QR codes and PDFs
    path("invoices/<str:token>/", views.invoice, name="invoice"),
]
