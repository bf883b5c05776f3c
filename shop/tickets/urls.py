"""Included by shop/urls.py under /shop/tickets/ (names in the `shop` namespace)."""

from django.urls import path

from shop.tickets import views

urlpatterns = [
    path("<str:code>/qr.svg", views.qr_code, name="ticket-qr"),
    path("<str:code>/ticket.pdf", views.ticket_pdf, name="ticket-pdf"),
]
