"""WSGI entry point for Vitrine."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "museum_site.settings")
application = get_wsgi_application()
