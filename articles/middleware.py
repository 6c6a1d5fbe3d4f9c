"""Old addresses that still answer: a WordPress permalink, ``/?p=123``, an old slug. A
redirect answers 301 with its record's address while that record is public (a published
article whose time has come, a published page); otherwise the old address is the 404 it
would be anyway, so a redirect never shows what readers may not see."""

import re

from django.http import HttpResponsePermanentRedirect

from articles.models import Article, Redirect, StaticPage

QUERY_IDS = ("p", "page_id")
NUMBER = re.compile(r"[0-9]{1,18}")  # WordPress's own addresses of a post and a page


def redirect_for(old_path):
    """The public address `old_path` now leads to, or None."""
    redirect = Redirect.objects.filter(old_path=old_path).select_related("content_type").first()
    if redirect is None:
        return None
    model = redirect.content_type.model_class()
    if model is Article:
        target = Article.objects.published().filter(pk=redirect.object_id).first()
    elif model is StaticPage:
        target = StaticPage.objects.filter(pk=redirect.object_id, published=True).first()
    else:
        target = None
    return target.get_absolute_url() if target else None


class RedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/":
            for name in QUERY_IDS:
                value = request.GET.get(name, "")
                if NUMBER.fullmatch(value):
                    url = redirect_for(f"/?{name}={int(value)}")
                    if url:
                        return HttpResponsePermanentRedirect(url)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            url = redirect_for(request.path[:500])
            if url and url != request.path:
                return HttpResponsePermanentRedirect(url)
        return response
