from .article import Article, ArticleAuthor, ArticleKind, ArticleStatus, ShareLink
from .author import Author, Tag
from .blocks import (
    BLOCK_MODELS,
    PhotoBlock,
    Quote,
    QuoteStyle,
    RichText,
    VideoEmbed,
    body_changed,
)
from .comment import Ban, BlockedWord, Comment, CommentStatus, ModerationEvent
from .page import PAGE_BLOCK_MODELS, PagePhoto, PageText, StaticPage
from .photo import Headshot, KeyArt, Photo

__all__ = [
    "BLOCK_MODELS",
    "PAGE_BLOCK_MODELS",
    "Article",
    "ArticleAuthor",
    "ArticleKind",
    "ArticleStatus",
    "Author",
    "Ban",
    "BlockedWord",
    "Comment",
    "CommentStatus",
    "Headshot",
    "KeyArt",
    "ModerationEvent",
    "PagePhoto",
    "PageText",
    "Photo",
    "PhotoBlock",
    "Quote",
    "QuoteStyle",
    "RichText",
    "ShareLink",
    "StaticPage",
    "Tag",
    "VideoEmbed",
    "body_changed",
]
