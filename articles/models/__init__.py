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
from .comment import Ban, BlockedWord, Comment, CommentKind, CommentStatus, ModerationEvent
from .imports import ImportedRecord, ImportRun, ImportRunStatus, Redirect
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
    "CommentKind",
    "CommentStatus",
    "Headshot",
    "ImportRun",
    "ImportRunStatus",
    "ImportedRecord",
    "KeyArt",
    "ModerationEvent",
    "PagePhoto",
    "PageText",
    "Photo",
    "PhotoBlock",
    "Quote",
    "QuoteStyle",
    "Redirect",
    "RichText",
    "ShareLink",
    "StaticPage",
    "Tag",
    "VideoEmbed",
    "body_changed",
]
