"""A `SENDFILE_BACKEND` for Wagtail's document serve view behind nginx (production settings).

Django checks who may download (`private_media.py`), then answers with an empty response whose
`X-Accel-Redirect` names the file under `SENDFILE_URL`; nginx serves it from that `internal`
location (`docker/nginx.conf`), which no visitor can request directly. Wagtail's `sendfile()`
adds Content-Type, Content-Disposition and length around this."""

import os
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    relative = os.path.relpath(os.path.realpath(filename), os.path.realpath(settings.SENDFILE_ROOT))
    if relative.startswith(".."):
        raise ValueError(f"{filename} is outside SENDFILE_ROOT")
    response = HttpResponse()
    response["X-Accel-Redirect"] = quote(settings.SENDFILE_URL.rstrip("/") + "/" + relative.replace(os.sep, "/"))
    return response
