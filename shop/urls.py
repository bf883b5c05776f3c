"""Mounted by the site under /shop/: `path("shop/", include("shop.urls"))`."""

from django.urls import path

from shop import views

app_name = "shop"

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
    path("downloads/<str:token>/", views.download, name="download"),
    path("invoices/<str:token>/", views.invoice, name="invoice"),
]
