"""The follow form (a page of its own, so the show and person pages stay cacheable by a
CDN), the confirmation and the one-click unsubscribe."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from newsroom.core import limits
from newsroom.core.http import client_ip

from . import services
from .forms import FollowForm

NO_STORE = "private, no-store"


def _over_limit(kind, key, setting):
    count, seconds = (int(part) for part in str(getattr(settings, setting)).split("/"))
    return limits.hit(f"follows:rate:{kind}:{key}", seconds=seconds) > count


def _page(request, template, context, status=200):
    response = render(request, template, context, status=status)
    response["Cache-Control"] = NO_STORE
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def follow(request, kind, slug):
    if kind not in ("show", "person"):
        raise Http404
    followed = services.followed_from(kind, slug)
    if followed is None:
        raise Http404
    context = {"followed": followed, "kind": kind}
    if request.method != "POST":
        return _page(request, "follows/follow.html", {**context, "form": FollowForm()})
    form = FollowForm(request.POST)
    if not form.is_valid():
        return _page(request, "follows/follow.html", {**context, "form": form}, status=400)
    email = form.cleaned_data["email"].lower()
    if _over_limit("ip", client_ip(request), "FOLLOWS_RATE_IP") or _over_limit(
        "email", email, "FOLLOWS_RATE_EMAIL"
    ):
        form.add_error(None, _("Too many requests in a short time. Please try again later."))
        return _page(request, "follows/follow.html", {**context, "form": form}, status=429)
    services.ask_to_follow(email=email, followed=followed)
    return redirect("follows:sent")


@require_safe
def sent(request):
    return _page(
        request,
        "follows/message.html",
        {
            "title": _("Check your inbox"),
            "message": _(
                "If the address is right, a confirmation link is on its way. Nothing is sent "
                "until you open it; it works for %(days)d days."
            )
            % {"days": settings.FOLLOWS_CONFIRM_DAYS},
        },
    )


def _refused(request, refusal):
    return _page(
        request,
        "follows/message.html",
        {"title": _("This link cannot be used"), "message": refusal.message},
        status=refusal.status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button (a mail scanner opening the link confirms nothing); its POST
    confirms."""
    try:
        if request.method == "POST":
            follow = services.confirm_follow(token)
            return _page(
                request,
                "follows/message.html",
                {
                    "title": _("You follow %(name)s") % {"name": follow.followed},
                    "message": _("The weekly digest will tell you what changed."),
                    "link": follow.followed.get_absolute_url(),
                },
            )
        follow = services.pending_follow(token)
    except services.LinkRefused as refusal:
        return _refused(request, refusal)
    return _page(request, "follows/confirm.html", {"follow": follow})


@csrf_exempt  # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click"; the token is the key
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        if request.method == "POST":
            services.unsubscribe(token)
            return _page(
                request,
                "follows/message.html",
                {
                    "title": _("You are unsubscribed"),
                    "message": _("Nothing more will be sent, and your address is deleted."),
                },
            )
        follower = services.unsubscribing(token)
    except services.LinkRefused as refusal:
        return _refused(request, refusal)
    return _page(request, "follows/unsubscribe.html", {"follower": follower})
