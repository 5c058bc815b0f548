"""django-csp's middleware with the one exception the Wagtail admin needs.

Wagtail 8 still writes inline scripts in its admin templates (date and time widgets, inline
panels, multiple choosers, search promotions) and sets inline styles from JavaScript, so the
admin gets 'unsafe-inline' for scripts and styles. A nonce would not help: the inline scripts
carry none, and a browser ignores 'unsafe-inline' as soon as a nonce is in the policy, so the
admin's policy has no nonce. The public site keeps the strict policy from settings.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from django.urls import reverse

ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
}


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.replace = {**ADMIN_DIRECTIVES, **(parts.replace or {})}
            parts.nonce = None
        return parts
