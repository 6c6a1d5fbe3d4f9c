"""gunicorn's configuration for the newsroom (production and `make bench`).

    gunicorn -c newsroom/gunicorn_conf.py newsroom.wsgi

Every value can be changed from the environment without editing this file.
"""

import multiprocessing
import os

wsgi_app = "newsroom.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Pages are CPU-bound Python: about two processes per core keep the cores busy while one waits
# on PostgreSQL or Redis. Each worker is a separate process (no shared memory: the cache is
# Redis), so several machines behind a load balancer behave like one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# Load the app once before forking: workers start fast and share its memory pages.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that no slow leak grows for ever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = 500
# The proxy or load balancer in front (its address) may set X-Forwarded-Proto / -For.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Workers' heartbeat files in memory, not on a disk that may stall (gunicorn's advice).
SHM = "/dev/shm"  # noqa: S108 - gunicorn's own files, not user data
worker_tmp_dir = SHM if os.path.isdir(SHM) else None
