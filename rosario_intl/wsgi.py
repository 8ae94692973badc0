"""WSGI entry point; gunicorn serves ``rosario_intl.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rosario_intl.settings.prod")

application = get_wsgi_application()
