"""What a refusal looks like in the Wagtail admin: 403/404, or Wagtail's permission-denied
redirect to the dashboard (with an error message), never the object itself."""


def is_refused(response) -> bool:
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"] in ("/admin/", "/admin/login/")
