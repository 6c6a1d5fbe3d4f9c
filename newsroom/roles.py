"""The newsroom's roles as Django groups, and the permissions each one holds.

The data migrations in newsroom/migrations apply this map, so a fresh database has the groups;
a change here needs a new migration that calls apply_roles again (a test checks the database
matches this map). A migration applies only the permissions whose models exist at its point
in history; the later migration that depends on a newer model brings its permissions in.
Who may do what inside the admin (a writer cannot publish, say) is enforced by the model
admins on top of these permissions.
"""

WRITERS = "Writers"
EDITORS = "Editors"
COMMENT_MODERATORS = "Comment moderators"

_BLOCKS = ["richtext", "photoblock", "quote", "videoembed"]
_CRUD = ["add", "change", "delete", "view"]


def _perms(app, models, actions):
    return {f"{app}.{action}_{model}" for model in models for action in actions}


ROLE_PERMISSIONS = {
    WRITERS: (
        # Draft and edit articles, their bylines and body blocks; upload and caption photos.
        _perms("articles", ["article", "articleauthor", *_BLOCKS], ["add", "change", "view"])
        | _perms("articles", ["articleauthor", *_BLOCKS], ["delete"])
        | _perms("articles", ["photo"], ["add", "change", "view"])
        | _perms("articles", ["tag"], ["add", "view"])
        | _perms("articles", ["author"], ["view"])
        # Propose new shows and people; read everything else in the tracker.
        | _perms("shows", ["show", "showtitle", "credit", "knownfor"], ["add", "change", "view"])
        | _perms("shows", ["platform", "company", "genre", "country", "language"], ["view"])
        | _perms("shows", ["statuschange"], ["view"])
        | _perms("shows", ["season", "episode", "availability"], ["add", "change", "view"])
        | _perms("articles", ["keyart", "headshot"], ["add", "change", "view"])
        | _perms("people", ["person"], ["add", "change", "view"])
    ),
    EDITORS: (
        _perms(
            "articles",
            ["article", "articleauthor", *_BLOCKS, "photo", "tag", "author"],
            _CRUD,
        )
        # Comments come from readers: editors moderate, export and erase them.
        | _perms("articles", ["comment"], ["change", "delete", "view"])
        | {"articles.publish_article"}
        # Outside reviewers get read-only preview links from editors.
        | _perms("articles", ["sharelink"], ["change", "delete", "view"])
        # Editors moderate comments too.
        | _perms("articles", ["ban", "blockedword"], _CRUD)
        | _perms("articles", ["moderationevent"], ["view"])
        | _perms(
            "shows",
            [
                "show",
                "showtitle",
                "credit",
                "knownfor",
                "platform",
                "company",
                "genre",
                "country",
                "language",
            ],
            _CRUD,
        )
        | _perms("shows", ["statuschange"], ["change", "view"])
        | {"shows.change_show_status"}
        | _perms("people", ["person"], _CRUD)
        # Seasons, episodes and where to watch.
        | _perms("shows", ["season", "episode", "availability"], _CRUD)
        # Key art and headshots.
        | _perms("articles", ["keyart", "headshot"], _CRUD)
        # Readers who follow shows and people: their data exported or erased on request.
        | _perms("follows", ["follower", "follow"], ["view", "delete"])
        # The site's static pages (About, the policies): editors only.
        | _perms("articles", ["staticpage", "pagetext", "pagephoto"], _CRUD)
        # Old addresses that still answer (imports make them), and the imports' records.
        | _perms("articles", ["redirect"], ["change", "delete", "view"])
        | _perms("articles", ["importrun"], ["add", "view"])
        # To link an author profile to a staff account.
        | {"auth.view_user"}
    ),
    COMMENT_MODERATORS: (
        _perms("articles", ["comment"], ["change", "view"])
        | _perms("articles", ["article"], ["view"])
        | _perms("articles", ["ban", "blockedword"], _CRUD)
        | _perms("articles", ["moderationevent"], ["view"])
    ),
}


def apply_roles(apps):
    """Create the groups and set their permissions exactly as ROLE_PERMISSIONS says.

    Takes the migration's app registry so it can run inside a data migration. Permissions of
    models that do not exist yet at that point in the migration history are left for the
    later roles migration.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # Historical app configs have no models module; create_permissions skips those.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = []
        for label in sorted(wanted):
            app_label, codename = label.split(".")
            try:
                perms.append(
                    Permission.objects.get(content_type__app_label=app_label, codename=codename)
                )
            except Permission.DoesNotExist:
                continue
        group.permissions.set(perms)
