"""Production: refuses to start without a secret key and allowed hosts; HTTPS everywhere."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool, env_int, env_list

SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: production will not start without it.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Set DJANGO_ALLOWED_HOSTS (comma-separated host names): production will not start "
        "without it."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# gunicorn listens on 127.0.0.1 (newsroom/gunicorn_conf.py): whoever connects is the proxy in
# front on this machine. Name the load balancer's addresses when it connects from elsewhere.
NEWSROOM_TRUSTED_PROXIES = env_list("NEWSROOM_TRUSTED_PROXIES") or ["127.0.0.1", "::1"]
if not env("DATABASE_URL"):
    raise ImproperlyConfigured(
        "Set DATABASE_URL (postgres://user:password@host:5432/newsroom): production will not "
        "start on the development SQLite file."
    )
if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured(
        "Set REDIS_URL (redis://host:6379/0): production will not start without a cache that "
        "every app process shares (page-cache versions, comment rate limits, sessions)."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
NEWSROOM_DEMO_ALLOWED = False

# Links in emails sent with no request at hand (digests): the first allowed host, unless set.
NEWSROOM_SITE_URL = env("NEWSROOM_SITE_URL", f"https://{ALLOWED_HOSTS[0].lstrip('.')}")
# Email goes out by SMTP (a local relay unless told otherwise).
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", f"newsroom@{ALLOWED_HOSTS[0].lstrip('.')}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
