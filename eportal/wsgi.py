import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings.base")

django_application = get_wsgi_application()

from eportal.core.counter_wsgi import HitCounterFastPath  # noqa: E402  (needs Django set up)
from eportal.operations.probes import ProbeFastPath  # noqa: E402

# The hit counter frame, requested by every page view, and the load balancer's probes
# (/healthz, /readyz) skip Django's request handling.
application = ProbeFastPath(HitCounterFastPath(django_application))
