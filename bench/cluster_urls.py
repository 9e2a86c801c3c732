"""The project's URLs plus /bench/insert/: a trivial Django endpoint that inserts one row.

It goes through the same stack as a report (nginx, gunicorn, every middleware, a
transaction on the primary) and does nothing else, so «intake rate ÷ this rate» says what
the intake itself costs. Only bench/cluster.py's nodes load this module.
"""

from django.db import connection, transaction
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from config.urls import urlpatterns as project_urls


@csrf_exempt
@require_POST
def trivial_insert(request):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_insert (body) VALUES (%s) RETURNING id", [request.body])
        (number,) = cursor.fetchone()
    return JsonResponse({"number": number}, status=201)


urlpatterns = [path("bench/insert/", trivial_insert), *project_urls]
