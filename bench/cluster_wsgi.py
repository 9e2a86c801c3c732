"""The application as a node of bench/cluster.py serves it, plus one trivial endpoint.

`POST /bench/insert` inserts one row into `bench_insert` and answers its number: the
baseline the report intake is compared with — the same gunicorn, the same Django middleware,
the same database, one INSERT and nothing else. Only benchmark nodes load this module
(`gunicorn --pythonpath bench cluster_wsgi:application`); the portal never routes it.
"""

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()

from django.db import connection  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402

from config import urls  # noqa: E402


@csrf_exempt
def insert(request):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_insert (at) VALUES (now()) RETURNING id")
        (number,) = cursor.fetchone()
    return JsonResponse({"number": str(number)}, status=201)


urls.urlpatterns.insert(0, path("bench/insert", insert))
