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
from .photo import Photo

__all__ = [
    "BLOCK_MODELS",
    "Article",
    "ArticleAuthor",
    "ArticleKind",
    "ArticleStatus",
    "Author",
    "Ban",
    "BlockedWord",
    "Comment",
    "CommentStatus",
    "ModerationEvent",
    "Photo",
    "PhotoBlock",
    "Quote",
    "QuoteStyle",
    "RichText",
    "ShareLink",
    "Tag",
    "VideoEmbed",
    "body_changed",
]
