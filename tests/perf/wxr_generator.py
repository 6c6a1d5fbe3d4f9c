"""A large, realistic WordPress export for the import benchmark (``make bench-import``):
posts in every state, classic and Gutenberg bodies with shortcodes, captions and galleries,
comment threads of any depth in every state (children before their parents, as real files
have them), attachments, CJK and right-to-left text, and characters XML forbids.

    python tests/perf/wxr_generator.py OUT.xml [--posts 10000] [--comments 30000]
        [--attachments 20000] [--media DIR]

``--media DIR`` also writes the attachments' files there, as a copy of wp-content/uploads.

Written as a stream: the generator's own memory stays flat too.
"""

import argparse
import os
import random

FIRST_ATTACHMENT = 1_000_000

STATES = ["publish"] * 16 + ["draft", "pending", "private", "future", "trash"]
COMMENT_STATES = ["1"] * 12 + ["0", "spam", "trash"]
TEXTS = [
    "The series returns for a second season next spring, the studio said on Tuesday.",
    "撮影は東京で始まり、来年の春に配信される予定です。",
    "촬영은 서울에서 시작되었으며 내년 봄에 공개될 예정이다.",
    "يبدأ تصوير المسلسل في القاهرة الشهر المقبل، بحسب المنتج.",
    "הצילומים יתחילו בתל אביב בחודש הבא, כך אמר המפיק.",
    "Casting is complete, with the lead returning from the first film.",
]
CATEGORIES = ["news", "reviews", "features", "k-drama", "anime", "film", "tv", "interviews"]
TAGS = [f"tag-{n}" for n in range(200)]
HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench Screen News</title><link>https://bench.example.com</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example.com</wp:base_site_url>
<wp:base_blog_url>https://bench.example.com</wp:base_blog_url>
"""


def _meta(key, value):
    return (
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value>{value}</wp:meta_value>"
        "</wp:postmeta>"
    )


def _cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _body(rng, number, attachment_ids):
    paragraphs = [rng.choice(TEXTS) for _ in range(rng.randint(3, 8))]
    if number % 2:  # Gutenberg
        parts = [f"<!-- wp:paragraph -->\n<p>{p}</p>\n<!-- /wp:paragraph -->" for p in paragraphs]
        if attachment_ids:
            pk = attachment_ids[0]
            parts.insert(
                1,
                f'<!-- wp:image {{"id":{pk}}} -->\n<figure class="wp-block-image"><img '
                f'src="https://bench.example.com/wp-content/uploads/2024/01/img-{pk}.jpg" '
                f'class="wp-image-{pk}"/><figcaption>Photo {pk}</figcaption></figure>\n'
                "<!-- /wp:image -->",
            )
        return "\n\n".join(parts)
    body = "\n\n".join(paragraphs)
    if attachment_ids:
        pk = attachment_ids[0]
        body += (
            f'\n\n[caption id="attachment_{pk}" width="800"]<img class="wp-image-{pk}" '
            f'src="https://bench.example.com/wp-content/uploads/2024/01/img-{pk}.jpg" /> '
            f"A caption for {pk}[/caption]"
        )
        body += f'\n\n[gallery ids="{",".join(map(str, attachment_ids))}"]'
    if number % 7 == 0:
        body += '\n\n[contact-form-7 id="12" title="Tips"]'
    if number % 5 == 0:
        body += "\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ"
    if number % 11 == 0:
        body += "\n\nA stray control character\x01 pasted from a word processor."
    return body


def _comments(rng, first_id, count):
    """`count` comments in threads as deep as eight, written in a shuffled order."""
    comments = []
    for offset in range(count):
        pk = first_id + offset
        parent = 0
        if comments and rng.random() < 0.6:
            parent = rng.choice(comments[-8:])[0]
        comments.append((pk, parent))
    rng.shuffle(comments)
    out = []
    for pk, parent in comments:
        state = rng.choice(COMMENT_STATES)
        kind = "pingback" if pk % 41 == 0 else ""
        out.append(
            f"<wp:comment><wp:comment_id>{pk}</wp:comment_id>"
            f"<wp:comment_author>{_cdata(f'Reader {pk % 500}')}</wp:comment_author>"
            f"<wp:comment_author_email>reader{pk % 500}@example.com</wp:comment_author_email>"
            f"<wp:comment_author_IP>203.0.113.{pk % 250}</wp:comment_author_IP>"
            f"<wp:comment_date_gmt>2024-02-01 10:{pk % 60:02d}:00</wp:comment_date_gmt>"
            f"<wp:comment_content>{_cdata(rng.choice(TEXTS))}</wp:comment_content>"
            f"<wp:comment_approved>{state}</wp:comment_approved>"
            f"<wp:comment_type>{kind}</wp:comment_type>"
            f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
        )
    return "".join(out)


def write(out, *, posts=10000, comments=30000, attachments=20000, seed=7):
    rng = random.Random(seed)
    out.write(HEAD)
    for number in range(1, 21):
        out.write(
            f"<wp:author><wp:author_id>{number}</wp:author_id>"
            f"<wp:author_login>writer{number}</wp:author_login>"
            f"<wp:author_display_name>{_cdata(f'Writer {number}')}</wp:author_display_name>"
            "</wp:author>\n"
        )
    for slug in CATEGORIES:
        parent = "tv" if slug in ("k-drama", "anime") else ""
        out.write(
            f"<wp:category><wp:category_nicename>{slug}</wp:category_nicename>"
            f"<wp:category_parent>{parent}</wp:category_parent>"
            f"<wp:cat_name>{_cdata(slug.title())}</wp:cat_name></wp:category>\n"
        )
    for slug in TAGS:
        out.write(
            f"<wp:tag><wp:tag_slug>{slug}</wp:tag_slug><wp:tag_name>{_cdata(slug)}</wp:tag_name>"
            "</wp:tag>\n"
        )
    per_post = attachments / posts if posts else 0
    comments_per_post = comments / posts if posts else 0
    attachment_id, comment_id, made_attachments, made_comments = FIRST_ATTACHMENT, 1, 0, 0
    for number in range(1, posts + 1):
        post_id = number
        wanted = round(per_post * number) - made_attachments
        ids = list(range(attachment_id, attachment_id + wanted))
        attachment_id += wanted
        made_attachments += wanted
        state = rng.choice(STATES)
        year = 2015 + number % 10
        date = f"{year}-{1 + number % 12:02d}-{1 + number % 28:02d} 09:{number % 60:02d}:00"
        if state == "future":
            date = f"2099-01-{1 + number % 28:02d} 09:00:00"
        slug = f"story-{number}" if number % 13 else f"%e5%b0%8f%e6%a0%97-{number}"
        terms = "".join(
            f'<category domain="category" nicename="{c}">{_cdata(c.title())}</category>'
            for c in rng.sample(CATEGORIES, 2)
        ) + "".join(
            f'<category domain="post_tag" nicename="{t}">{_cdata(t)}</category>'
            for t in rng.sample(TAGS, 3)
        )
        count = round(comments_per_post * number) - made_comments
        made_comments += count
        meta = _meta("_thumbnail_id", ids[0]) if ids else ""
        if number % 17 == 0:
            meta += _meta("_wp_old_slug", f"old-{number}")
        out.write(
            f"<item><title>{_cdata(f'Story {number}: ' + rng.choice(TEXTS)[:50])}</title>"
            f"<link>https://bench.example.com/{year}/{slug}/</link>"
            f"<dc:creator>writer{1 + number % 20}</dc:creator>"
            f"<content:encoded>{_cdata(_body(rng, number, ids))}</content:encoded>"
            f"<excerpt:encoded>{_cdata(rng.choice(TEXTS))}</excerpt:encoded>"
            f"<wp:post_id>{post_id}</wp:post_id>"
            f"<wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt>"
            f"<wp:post_name>{slug}</wp:post_name><wp:status>{state}</wp:status>"
            f"<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
            f"<wp:is_sticky>{1 if number % 97 == 0 else 0}</wp:is_sticky>"
            f"{terms}{meta}{_comments(rng, comment_id, count)}</item>\n"
        )
        comment_id += count
        for pk in ids:
            out.write(
                f"<item><title>img-{pk}</title>"
                f"<excerpt:encoded>{_cdata(f'Photo {pk}, ' + rng.choice(TEXTS)[:40])}"
                "</excerpt:encoded>"
                f"<wp:post_id>{pk}</wp:post_id><wp:post_parent>{post_id}</wp:post_parent>"
                "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
                "<wp:attachment_url>https://bench.example.com/wp-content/uploads/2024/01/"
                f"img-{pk}.jpg</wp:attachment_url></item>\n"
            )
    out.write("</channel></rss>\n")
    return {"posts": posts, "comments": made_comments, "attachments": made_attachments}


def write_media(folder, first, count, variants=16):
    """The attachments' files, as a copy of wp-content/uploads holds them: a JPEG of
    1200x800 for each (one of `variants` pictures, so the run is not all one file)."""
    import io

    from PIL import Image, ImageDraw

    rng = random.Random(7)
    pictures = []
    for _number in range(variants):
        image = Image.new("RGB", (1200, 800), tuple(rng.randrange(256) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        for _shape in range(40):
            x, y = rng.randrange(1200), rng.randrange(800)
            size = rng.randrange(40, 400)
            colour = tuple(rng.randrange(256) for _ in range(3))
            draw.ellipse((x, y, x + size, y + size * 2 // 3), fill=colour)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85)
        pictures.append(out.getvalue())
    target = os.path.join(folder, "2024", "01")
    os.makedirs(target, exist_ok=True)
    for pk in range(first, first + count):
        with open(os.path.join(target, f"img-{pk}.jpg"), "wb") as file:
            file.write(pictures[pk % variants])
    return sum(len(pictures[pk % variants]) for pk in range(first, first + count))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--comments", type=int, default=30000)
    parser.add_argument("--attachments", type=int, default=20000)
    parser.add_argument("--media", help="also write the attachments' files in this folder")
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as out:
        made = write(out, posts=args.posts, comments=args.comments, attachments=args.attachments)
    print(", ".join(f"{kind} {number}" for kind, number in made.items()))
    if args.media:
        size = write_media(args.media, FIRST_ATTACHMENT, made["attachments"])
        print(f"{made['attachments']} files, {size / 1024 / 1024:.0f} MB, in {args.media}")


if __name__ == "__main__":
    main()
