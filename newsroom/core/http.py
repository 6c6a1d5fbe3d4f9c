"""Who is asking: the client's address, as rate limits and login throttles count it."""

import functools
import ipaddress

from django.conf import settings


@functools.cache
def _trusted(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted(address, networks):
    return any(address in network for network in networks)


def client_ip(request):
    """The client's address: ``REMOTE_ADDR``, unless that is one of the proxies in
    NEWSROOM_TRUSTED_PROXIES (the load balancer, the local nginx); then the last address in
    ``X-Forwarded-For`` that is not one of them (what the nearest trusted proxy saw). An
    address any client can write into the header is never believed: only one a trusted
    proxy appended."""
    remote = request.META.get("REMOTE_ADDR") or None
    networks = _trusted(tuple(settings.NEWSROOM_TRUSTED_PROXIES))
    try:
        if not remote or not networks or not _is_trusted(ipaddress.ip_address(remote), networks):
            return remote
    except ValueError:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for candidate in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        try:
            address = ipaddress.ip_address(candidate)
        except ValueError:
            return remote  # a header no proxy of ours wrote
        if not _is_trusted(address, networks):
            return str(address)
    return remote


class UnicodeSlug:
    """A URL converter (``<uslug:slug>``): a slug in any script, as
    ``slugify(allow_unicode=True)`` makes (an imported 小栗旬 or café-société)."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
