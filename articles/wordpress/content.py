"""A WordPress post's content as body blocks: classic HTML (paragraphs restored by the
rules of WordPress's ``wpautop``), Gutenberg's block comments, and the shortcodes a
newsroom's archive is full of.

``to_blocks(html)`` returns a list of Block (text, photo, video, quote) and what it could
not keep as it was: the shortcodes it knows nothing of (their tags are dropped, what they
enclosed is kept). Rich text is sanitised by the block's own field when it is stored.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html import unescape

from django.utils.html import format_html

from articles.embeds import parse_video_url


@dataclass
class Block:
    kind: str  # "text", "photo", "video", "quote"
    html: str = ""  # text: the HTML; quote: the quoted words
    attachment: str = ""  # photo: the WordPress attachment id, when known
    src: str = ""  # photo: the image's address (matched to an attachment or a file)
    caption: str = ""
    url: str = ""  # video
    cite: str = ""  # quote: who said it


@dataclass
class Converted:
    blocks: list = field(default_factory=list)
    shortcodes: Counter = field(default_factory=Counter)  # unknown ones, by name
    lost: Counter = field(default_factory=Counter)  # formatting the body blocks cannot keep


BREAKS = re.compile(r"<!--\s*(?:more|nextpage|noteaser)\b.*?-->", re.S | re.I)
GUTENBERG = re.compile(
    r"<!--\s+(/)?wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+(\{.*?\}\s+)?(/)?-->", re.S
)
SHORTCODE = re.compile(
    r"(?<![\w\]])\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]\/]*(?:\/(?!\])[^\]\/]*)*?)(?:(\/)\]|\](?:([^\[]*"
    r"(?:\[(?!\/\2\])[^\[]*)*)\[\/\2\])?)(\]?)",
    re.S,
)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
IMG = re.compile(r"<img\b[^>]*>", re.I)
LINKED_IMG = re.compile(r"<a\b[^>]*>\s*(<img\b[^>]*>)\s*</a>", re.I)
IFRAME = re.compile(r"<iframe\b[^>]*>.*?</iframe>", re.I | re.S)
ALT = re.compile(r"""\balt\s*=\s*["']([^"']*)["']""", re.I)
VIDEO_SRC = re.compile(r"""<video\b[^>]*\bsrc\s*=\s*["']([^"']+)["']""", re.I)
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.S | re.I)
# Shortcodes WordPress itself registers, and what a bracketed word is when it is none of them:
# only a pair ([x]...[/x]), a self-closing tag, attributes or a plugin-like name count.
KNOWN = {
    "caption",
    "wp_caption",
    "gallery",
    "embed",
    "audio",
    "video",
    "playlist",
    "youtube",
    "vimeo",
}
SRC = re.compile(r"""\bsrc\s*=\s*["']([^"']+)["']""", re.I)
WP_IMAGE_CLASS = re.compile(r"wp-image-(\d+)")
TAGS = re.compile(r"<[^>]+>")
BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|"
    "area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|"
    "hgroup|header|footer|nav|figure|figcaption|details|menu|summary"
)
STARTS_BLOCK = re.compile(rf"^\s*</?(?:{BLOCK_TAGS})\b", re.I)
ENDS_BLOCK = re.compile(rf"</?(?:{BLOCK_TAGS})\b[^>]*>\s*$", re.I)
PRE = re.compile(r"<pre\b.*?</pre>", re.S | re.I)


def wpautop(text):
    """Paragraphs from blank lines and line breaks from single ones, as WordPress shows
    classic content (its ``wpautop``, the rules that matter for stored posts)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"<[^<>]*>", lambda tag: tag.group(0).replace("\n", " "), text)
    kept = {}

    def keep(match):  # <pre> keeps its lines as they are
        key = f"\x00pre{len(kept)}\x00"
        kept[key] = match.group(0)
        return f"\n\n{key}\n\n"

    text = PRE.sub(keep, text)
    # A block-level tag stands on its own, as if blank lines surrounded it.
    text = re.sub(rf"(<(?:{BLOCK_TAGS})\b[^>]*>)", r"\n\n\1", text, flags=re.I)
    text = re.sub(rf"(</(?:{BLOCK_TAGS})>)", r"\1\n\n", text, flags=re.I)
    parts = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk in kept or STARTS_BLOCK.match(chunk) or ENDS_BLOCK.search(chunk):
            parts.append(chunk)
        else:
            parts.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk) + "</p>")
    html = "\n".join(parts)
    for key, value in kept.items():
        html = html.replace(key, value)
    return html


def attributes(text):
    return {
        name.lower(): next(v for v in values if v is not None)
        for name, *values in ATTRIBUTE.findall(unescape(text or ""))
    }


def _image(html):
    """(attachment id, src) of the first <img> in `html`."""
    tag = IMG.search(html or "")
    if not tag:
        return "", ""
    src = SRC.search(tag.group(0))
    attachment = WP_IMAGE_CLASS.search(tag.group(0))
    return (attachment.group(1) if attachment else ""), (src.group(1) if src else "")


def link(url):
    """A link to `url`, escaped; "" for anything but a web address."""
    if not url.startswith(("http://", "https://")):
        return ""
    return format_html('<a href="{}">{}</a>', url, url)


def plain(html):
    return " ".join(unescape(TAGS.sub(" ", html or "")).split())


class _Writer:
    """Collects blocks, joining consecutive text into one text block."""

    def __init__(self, converted):
        self.converted, self.text = converted, []

    def add_text(self, html):
        if html.strip():
            self.text.append(html.strip())

    def add(self, block):
        self.flush()
        self.converted.blocks.append(block)

    def flush(self):
        if self.text:
            self.converted.blocks.append(Block("text", html="\n".join(self.text)))
            self.text = []


PLACEHOLDER = re.compile(r"(?:<p>\s*)?\x00B(\d+)\x00(?:\s*</p>)?")


def _shortcodes(text, writer, converted, *, autop=True):
    """Classic text with shortcodes: the known ones become blocks, the rest are counted
    and lose their tags (what they enclose is kept); a video link alone on its line becomes
    a video block. ``[[x]]`` is WordPress's escape for a literal "[x]". The text around
    them gets its paragraphs back in one piece."""
    found = []

    def place(*blocks):
        found.append(blocks)
        return f"\n\n\x00B{len(found) - 1}\x00\n\n"

    def replace(match):
        opening, name, raw_attrs, self_closing, inner, closing = match.groups()
        if opening and closing:
            return match.group(0)[1:-1]
        name = name.lower()
        shortcode_like = (
            name in KNOWN
            or inner is not None
            or self_closing
            or "=" in raw_attrs
            or re.search(r"[-_]", name)
        )
        if not shortcode_like:  # [sic], [Updated 3pm: ...]: the writer's own brackets
            return match.group(0)
        attrs = attributes(raw_attrs)
        if name in ("caption", "wp_caption"):
            attachment, src = _image(inner)
            caption = attrs.get("caption") or plain(IMG.sub("", inner or ""))
            if not attachment:
                numbered = re.match(r"attachment_(\d+)", attrs.get("id", ""))
                attachment = numbered.group(1) if numbered else ""
            return place(Block("photo", attachment=attachment, src=src, caption=caption))
        if name == "gallery":
            ids = list(filter(None, re.split(r"[\s,]+", attrs.get("ids", ""))))
            if not ids:  # the post's own attached photos, found by the importer
                return place(Block("gallery"))
            return place(*(Block("photo", attachment=attachment) for attachment in ids))
        if name in ("embed", "youtube", "vimeo", "video"):
            url = (inner or "").strip() or attrs.get("src", "") or attrs.get("url", "")
            if parse_video_url(url):
                return place(Block("video", url=url))
            converted.shortcodes[name] += 1
            return link(url)
        converted.shortcodes[name] += 1
        return SHORTCODE.sub(replace, inner) if inner else ""

    def bare_video(match):
        url = match.group(1)
        return place(Block("video", url=url)) if parse_video_url(url) else match.group(0)

    def image(match):
        tag = match.group(1) if match.lastindex else match.group(0)
        attachment, src = _image(tag)
        alt = ALT.search(tag)
        return place(
            Block("photo", attachment=attachment, src=src, html=alt.group(1) if alt else "")
        )

    def iframe(match):
        src = SRC.search(match.group(0))
        url = src.group(1) if src else ""
        if parse_video_url(url):
            return place(Block("video", url=url))
        converted.lost["an embedded frame (iframe)"] += 1
        return link(url)

    code = []

    def keep_code(match):  # shortcodes and images inside <pre> and <code> are text
        code.append(match.group(0))
        return f"\x00C{len(code) - 1}\x00"

    text = CODE.sub(keep_code, text)
    text = SHORTCODE.sub(replace, text)
    text = LINKED_IMG.sub(image, text)
    text = IMG.sub(image, text)
    text = IFRAME.sub(iframe, text)
    if re.search(r"<table\b", text, re.I):
        converted.lost["a table (its cells kept as text)"] += 1
    text = re.sub(r"\x00C(\d+)\x00", lambda kept: code[int(kept.group(1))], text)
    text = re.sub(r"^[ \t]*(https?://[^\s<]+)[ \t]*$", bare_video, text, flags=re.M)
    html = wpautop(text) if autop else text
    position = 0
    for match in PLACEHOLDER.finditer(html):
        writer.add_text(html[position : match.start()])
        for block in found[int(match.group(1))]:
            writer.add(block)
        position = match.end()
    writer.add_text(html[position:])


def _gutenberg(html):
    """[(name, attrs, inner html, [inner blocks])] for the top-level blocks; text between
    blocks is ("", {}, text, [])."""
    root = []
    stack = [("", {}, root, 0)]  # (name, attrs, children, where its inner html starts)
    position = 0
    for match in GUTENBERG.finditer(html):
        closing, name, raw_attrs, self_closing = match.groups()
        try:
            attrs = json.loads(raw_attrs) if raw_attrs else {}
        except ValueError:
            attrs = {}
        children = stack[-1][2]
        if len(stack) == 1 and html[position : match.start()].strip():
            children.append(("", {}, html[position : match.start()], []))
        if closing:
            if len(stack) > 1 and stack[-1][0] == name:
                open_name, open_attrs, inner, start = stack.pop()
                text = html[start : match.start()]
                stack[-1][2].append((open_name, open_attrs, text, inner))
        elif self_closing:
            children.append((name, attrs, "", []))
        else:
            stack.append((name, attrs, [], match.end()))
        position = match.end()
    while len(stack) > 1:  # an unclosed block keeps what followed it
        open_name, open_attrs, inner, start = stack.pop()
        stack[-1][2].append((open_name, open_attrs, html[start:], inner))
        position = len(html)
    if html[position:].strip():
        root.append(("", {}, html[position:], []))
    return root


TEXT_BLOCKS = {
    "paragraph",
    "heading",
    "list",
    "list-item",
    "separator",
    "preformatted",
    "code",
    "table",
    "verse",
    "freeform",
    "html",
}


def _block(name, attrs, inner, children, writer, converted):
    name = name.removeprefix("core/")
    if not name:
        _shortcodes(inner, writer, converted)
    elif name in TEXT_BLOCKS:
        _shortcodes(inner, writer, converted, autop=False)
    elif name in ("quote", "pullquote"):
        cite = re.search(r"<cite>(.*?)</cite>", inner, re.S)
        words = re.sub(r"<cite>.*?</cite>", "", inner, flags=re.S)
        writer.add(Block("quote", html=plain(words), cite=plain(cite.group(1)) if cite else ""))
    elif name == "image":
        attachment, src = _image(inner)
        caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", inner, re.S)
        writer.add(
            Block(
                "photo",
                attachment=str(attrs.get("id") or attachment or ""),
                src=src,
                caption=plain(caption.group(1)) if caption else "",
            )
        )
    elif name == "gallery" and not children:
        for attachment in attrs.get("ids", []):
            writer.add(Block("photo", attachment=str(attachment)))
        if not attrs.get("ids"):
            writer.add(Block("gallery"))
    elif name in ("embed", "video") or name.startswith("core-embed/"):
        video = VIDEO_SRC.search(inner)
        url = attrs.get("url") or attrs.get("src") or (video.group(1) if video else "")
        url = url or plain(inner)
        if not url.startswith(("http://", "https://")):
            url = ""
        if parse_video_url(url):
            writer.add(Block("video", url=url))
        elif url:
            writer.add_text(f"<p>{link(url)}</p>")
    elif name == "shortcode":
        _shortcodes(inner, writer, converted)
    elif name in ("more", "nextpage", "spacer"):
        return
    elif children:  # group, columns, gallery of images...: what is inside, in order
        for child in children:
            _block(*child, writer, converted)
    else:
        _shortcodes(inner, writer, converted, autop=False)


def to_blocks(html):
    """The blocks a post's content makes, and the unknown shortcodes it held."""
    converted = Converted()
    writer = _Writer(converted)
    html = BREAKS.sub("\n\n", html or "")
    if "<!-- wp:" in html:
        for block in _gutenberg(html):
            _block(*block, writer, converted)
    else:
        _shortcodes(html, writer, converted)
    writer.flush()
    return converted


def title_from(html, words=8):
    """A title for an untitled post: its first words."""
    text = plain(SHORTCODE.sub(" ", html or ""))
    picked = text.split()[:words]
    return " ".join(picked) + ("…" if len(text.split()) > words else "") if picked else ""
