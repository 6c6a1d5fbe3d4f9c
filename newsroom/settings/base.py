"""Settings shared by every environment. Configuration comes from environment variables."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    """Read a setting from the environment; an empty value counts as unset."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=()):
    value = env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",  # the built-in widget templates, for FORM_RENDERER below
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "reversion",
    "content_editor",
    "django_prose_editor",
    "newsroom.core",
    "people",
    "shows",
    "articles",
    "newsroom.pages",
    "newsroom.follows",
    "django_tasks",
    "django_tasks_db",
    "newsroom",
    "axes",  # last: its admin of lockouts sits after the newsroom's own
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.middleware.ContentSecurityPolicyMiddleware",
    "newsroom.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsroom.middleware.NullBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Old addresses (an imported site's permalinks, ?p=123) answer 301 with the new ones.
    "articles.middleware.RedirectMiddleware",
    # Refuses logins while an account or an address is locked out (below).
    "axes.middleware.AxesMiddleware",
    # A read that lost its database connection is retried once; an outage is a 503.
    "newsroom.core.outage.DatabaseOutageMiddleware",
    # Fills what each reader gets of their own in a page (a comment form's one-time token).
    "newsroom.core.cache.ReaderValuesMiddleware",
    # Pages opt in to the page cache with newsroom.core.cache.cache_page: it runs inside
    # every middleware above, so a cached page still gets every header they add.
]

# Logins are throttled (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# username, or from one address, that username (or address) is refused for
# LOGIN_LOCKOUT_MINUTES, even with the right password. The counts are rows in the database,
# shared by every app server and never evicted; a superuser unlocks early by deleting the
# entry under "Axes > Access attempts" (or `manage.py axes_reset_username NAME`).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own
# A right password clears that username's failures only (newsroom.signals): axes' own reset
# would clear every failure from the address too, so that someone with a login of their own
# could guess at a colleague's password four times, log in as themselves, and go on.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "newsroom.logins.lockout_response"  # the desk's login page, with why
# The address as the comment defences see it (newsroom.core.http.client_ip).
AXES_CLIENT_IP_CALLABLE = "newsroom.core.http.client_ip"
# The proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated):
# behind them, the client's address is what they saw. None here; production trusts the
# machine's own (gunicorn listens on 127.0.0.1 behind a local proxy) unless told otherwise.
NEWSROOM_TRUSTED_PROXIES = env_list("NEWSROOM_TRUSTED_PROXIES")
AXES_VERBOSE = False

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers queue for the lock (up to 20 s) instead of failing with "database is locked":
    # a transaction takes the write lock when it begins, so none has to upgrade mid-way.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
if DATABASES["default"]["CONN_MAX_AGE"]:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache: Redis when REDIS_URL is set (production requires it: page-cache versions, comment
# rate limits and sessions must be shared by every app process); else this process's memory.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, which keeps the site up while Redis is down.
            "BACKEND": "newsroom.core.redis_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "newsroom"),
            "TIMEOUT": 24 * 3600,
            # An outage costs a request a fraction of a second, not a hung worker.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    # Sessions read from Redis, written through to the database: a Redis restart logs no one out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": 24 * 3600,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# British English with our own date formats: "6 April 2024", never "04/06/2024".
LANGUAGE_CODE = "en-gb"
TIME_ZONE = env("DJANGO_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["newsroom.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads and renditions in S3-compatible object storage when a bucket is named, so that every
# app server sees the same files. Credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (or the machine's role), as boto3 reads them.
S3_BUCKET = env("AWS_STORAGE_BUCKET_NAME")
if S3_BUCKET:
    S3_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            # Public photos: plain URLs (no signing per image), through a CDN domain if given.
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    STORAGES["default"] = S3_STORAGE

# Widgets render through the project's templates too (templates/admin/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Content-Security-Policy (django-csp) for the site and the admin: our own scripts and styles
# only, no inline script; video players from their no-cookie hosts, loaded on a click.
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS")  # e.g. a CDN serving photos
if S3_BUCKET:  # photos come from the bucket's domain (or the CDN's in front of it)
    S3_OPTIONS = S3_STORAGE["OPTIONS"]
    if S3_OPTIONS["custom_domain"]:
        CSP_MEDIA_ORIGINS.append(f"https://{S3_OPTIONS['custom_domain']}")
    elif S3_OPTIONS["endpoint_url"]:
        CSP_MEDIA_ORIGINS.append(S3_OPTIONS["endpoint_url"].rstrip("/"))
    else:
        CSP_MEDIA_ORIGINS.append("https://*.amazonaws.com")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # A nonce only where a page asks for one (the admin's import maps); cached public
        # pages never do, so their header stays the same for every reader.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *CSP_MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    },
}
# Browser features the site never uses are switched off (newsroom.middleware).
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
    "browsing-topics": [],
    "fullscreen": ["self", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
}

# Photo uploads: JPEG, PNG and WebP only, checked with Pillow before anything is stored.
PHOTO_MAX_UPLOAD_BYTES = env_int("PHOTO_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)
PHOTO_MAX_PIXELS = env_int("PHOTO_MAX_PIXELS", 60_000_000)
# Keep large uploads on disk rather than in memory while they are checked.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
}

# The public site.
NEWSROOM_SITE_NAME = env("NEWSROOM_SITE_NAME", "The Newsroom")
NEWSROOM_SITE_DESCRIPTION = env(
    "NEWSROOM_SITE_DESCRIPTION",
    "News on the TV series and films being made now: casting, production status, release dates.",
)
# Lists and feeds.
NEWSROOM_PAGE_SIZE = env_int("NEWSROOM_PAGE_SIZE", 20)
NEWSROOM_FEED_SIZE = env_int("NEWSROOM_FEED_SIZE", 30)
# Serve uploaded files from Django itself: development and tests only (env to override).
NEWSROOM_SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", False)

# The page cache (newsroom/core/cache.py): anonymous readers' pages, at most this many seconds
# (0 switches it off); every edit, publication and approved comment makes them fresh at once.
NEWSROOM_PAGE_CACHE_SECONDS = env_int("NEWSROOM_PAGE_CACHE_SECONDS", 3600)
# s-maxage for a CDN in front: seconds it may serve a page without asking (0: it revalidates
# every request with the ETag, and is never stale).
NEWSROOM_CDN_MAX_AGE = env_int("NEWSROOM_CDN_MAX_AGE", 0)
# The header carrying a cached page's tags, for a CDN that purges by tag ("Cache-Tag" for
# Cloudflare or Akamai, "Surrogate-Key" for Fastly; empty: none), and the backend told of
# every purge (newsroom/core/cdn.py; the default tells nobody).
NEWSROOM_CACHE_TAG_HEADER = env("NEWSROOM_CACHE_TAG_HEADER", "Cache-Tag")
if NEWSROOM_CACHE_TAG_HEADER.lower() in {"none", "off"}:
    NEWSROOM_CACHE_TAG_HEADER = ""
NEWSROOM_CDN_PURGER = env("NEWSROOM_CDN_PURGER", "newsroom.core.cdn.Purger")
# A purge that could not reach Redis (a stall, an outage) is kept in the database; the process
# that kept it, and any that saw Redis fail, deliver it before trusting the cache again, and
# every process looks for such purges this often (seconds; 0: never, for tests).
NEWSROOM_PURGE_RETRY_SECONDS = env_int("NEWSROOM_PURGE_RETRY_SECONDS", 2)

# Reader comments (articles/comments/). Each can be set from the environment.
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", 30)  # 0: never close by age
COMMENTS_MAX_LINKS = env_int("COMMENTS_MAX_LINKS", 2)  # more links than this: held
COMMENTS_MAX_LENGTH = env_int("COMMENTS_MAX_LENGTH", 3000)  # characters
COMMENTS_MIN_SECONDS = env_int("COMMENTS_MIN_SECONDS", 3)  # form shown to post: faster is a bot
COMMENTS_FORM_MAX_AGE = env_int("COMMENTS_FORM_MAX_AGE", 2 * 24 * 3600)  # a form older: resend
COMMENTS_RATE_IP = env("COMMENTS_RATE_IP", "5/600")  # posts per seconds, per IP address
COMMENTS_RATE_EMAIL = env("COMMENTS_RATE_EMAIL", "3/600")  # posts per seconds, per email
COMMENTS_THREADS_PER_PAGE = env_int("COMMENTS_THREADS_PER_PAGE", 50)
COMMENTS_KEEP_IP_DAYS = env_int("COMMENTS_KEEP_IP_DAYS", 30)  # erase_comment_ips erases older

# The production tracker flags a show whose status was last confirmed this many days ago.
SHOWS_STALE_AFTER_DAYS = env_int("SHOWS_STALE_AFTER_DAYS", 90)

# Preview share links for outside reviewers stay valid this many days (revocable sooner).
ARTICLES_SHARE_LINK_DAYS = env_int("ARTICLES_SHARE_LINK_DAYS", 7)

# Where the site is, for links in emails sent with no request at hand (digests).
NEWSROOM_SITE_URL = env("NEWSROOM_SITE_URL", "http://127.0.0.1:8000")

# WordPress imports from the desk: the largest export taken, and the one folder on the
# server where copies of sites' wp-content/uploads may be read from (empty: none).
NEWSROOM_IMPORT_MAX_MB = env_int("NEWSROOM_IMPORT_MAX_MB", 1024)
# A photo larger than this (width x height) has its resized copies made by the worker, not
# in the desk's request (a 50-megapixel original takes seconds).
NEWSROOM_RENDITIONS_INLINE_PIXELS = env_int("NEWSROOM_RENDITIONS_INLINE_PIXELS", 24_000_000)

# The desk: a form's autosave is kept this many days, then forgotten (newsroom.core.autosave).
NEWSROOM_AUTOSAVE_DAYS = env_int("NEWSROOM_AUTOSAVE_DAYS", 7)
# Someone whose open page has not beaten for this many seconds has left (newsroom.core.presence).
NEWSROOM_PRESENCE_SECONDS = env_int("NEWSROOM_PRESENCE_SECONDS", 30)
NEWSROOM_IMPORT_MEDIA_ROOT = env("NEWSROOM_IMPORT_MEDIA_ROOT", "")
# Uploaded exports wait here for the worker (never in the public media storage); every
# worker must see this folder (a shared volume when they run on other machines).
NEWSROOM_IMPORT_UPLOAD_ROOT = env("NEWSROOM_IMPORT_UPLOAD_ROOT", str(BASE_DIR / "private"))

# Email: the console in development (base), locmem in tests, SMTP in production (prod.py).
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "newsroom@localhost")

# Background jobs (django-tasks): the database backend, run by `manage.py db_worker`
# (`make run` starts one beside the web server). Every web process and worker shares the
# database, so workers may run on other machines.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Readers following shows and people (newsroom/follows/).
FOLLOWS_CONFIRM_DAYS = env_int("FOLLOWS_CONFIRM_DAYS", 3)  # an unconfirmed follow expires then
FOLLOWS_DIGEST_BATCH = env_int("FOLLOWS_DIGEST_BATCH", 200)  # followers per digest task
FOLLOWS_RATE_IP = env("FOLLOWS_RATE_IP", "5/600")  # follow requests per seconds, per address
FOLLOWS_RATE_EMAIL = env("FOLLOWS_RATE_EMAIL", "3/3600")  # per email address
