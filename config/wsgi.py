import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# The embedded tier (no broker, eager tasks) runs the periodic jobs in this process
# (gridportal/core/periodic.py); with a broker Celery beat does, and this does nothing.
from gridportal.core.periodic import embedded_scheduler_start  # noqa: E402

embedded_scheduler_start()
