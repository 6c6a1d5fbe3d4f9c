"""Presence and locks in the desk (admin mixin): a change form says who else has the record
open ("Mei Tanaka is editing this (since 14:02)"), updated by a heartbeat
(``static/js/presence.js`` posts to ``presence/`` every few seconds, and says goodbye when
the page goes). Anyone who may edit the record may lock it; while it is locked, the others
see it read-only and their saves are refused; its holder unlocks it, and whoever
``can_take_lock`` may take it over. Presence itself never blocks a save.

An admin opts in with PresenceAdmin and includes ``admin/includes/presence.html``.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from newsroom.core import presence
from newsroom.core.text import clock, join_words, zone_name


def _name(user):
    return user.get_full_name() or user.get_username()


class PresenceAdmin:
    presence_beat_seconds = 8

    def can_take_lock(self, request, obj):
        """Who may take over someone else's lock (an admin says; by default, superusers)."""
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or getattr(request, "ignoring_lock", False):
            return allowed
        return presence.locked_for(request.user, obj) is None

    def may_edit_ignoring_lock(self, request, obj):
        request.ignoring_lock = True
        try:
            return self.has_change_permission(request, obj)
        finally:
            request.ignoring_lock = False

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_presence"
        view = self.admin_site.admin_view(require_POST(self.presence_view))
        return [path("<path:object_id>/presence/", view, name=name), *super().get_urls()]

    def presence_url(self, obj):
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_presence"
        return reverse(name, args=[obj.pk])

    def presence_state(self, request, obj, others):
        """What the page shows: who else is here, and the lock."""
        people = [{"name": _name(p.user), "since": clock(p.since)} for p in others]
        if not people:
            message = ""
        elif len(people) == 1:
            message = _("%(name)s is editing this (since %(since)s, %(zone)s time).") % {
                **people[0],
                "zone": zone_name(),
            }
        else:
            message = _("%(names)s are editing this.") % {
                "names": join_words(f"{p['name']} (since {p['since']})" for p in people)
            }
        held = presence.lock_of(obj)
        may_edit = self.may_edit_ignoring_lock(request, obj)
        lock = None
        if held is not None:
            mine = held.locked_by_id == request.user.pk
            lock = {
                "mine": mine,
                "text": _("You locked this at %(at)s: others cannot save it until you unlock it.")
                % {"at": clock(held.locked_at)}
                if mine
                else _("Locked by %(name)s since %(at)s: you can read it but not save it.")
                % {"name": _name(held.locked_by), "at": clock(held.locked_at)},
            }
        return {
            "others": people,
            "message": message,
            "lock": lock,
            "can_lock": may_edit and held is None,
            "can_unlock": bool(lock and lock["mine"]),
            "can_take": bool(
                lock and not lock["mine"] and may_edit and self.can_take_lock(request, obj)
            ),
        }

    def presence_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        action = request.POST.get("presence_action", "beat")
        if action == "leave":
            presence.leave(user=request.user, obj=obj)
            return JsonResponse({"left": True})
        if action in ("lock", "take", "unlock"):
            if not self.may_edit_ignoring_lock(request, obj):
                raise PermissionDenied
            may_take = self.can_take_lock(request, obj)
            if action == "unlock":
                presence.unlock(obj=obj, by=request.user, may_take=may_take)
                done = _("Unlocked: others can save it again.")
            else:
                presence.lock(obj=obj, by=request.user, may_take=action == "take" and may_take)
                done = _("Locked: only you can save it until you unlock it.")
            if not request.headers.get("Accept", "").startswith("application/json"):
                self.message_user(request, done, messages.SUCCESS)
                return redirect(
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]
                    )
                )
        others = presence.beat(user=request.user, obj=obj)
        return JsonResponse(self.presence_state(request, obj, others))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if (
            obj is not None
            and request.method == "GET"
            and self.has_view_or_change_permission(request, obj)
        ):
            others = presence.beat(user=request.user, obj=obj)
            extra_context.update(
                presence=self.presence_state(request, obj, others),
                presence_url=self.presence_url(obj),
                presence_beat=self.presence_beat_seconds,
            )
        return super().changeform_view(request, object_id, form_url, extra_context)
