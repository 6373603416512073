import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings.base")

django_application = get_wsgi_application()

from eportal.core.counter_wsgi import HitCounterFastPath  # noqa: E402  (needs Django set up)

# The hit counter frame, requested by every page view, skips Django's request handling.
application = HitCounterFastPath(django_application)
