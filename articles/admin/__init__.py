"""The editorial desk in the Django admin. One module per kind of thing an editor works on."""

from . import article, author, comment, imports, page, photo, pictures  # noqa: F401  (registers the model admins)
