"""The site's URLs plus the demo's media files, which Django serves only with DEBUG on.

The browser tests run with DEBUG off (as pytest-django does), yet the pages they check
show images; serving media here keeps the real URLconf untouched.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from museum_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
