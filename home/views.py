from django.db import connection
from django.http import HttpResponse


def health(request):
    """For container health checks: the process answers and reaches its database."""
    connection.ensure_connection()
    return HttpResponse("ok", content_type="text/plain")
