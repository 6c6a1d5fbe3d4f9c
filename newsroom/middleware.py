"""Response headers every page carries, besides those of Django's SecurityMiddleware and
django-csp."""

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.functional import cached_property


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


ADMIN_STYLES = {"style-src": ["'unsafe-inline'"]}
_PER_RESPONSE = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with one allowance for the admin only: its rich-text and block
    editors (ProseMirror, django-content-editor) set style attributes from JavaScript. Scripts
    stay strict there too; the public site allows no inline style at all.

    A response that used no nonce and no per-view policy gets one of two headers built once
    (every cached page: building the policy per response cost a quarter of a cache hit)."""

    @cached_property
    def admin_prefix(self):
        return reverse("admin:index")

    @cached_property
    def fixed_headers(self):
        return {
            admin: build_policy(
                config=None, update=ADMIN_STYLES if admin else None, replace=None, nonce=None
            )
            for admin in (False, True)
        }

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.update is None and request.path.startswith(self.admin_prefix):
            parts.update = ADMIN_STYLES
        return parts

    def process_response(self, request, response):
        fixed = (
            getattr(request, "_csp_nonce", None) is None
            and not settings.DEBUG
            and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            and HEADER not in response
            and not any(hasattr(response, name) for name in _PER_RESPONSE)
        )
        if not fixed:
            return super().process_response(request, response)
        response[HEADER] = self.fixed_headers[request.path.startswith(self.admin_prefix)]
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


class NullBytesMiddleware:
    """A NUL character in the query of a desk address (``/admin/autocomplete/?term=%00``) is
    refused with a 400: PostgreSQL refuses it in any query, and the admin's searches and
    filters would pass it on (a 500). Public pages handle it themselves, as a form error
    in their filters and searches."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return reverse("admin:index")

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix) and any(
            "\x00" in key + "".join(values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest("A NUL character is not allowed in the address.")
        return self.get_response(request)
