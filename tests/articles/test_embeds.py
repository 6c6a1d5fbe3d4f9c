import pytest
from django.core.exceptions import ValidationError

from articles.embeds import parse_video_url, validate_video_url


@pytest.mark.parametrize(
    ("url", "provider", "video_id"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", "dQw4w9WgXcQ"),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=30", "YouTube", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", "dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "Vimeo", "76979871"),
        ("https://player.vimeo.com/video/76979871", "Vimeo", "76979871"),
    ],
)
def test_youtube_and_vimeo_links_are_recognised(url, provider, video_id):
    video = parse_video_url(url)
    assert (video.provider, video.video_id) == (provider, video_id)
    assert video.embed_url.startswith("https://")
    validate_video_url(url)


def test_youtube_players_use_the_no_cookie_domain():
    assert "youtube-nocookie.com" in parse_video_url("https://youtu.be/dQw4w9WgXcQ").embed_url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "ftp://vimeo.com/76979871",
        "not a url",
    ],
)
def test_anything_else_is_refused(url):
    assert parse_video_url(url) is None
    with pytest.raises(ValidationError, match="YouTube or Vimeo"):
        validate_video_url(url)
