"""Comments as safe HTML: a comment's plain text once, when it is written (``render_body``),
and a page of the thread, built from data (``render_thread``: the article page's hottest
markup, a few microseconds a comment where a template include took a hundred and fifty)."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe

HELD = (
    '      <span class="badge badge--held">Awaiting moderation</span> <span class="muted">'
    "Only you can see this until a moderator approves it.</span>\n"
)


def render_body(body):
    """Plain text to HTML: escaped, paragraphs and line breaks kept, bare links clickable
    with rel="nofollow ugc noopener". Nothing the reader typed becomes markup."""
    html = urlize(body, nofollow=False, autoescape=True)
    html = html.replace('<a href="', '<a rel="nofollow ugc noopener" href="')
    return mark_safe(linebreaks(html, autoescape=False))  # noqa: S308 (escaped by urlize)


def render_thread(comments, *, is_open):
    """The ``<li>`` of each comment, its replies nested under it, as the article page shows
    them. Everything a reader typed is escaped (the name here; the body when it was
    written); a held comment (shown only to the reader who posted it) says so; replies are
    offered under approved comments while the thread is open."""
    from articles.models import CommentStatus  # the models use render_body: not at the top

    sample = 987654321
    before, after = reverse("articles:comment", args=[sample]).split(str(sample))
    days = {}

    def when(moment):
        local = timezone.localtime(moment)
        day = local.date()
        if day not in days:
            days[day] = formats.date_format(local)
        return local.isoformat(), f"{days[day]}, {local:%H:%M}"

    def item(comment):
        pk, name = comment.pk, escape(comment.name)
        held = comment.status == CommentStatus.HELD
        iso, shown = when(comment.created_at)
        parts = [
            f'<li class="comment{" comment--held" if held else ""}" id="comment-{pk}">\n'
            f'  <article aria-labelledby="comment-{pk}-by">\n'
            '    <header class="comment__meta">\n'
            f'      <strong id="comment-{pk}-by"><bdi>{name}</bdi></strong>\n'
            f'      <a class="comment__permalink" href="{before}{pk}{after}">'
            f'<time datetime="{iso}">{shown}</time></a>\n',
            HELD if held else "",
            "    </header>\n"
            f'    <div class="comment__body" dir="auto">{comment.shown_body}</div>\n',
        ]
        if is_open and comment.status == CommentStatus.APPROVED:
            parts.append(
                f'    <p class="comment__reply"><a href="?reply={pk}#comment-form">Reply'
                f'<span class="visually-hidden"> to <bdi>{name}</bdi></span></a></p>\n'
            )
        parts.append("  </article>\n")
        if comment.children:
            parts.append('  <ol class="comment-list comment-list--replies">')
            parts.extend(map(item, comment.children))
            parts.append("</ol>\n")
        parts.append("</li>")
        return "".join(parts)

    return mark_safe("".join(map(item, comments)))  # noqa: S308 (escaped above)
