"""Every write the desk makes (the admin, the share-link view, commands and any future
import or API call these): checked against the workflow's rules, in one transaction, and
purging exactly the cached pages that showed what changed once it commits.

Comments have their own services: articles.comments.services.
"""

from .editing import (
    ArticleFacts,
    article_facts,
    article_saved,
    body_saved,
    change_tags,
    create_articles,
    delete_article,
    save_article,
    step_to,
    transition_article,
)
from .imports import retry_import, start_import
from .indexing import article_plain_text, index_article
from .library import (
    RENDITIONS_QUEUED,
    delete_named,
    delete_photo,
    photo_relations_saved,
    pictured,
    queue_renditions,
    renditions_remade,
    same_photo,
    save_author,
    save_photo,
    save_tag,
)
from .pages import delete_page, save_page
from .roundups import draft_roundup
from .sharing import create_share_link, revoke_share_links, share_link_for, share_url
from .workflow import (
    STEPS,
    TransitionNotAllowed,
    can_delete,
    can_edit,
    can_publish,
    check_step,
    describe_state,
    is_mine,
    label_for,
    step_done_message,
    step_history_words,
    steps_for,
    when,
)

__all__ = [
    "RENDITIONS_QUEUED",
    "STEPS",
    "ArticleFacts",
    "TransitionNotAllowed",
    "article_facts",
    "article_plain_text",
    "article_saved",
    "body_saved",
    "can_delete",
    "can_edit",
    "can_publish",
    "change_tags",
    "check_step",
    "create_articles",
    "create_share_link",
    "delete_article",
    "delete_named",
    "delete_page",
    "delete_photo",
    "describe_state",
    "draft_roundup",
    "index_article",
    "is_mine",
    "label_for",
    "photo_relations_saved",
    "pictured",
    "queue_renditions",
    "renditions_remade",
    "retry_import",
    "revoke_share_links",
    "same_photo",
    "save_article",
    "save_author",
    "save_page",
    "save_photo",
    "save_tag",
    "share_link_for",
    "share_url",
    "start_import",
    "step_done_message",
    "step_history_words",
    "step_to",
    "steps_for",
    "transition_article",
    "when",
]
