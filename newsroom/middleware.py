"""Response headers every page carries, besides those of Django's SecurityMiddleware and
django-csp."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


def permissions_policy(policy):
    """{"camera": [], "fullscreen": ["self", "https://x"]} -> 'camera=(), fullscreen=(self "https://x")'."""
    parts = []
    for feature, allowed in policy.items():
        origins = " ".join(item if item == "self" else f'"{item}"' for item in allowed)
        parts.append(f"{feature}=({origins})")
    return ", ".join(parts)


class PermissionsPolicyMiddleware:
    """Switches off the browser features the site never uses (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with one allowance for the admin only: its rich-text and block
    editors (ProseMirror, django-content-editor) set style attributes from JavaScript. Scripts
    stay strict there too; the public site allows no inline style at all."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.update is None and request.path.startswith(reverse("admin:index")):
            parts.update = {"style-src": ["'unsafe-inline'"]}
        return parts
