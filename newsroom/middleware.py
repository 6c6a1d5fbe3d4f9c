"""Response headers every page carries, besides those of Django's SecurityMiddleware and
django-csp."""

from django.conf import settings


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
