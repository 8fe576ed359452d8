"""HTTP security headers that Django's own settings do not cover."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

# The site uses none of these browser features; turning them off limits what
# injected content could ever do.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


def is_admin_path(path):
    return path.startswith("/" + settings.ADMIN_URL)


class SiteCSPMiddleware(CSPMiddleware):
    """The public site's strict policy everywhere, a looser one for the staff admin.

    The admin's rich-text editor relies on an inline import map and inline styles,
    which the public site never needs.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and is_admin_path(request.path_info):
            return PolicyParts(config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
