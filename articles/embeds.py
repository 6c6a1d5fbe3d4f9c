"""Video embeds by URL. Only providers we can show as privacy-friendly click-to-load links."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{4,12}$")


@dataclass(frozen=True)
class Video:
    provider: str
    video_id: str

    @property
    def watch_url(self):
        if self.provider == "YouTube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"

    @property
    def embed_url(self):
        """The player, loaded only after the reader asks for it (no-cookie where offered)."""
        if self.provider == "YouTube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}"
        return f"https://player.vimeo.com/video/{self.video_id}?dnt=1"


def parse_video_url(url):
    """The Video a URL points at, or None when it is not a YouTube or Vimeo video."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = parts.path.strip("/").split("/")
    candidate = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if path[0] == "watch":
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif path[0] in ("embed", "shorts", "live") and len(path) > 1:
            candidate = path[1]
        if candidate and _YOUTUBE_ID.match(candidate):
            return Video("YouTube", candidate)
    elif host == "youtu.be":
        if _YOUTUBE_ID.match(path[0]):
            return Video("YouTube", path[0])
    elif host in ("vimeo.com", "player.vimeo.com"):
        candidate = path[-1]
        if _VIMEO_ID.match(candidate):
            return Video("Vimeo", candidate)
    return None


def validate_video_url(url):
    if parse_video_url(url) is None:
        raise ValidationError(
            "Paste the address of a YouTube or Vimeo video, e.g. "
            "https://www.youtube.com/watch?v=… or https://vimeo.com/123456789.",
            code="unsupported_video",
        )
