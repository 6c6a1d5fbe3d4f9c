"""A post's content as body blocks, and the export read as a stream: the parts on their own."""

import io

import pytest

from articles.wordpress.content import to_blocks, wpautop
from articles.wordpress.wxr import CleanStream


def _kinds(html):
    return [
        (block.kind, block.html or block.attachment or block.url)
        for block in to_blocks(html).blocks
    ]


def test_a_writers_own_brackets_are_text_not_shortcodes():
    converted = to_blocks("The minister [sic] resigned. [Updated 3pm: police confirmed it.]")
    assert converted.blocks[0].html == (
        "<p>The minister [sic] resigned. [Updated 3pm: police confirmed it.]</p>"
    )
    assert not converted.shortcodes
    code = to_blocks("<pre>arr[key] = [gallery]</pre>")
    assert "arr[key] = [gallery]" in code.blocks[0].html


def test_shortcodes_become_blocks_or_are_listed():
    converted = to_blocks('[contact-form-7 id="9"] Tip us. [button]Go[/button] [[caption]]')
    assert converted.shortcodes == {"contact-form-7": 1, "button": 1}
    assert converted.blocks[0].html == "<p>Tip us. Go [caption]</p>"


def test_pictures_frames_and_tables_in_classic_posts():
    html = (
        '<p>Intro<br><a href="/x"><img class="wp-image-5" src="https://old/a.jpg" alt="A cat"></a>'
        '</p>\n\n<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
        "\n\n<table><tr><td>1</td></tr></table>\n\n[gallery]"
    )
    converted = to_blocks(html)
    kinds = [block.kind for block in converted.blocks]
    assert kinds == ["text", "photo", "text", "video", "text", "gallery"]
    assert converted.blocks[1].attachment == "5"
    assert converted.lost == {"a table (its cells kept as text)": 1}


def test_wpautop_keeps_tags_whole():
    assert wpautop('A <a\nhref="https://x/">link</a>\nhere') == (
        '<p>A <a href="https://x/">link</a><br>\nhere</p>'
    )


@pytest.mark.parametrize("size", [64, 65, 97, 1024])
def test_forbidden_characters_go_whatever_the_chunks(size):
    data = (
        b"<a>x&#1;y&#x000000001;z&#65;\x00"
        + b"\x00" * 20000
        + "\ufffe".encode()
        + b"&#xFFFE;&#55296;ok&amp;</a>"
    )
    stream, out = CleanStream(io.BytesIO(data)), b""
    while chunk := stream.read(size):
        out += chunk
    assert out == b"<a>xyz&#65;ok&amp;</a>"
    assert stream.dropped == 20006
