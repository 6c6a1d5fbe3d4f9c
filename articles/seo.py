"""Structured data (schema.org JSON-LD) for the desk's public pages."""

from django.conf import settings
from django.templatetags.static import static

__all__ = ["author_person", "image_object", "news_article", "publisher"]


def publisher(request):
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": request.build_absolute_uri("/"),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static("img/logo.png")),
            "width": 600,
            "height": 60,
        },
    }


def image_object(request, photo):
    from django.core.files.storage import default_storage

    rows = (photo.renditions or {}).get("full") or []
    if rows:
        width, height, _webp, jpeg = rows[-1]
        url = default_storage.url(jpeg)
    else:
        width, height, url = photo.width, photo.height, photo.image.url
    return {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(url),
        "width": width,
        "height": height,
        "caption": photo.caption,
        "creditText": photo.credit,
        "description": photo.alt_text,
    }


def author_person(request, author):
    data = {
        "@type": "Person",
        "name": author.display_name,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }
    if author.job_title:
        data["jobTitle"] = author.job_title
    if author.beat_list:
        data["knowsAbout"] = author.beat_list
    return data


def news_article(request, article, bylines):
    modified = article.updated_at or article.publish_at or article.modified_at
    published = article.publish_at or article.modified_at  # a preview has no time yet
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.dek,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "datePublished": published.isoformat(),
        "dateModified": modified.isoformat(),
        "author": [author_person(request, byline.author) for byline in bylines],
        "publisher": publisher(request),
        "articleSection": article.get_kind_display(),
        "isAccessibleForFree": True,
        "commentCount": article.comment_count,
    }
    if article.hero_photo:
        data["image"] = [image_object(request, article.hero_photo)]
    return data
