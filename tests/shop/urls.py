"""The site's URLs plus the shop's, as site/urls.py will include them."""

from django.urls import include, path

from museum_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("shop/", include("shop.urls")), *site_urlpatterns]
