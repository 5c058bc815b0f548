"""What a refusal looks like in the Wagtail admin: 403/404, Wagtail's permission-denied redirect to
the dashboard (with an error message), or LocaleMiddleware's redirect of a 404 into a language
prefix; never the object itself."""

LANGUAGE_PREFIXES = ("/es/", "/en/", "/pt/")


def is_refused(response) -> bool:
    if response.status_code in (403, 404):
        return True
    if response.status_code != 302:
        return False
    location = response["Location"]
    return location in ("/admin/", "/admin/login/") or location.startswith(LANGUAGE_PREFIXES)
