"""A WordPress export (WXR 1.0, 1.1, 1.2) read as a stream: one author, term or item at a
time, each element freed once read, so memory stays flat whatever the file's size.

Real exports carry what XML forbids (control characters, as bytes or as ``&#1;``): they
are dropped before the parser sees them, and counted. The ``wp:`` namespace is matched by
pattern (``http://`` and ``https://wordpress.org/export/1.x/`` both occur). The parser is
defusedxml's: no entity expansion, no external entities, no network.
"""

import re
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

CHUNK = 1 << 16
# Bytes XML 1.0 forbids (UTF-8 never uses them inside a multi-byte character), and
# character references to the same.
# U+FFFE and U+FFFF in UTF-8 are EF BF BE and EF BF BF.
FORBIDDEN_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
FORBIDDEN_REFERENCES = re.compile(
    rb"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF])"
    rb"|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|5[5-7][0-9]{3}|6553[45]));"
)
PARTIAL_REFERENCE = re.compile(rb"&(?:#[xX]?[0-9a-fA-F]*)?$")
PARTIAL_UTF8 = re.compile(rb"\xef(?:\xbf)?$")
NAMESPACES = [
    (re.compile(r"^https?://wordpress\.org/export/1\.\d+/excerpt/?$"), "excerpt"),
    (re.compile(r"^https?://wordpress\.org/export/1\.\d+/?$"), "wp"),
    (re.compile(r"^https?://purl\.org/rss/1\.0/modules/content/?$"), "content"),
    (re.compile(r"^https?://purl\.org/dc/elements/1\.1/?$"), "dc"),
    (re.compile(r"^https?://wellformedweb\.org/CommentAPI/?$"), "wfw"),
]


class NotAnExport(ValueError):
    """The file is not a WordPress export (or not XML at all), with what to tell the user."""


class CleanStream:
    """A binary file without the bytes and character references XML forbids; counts them."""

    def __init__(self, raw):
        self.raw, self.dropped, self._held = raw, 0, b""

    def read(self, size=CHUNK):
        """Some bytes, or b"" only at the end of the file (a chunk of nothing but forbidden
        bytes is not the end)."""
        while True:
            more = self.raw.read(max(size, 64))
            chunk, self._held = self._held + more, b""
            if more:
                # A character reference or a UTF-8 sequence cut by the chunk's end waits
                # for the rest.
                cut = PARTIAL_REFERENCE.search(chunk[-40:]) or PARTIAL_UTF8.search(chunk[-2:])
                if cut:
                    keep = len(chunk) - (len(cut.string) - cut.start())
                    chunk, self._held = chunk[:keep], chunk[keep:]
            chunk, bytes_dropped = FORBIDDEN_BYTES.subn(b"", chunk)
            chunk, references_dropped = FORBIDDEN_REFERENCES.subn(b"", chunk)
            self.dropped += bytes_dropped + references_dropped
            if chunk or not more:
                return chunk


@dataclass
class Author:
    id: str
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    taxonomy: str  # category, post_tag, or another (author, nav_menu...)
    slug: str
    name: str
    parent: str = ""  # the parent's slug
    description: str = ""
    id: str = ""


@dataclass
class Comment:
    id: str
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = "1"
    type: str = ""
    parent: str = "0"
    user_id: str = "0"


@dataclass
class Item:
    post_id: str
    post_type: str = "post"
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_name: str = ""
    status: str = "publish"
    parent: str = "0"
    menu_order: str = "0"
    password: str = ""
    sticky: bool = False
    comment_status: str = "open"
    attachment_url: str = ""
    terms: list = field(default_factory=list)  # [(taxonomy, slug, name)]
    meta: dict = field(default_factory=dict)  # key -> [values]
    comments: list = field(default_factory=list)

    def first(self, key, default=""):
        values = self.meta.get(key)
        return values[0] if values else default


@dataclass
class Site:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""


def _name(tag, prefixes):
    """'{http://wordpress.org/export/1.2/}post_id' -> 'wp:post_id'."""
    if tag[0] != "{":
        return tag
    uri, local = tag[1:].split("}", 1)
    prefix = prefixes.get(uri)
    if prefix is None:
        prefix = next((name for pattern, name in NAMESPACES if pattern.match(uri)), uri)
        prefixes[uri] = prefix
    return f"{prefix}:{local}"


def _children(element, prefixes):
    return [(_name(child.tag, prefixes), child) for child in element]


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def _raw(element):
    return element.text or "" if element is not None else ""


def _author(element, prefixes):
    values = {name: _text(child) for name, child in _children(element, prefixes)}
    return Author(
        id=values.get("wp:author_id", ""),
        login=values.get("wp:author_login", ""),
        email=values.get("wp:author_email", ""),
        display_name=values.get("wp:author_display_name", ""),
        first_name=values.get("wp:author_first_name", ""),
        last_name=values.get("wp:author_last_name", ""),
    )


def _term(kind, element, prefixes):
    values = {name: _text(child) for name, child in _children(element, prefixes)}
    if kind == "wp:category":
        return Term(
            "category",
            values.get("wp:category_nicename", ""),
            values.get("wp:cat_name", ""),
            values.get("wp:category_parent", ""),
            values.get("wp:category_description", ""),
            values.get("wp:term_id", ""),
        )
    if kind == "wp:tag":
        return Term(
            "post_tag",
            values.get("wp:tag_slug", ""),
            values.get("wp:tag_name", ""),
            "",
            values.get("wp:tag_description", ""),
            values.get("wp:term_id", ""),
        )
    return Term(
        values.get("wp:term_taxonomy", ""),
        values.get("wp:term_slug", ""),
        values.get("wp:term_name", ""),
        values.get("wp:term_parent", ""),
        values.get("wp:term_description", ""),
        values.get("wp:term_id", ""),
    )


def _comment(element, prefixes):
    values = {name: _raw(child) for name, child in _children(element, prefixes)}

    def get(key, default=""):
        return values.get(f"wp:comment_{key}", default)

    return Comment(
        id=get("id").strip(),
        author=get("author").strip(),
        email=get("author_email").strip(),
        url=get("author_url").strip(),
        ip=get("author_IP").strip(),
        date=get("date").strip(),
        date_gmt=get("date_gmt").strip(),
        content=get("content"),
        approved=get("approved", "1").strip(),
        type=get("type").strip(),
        parent=get("parent", "0").strip() or "0",
        user_id=get("user_id", "0").strip() or "0",
    )


SIMPLE = {
    "title": "title",
    "link": "link",
    "guid": "guid",
    "dc:creator": "creator",
    "wp:post_id": "post_id",
    "wp:post_type": "post_type",
    "wp:post_date": "post_date",
    "wp:post_date_gmt": "post_date_gmt",
    "wp:post_name": "post_name",
    "wp:status": "status",
    "wp:post_parent": "parent",
    "wp:menu_order": "menu_order",
    "wp:post_password": "password",
    "wp:comment_status": "comment_status",
    "wp:attachment_url": "attachment_url",
}


def _item(element, prefixes):
    item = Item(post_id="")
    for name, child in _children(element, prefixes):
        if name in SIMPLE:
            setattr(item, SIMPLE[name], _text(child))
        elif name == "content:encoded":
            item.content = _raw(child)
        elif name == "excerpt:encoded":
            item.excerpt = _raw(child)
        elif name == "wp:is_sticky":
            item.sticky = _text(child) == "1"
        elif name == "category":
            # WXR 1.0 writes each term twice, once bare (no nicename): the full one counts.
            if child.get("nicename"):
                domain = child.get("domain", "category")
                domain = "post_tag" if domain == "tag" else domain
                item.terms.append((domain, child.get("nicename"), _text(child)))
        elif name == "wp:postmeta":
            meta = dict(_children(child, prefixes))
            key = _text(meta.get("wp:meta_key"))
            if key:
                item.meta.setdefault(key, []).append(_raw(meta.get("wp:meta_value")))
        elif name == "wp:comment":
            item.comments.append(_comment(child, prefixes))
    return item


TERMS = {"wp:category", "wp:tag", "wp:term"}


def _read(stream):
    prefixes = {}
    site = Site()
    site_sent = False
    channel = None
    depth = 0
    try:
        for event, element in iterparse(stream, events=("start", "end")):
            if event == "start":
                depth += 1
                if depth == 2 and _name(element.tag, prefixes) == "channel":
                    channel = element
                continue
            depth -= 1
            if depth != 2 or channel is None:
                continue
            name = _name(element.tag, prefixes)
            if name == "item" or name == "wp:author" or name in TERMS:
                if not site_sent:
                    site_sent = True
                    yield "site", site
                if name == "wp:author":
                    yield "author", _author(element, prefixes)
                elif name in TERMS:
                    yield "term", _term(name, element, prefixes)
                else:
                    yield "item", _item(element, prefixes)
            elif name in ("title", "link") and not site_sent:
                setattr(site, name, _text(element))
            elif name == "wp:wxr_version":
                site.wxr_version = _text(element)
            elif name in ("wp:base_site_url", "wp:base_blog_url"):
                setattr(site, name.split(":")[1], _text(element))
            channel.remove(element)  # read: freed
    except SyntaxError as error:  # ParseError
        raise NotAnExport(f"This is not a readable WordPress export: {error}") from None
    except DefusedXmlException as error:  # entities, external references: never expanded
        raise NotAnExport(
            f"This is not a readable WordPress export: it declares {type(error).__name__}, "
            "which is refused."
        ) from None
    if channel is None:
        raise NotAnExport("This XML file is not a WordPress export (no RSS channel).")
    if not site_sent:
        yield "site", site


class Reader:
    """Iterating yields ("site", Site) first, then ("author", Author), ("term", Term) and
    ("item", Item) in file order, from ``raw``, a binary file; ``dropped`` counts the
    forbidden characters left out so far. Raises NotAnExport if the file is not XML or not
    a WordPress export."""

    def __init__(self, raw):
        self.stream = CleanStream(raw)

    @property
    def dropped(self):
        return self.stream.dropped

    def __iter__(self):
        return _read(self.stream)
