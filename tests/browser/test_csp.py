"""The Content-Security-Policy holds on the public site and in the admin: a real browser loads
the pages a visitor and an administrator (with two-step verification) use, and reports every
`securitypolicyviolation` event and CSP console error. None is expected."""

import threading

import pytest
from django.db import connection

from practices.models import PracticePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("demo"),
]  # reads the demo (issue 12: to convert)

USERNAME, PASSWORD = "csp-admin", "csp-admin-browser-test-2026"

COLLECT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const where = `${event.sourceFile}:${event.lineNumber}`;
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


def in_own_connection(work):
    """Runs `work` in a thread, as the live server does: its writes are committed and visible
    to the server (the test's own connection is inside a transaction that is rolled back)."""
    result = {}

    def run():
        try:
            result["value"] = work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result.get("value")


def create_admin_with_app():
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.create_superuser(USERNAME, f"{USERNAME}@example.org", PASSWORD)
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True).pk


def delete_admin():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth import get_user_model

    from accounts.sessions import end_sessions_of

    for user in get_user_model().objects.filter(username=USERNAME):
        end_sessions_of(user.pk)
        user.delete()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=USERNAME).delete()


@pytest.fixture
def admin_with_app(django_db_blocker, settings):
    settings.TWO_FACTOR_REQUIRED_FOR_PRIVILEGED = True
    with django_db_blocker.unblock():
        in_own_connection(delete_admin)
        device_pk = in_own_connection(create_admin_with_app)
        yield device_pk
        in_own_connection(delete_admin)


def current_code(device_pk):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.demo import current_code as code

    return in_own_connection(lambda: code(TOTPDevice.objects.get(pk=device_pk)))


def visit(page, url, console_errors):
    response = page.goto(url)
    assert response.status < 400, url
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__cspViolations")
    errors = [message for message in console_errors if "Content Security Policy" in message]
    console_errors.clear()
    return violations + errors


def test_public_site_and_admin_raise_no_csp_violation(page, site_url, admin_with_app):
    practice = PracticePage.objects.live().filter(locale__language_code="es").order_by("pk").first()
    console_errors = []
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    page.add_init_script(COLLECT)

    found = {}
    for url in ("/es/", "/es/buscar/?q=asilo", practice.url):
        found[url] = visit(page, site_url + url, console_errors)

    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url("**/two-factor/verify/**")
    found["/admin/account-security/two-factor/verify/"] = page.evaluate("window.__cspViolations")
    assert page.locator("#id_code").count() == 1
    page.fill("#id_code", current_code(admin_with_app))
    page.press("#id_code", "Enter")
    page.wait_for_url(f"{site_url}/admin/")

    for url in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{practice.pk}/edit/",
        "/admin/snippets/practices/topic/",
        "/admin/account-security/two-factor/",
    ):
        found[url] = visit(page, site_url + url, console_errors)
    assert page.locator("h1").first.is_visible()

    assert {url: problems for url, problems in found.items() if problems} == {}
