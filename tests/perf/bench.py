"""`make bench`: the large newsroom on PostgreSQL and Redis, served by gunicorn with the
production settings, measured with wrk at concurrency 8.

Every figure is also given as a ratio to a static file served by the same gunicorn in the same
run (the machine's ceiling), because absolute numbers drift on shared machines. The table is
printed and written to tests/perf/bench-results.md; the exit status is 1 if a target is missed.

Environment: BENCH_DATABASE_URL (default: the newsroom_bench database on 127.0.0.1, created if
missing, filled once with `manage.py load_scale`), BENCH_REDIS_URL (default
redis://127.0.0.1:6379/14), BENCH_SECONDS per measurement (default 10), BENCH_WORKERS (2),
BENCH_PEER_SCRIPT (default ../shared/peers/setup_wagtail.sh beside the checkout: the Wagtail
peer; without it the rows compared with Wagtail are reported as not measured), WAGTAIL_PORT.
"""

import datetime
import http.cookiejar
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
RESULTS = ROOT / "tests" / "perf" / "bench-results.md"
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
CONCURRENCY = 8
ARTICLE = "/articles/northern-tide-everything-we-know-so-far/"  # newsroom.demo.scale
SHOW = "/shows/northern-tide/"
PAGES = {
    "home": "/",
    "article (200 comments)": ARTICLE,
    "show (40 credits)": SHOW,
    "person": "/people/shun-oguri/",
    "show list, filtered": "/shows/?status=filming&kind=series&sort=title",
    "article list": "/articles/",
    "search": "/search/?q=northern+tide",
    "feed": "/feed/",
}
HIT_RATIO = 0.5  # a cache hit: at least half the requests/s of a static file
# Cold (no cache at all): at least this many times the Wagtail peer's page of that kind.
COLD_VS_PEER = dict.fromkeys(PAGES, ("article", 1)) | {
    "article (200 comments)": ("article", 2),
    "article list": ("listing", 2),
}
MISS_VS_PEER = {"article (200 comments)": ("article", 5)}  # page missed, fragments warm
MISS_P99 = {"search": 150}
ADMIN_SECONDS = 1.0
WORKER_MB = 200
# The Wagtail peer (../shared/peers/README.md): started by its own script, measured in the
# same run, each of its pages right before the page it is compared with.
PEER_SCRIPT = Path(
    os.environ.get("BENCH_PEER_SCRIPT", ROOT.parent / "shared" / "peers" / "setup_wagtail.sh")
)
BASH = shutil.which("bash") or "/bin/bash"
PEER_BASE = f"http://127.0.0.1:{os.environ.get('WAGTAIL_PORT', '8101')}"
PEER_PAGES = {"article": "/news/article-200/", "listing": "/news/"}


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `make bench` installs it (apt-get install wrk).")
    database = os.environ.get("BENCH_DATABASE_URL") or default_database()
    redis = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(DATABASE_URL=database, REDIS_URL=redis, CACHE_KEY_PREFIX="bench")
    prepare(env)
    static_root = tempfile.mkdtemp(prefix="newsroom-bench-static-")
    prod = env | {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.prod",
        "DJANGO_SECRET_KEY": "bench-" + "x9!Lq2#vR7pT" * 5,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": static_root,
        "DATABASE_CONN_MAX_AGE": "600",
        "WEB_CONCURRENCY": WORKERS,
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    manage(prod, "collectstatic", "--noinput", "-v0")
    static = (
        "/static/"
        + json.loads((Path(static_root) / "staticfiles.json").read_text())["paths"]["css/site.css"]
    )
    rows, failures = [], []
    peer = Peer()
    flush_cache(prod)

    with Server(prod) as server:
        ceiling = measure(server.base, "static file (ceiling)", static)
        rows.append(ceiling | {"cache": "-", "ratio": 1.0})
        for name, path in PAGES.items():
            result = measure(server.base, name, path, warm=True)
            ratio = result["rps"] / ceiling["rps"]
            rows.append(result | {"cache": "hit", "ratio": ratio})
            if ratio < HIT_RATIO:
                failures.append(f"{name} (cache hit): {ratio:.2f} of static, target {HIT_RATIO}")
        admin = admin_timings(server)
        rss = server.worker_rss()
    for cache, settings, targets in (
        ("miss", prod | {"NEWSROOM_PAGE_CACHE_SECONDS": "0"}, MISS_VS_PEER),
        ("cold", prod | {"DJANGO_SETTINGS_MODULE": "tests.perf.cold_settings"}, COLD_VS_PEER),
    ):
        with Server(settings) as server:
            for name, path in PAGES.items():
                kind, times = targets.get(name, (None, None))
                reference = peer.measure(kind) if kind else None
                if reference:
                    rows.append(
                        reference | {"cache": "none", "ratio": reference["rps"] / ceiling["rps"]}
                    )
                result = measure(server.base, name, path, warm=True)
                row = result | {"cache": cache, "ratio": result["rps"] / ceiling["rps"]}
                if reference:
                    row["vs_peer"] = result["rps"] / reference["rps"]
                    if row["vs_peer"] < times:
                        failures.append(
                            f"{name} ({cache}): {row['vs_peer']:.2f}x the Wagtail {kind}, "
                            f"target {times}x"
                        )
                elif kind:
                    failures.append(f"{name} ({cache}): not measured against Wagtail ({peer.why})")
                rows.append(row)
                if cache == "miss" and name in MISS_P99 and result["p99"] > MISS_P99[name]:
                    failures.append(
                        f"{name} (miss): p99 {result['p99']:.0f} ms > {MISS_P99[name]} ms"
                    )
            rss += server.worker_rss()
    peer.stop()
    for name, seconds in admin.items():
        if seconds > ADMIN_SECONDS:
            failures.append(f"admin {name}: {seconds:.2f} s > {ADMIN_SECONDS} s")
    if max(rss) > WORKER_MB:
        failures.append(f"a worker holds {max(rss):.0f} MB > {WORKER_MB} MB")
    precision = subprocess.run(
        [PYTHON, str(ROOT / "tests" / "perf" / "precision.py")],
        cwd=ROOT,
        env=env | {"DJANGO_SETTINGS_MODULE": "newsroom.settings.dev"},
        check=True,
        text=True,
        capture_output=True,
    ).stdout.splitlines()[0]
    report = table(rows, admin, rss, failures, database)
    report += f"\nPurge precision (tests/perf/precision.py): {precision}\n"
    print(report)
    RESULTS.write_text(report)
    print(f"Written to {RESULTS.relative_to(ROOT)}")
    sys.exit(1 if failures else 0)


def default_database():
    for user in ("postgres", "root"):
        url = f"postgres://{user}@127.0.0.1:5432/postgres"
        check = "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=5)"
        if subprocess.run([PYTHON, "-c", check, url], capture_output=True).returncode == 0:
            return url.rsplit("/", 1)[0] + "/newsroom_bench"
    sys.exit("No PostgreSQL on 127.0.0.1:5432 (user postgres or root): set BENCH_DATABASE_URL.")


def manage(env, *args, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )


def prepare(env):
    """Create the bench database if missing, migrate it, fill it once with the large newsroom."""
    name = env["DATABASE_URL"].rsplit("/", 1)[1]
    admin_url = env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    create = (
        "import psycopg, sys\n"
        "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
        "    if not c.execute('SELECT 1 FROM pg_database WHERE datname=%s', [sys.argv[2]])"
        ".fetchone():\n"
        "        c.execute('CREATE DATABASE ' + sys.argv[2])\n"
    )
    subprocess.run([PYTHON, "-c", create, admin_url, name], check=True)
    dev = env | {"DJANGO_SETTINGS_MODULE": "newsroom.settings.dev"}
    manage(dev, "migrate", "--noinput", "-v0")
    probe = "from articles.models import Article; print(Article.objects.count())"
    count = int(manage(dev, "shell", "-c", probe, capture=True).stdout.split()[-1])
    if count < 100_000:
        print("Generating the large newsroom (about 3 minutes, once)...", flush=True)
        manage(dev, "load_scale")


def flush_cache(env):
    manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")


class Server:
    def __init__(self, env):
        self.env = env

    def __enter__(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "newsroom/gunicorn_conf.py"],
            cwd=ROOT,
            env=self.env | {"GUNICORN_BIND": f"127.0.0.1:{self.port}"},
        )
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                if self.process.poll() is not None:
                    sys.exit("gunicorn did not start")
                time.sleep(0.1)
        sys.exit("gunicorn did not answer")

    def worker_rss(self):
        """Resident megabytes of each worker process (after the measurements)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
        return sizes

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


HEADERS = {"X-Forwarded-Proto": "https"}


def get(url, opener=None):
    request = urllib.request.Request(url, headers=HEADERS)  # noqa: S310 (127.0.0.1)
    with (opener or urllib.request.build_opener()).open(request, timeout=30) as response:
        return response.status, response.read()


class Peer:
    """The stock Wagtail of ../shared/peers, if its script is there (started once)."""

    def __init__(self):
        self.why = None
        if not PEER_SCRIPT.exists():
            self.why = f"no {PEER_SCRIPT}"
            print(f"The Wagtail peer is not measured: {self.why}.", flush=True)
            return
        print("Starting the Wagtail peer (its first run installs it)...", flush=True)
        started = subprocess.run([BASH, str(PEER_SCRIPT)], capture_output=True, text=True)
        if started.returncode != 0:
            self.why = f"{PEER_SCRIPT.name} failed: {started.stderr.strip()[-300:]}"
            print(f"The Wagtail peer is not measured: {self.why}", flush=True)

    def measure(self, kind):
        if self.why:
            return None
        return measure(PEER_BASE, f"Wagtail {kind}", PEER_PAGES[kind], warm=True)

    def stop(self):
        if not self.why:
            subprocess.run([BASH, str(PEER_SCRIPT), "stop"], capture_output=True)


def measure(base, name, path, warm=False):
    status, _body = get(base + path)
    if status != 200:
        sys.exit(f"{path} answered {status}")
    if warm:
        for _ in range(20):
            get(base + path)
    command = ["wrk", "-t1", f"-c{CONCURRENCY}", f"-d{SECONDS}s", "--latency"]
    for header, value in HEADERS.items():
        command += ["-H", f"{header}: {value}"]
    out = subprocess.run([*command, base + path], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        sys.exit(f"{path}: {errors.group(1)} error responses under load\n{out}")
    return {
        "name": name,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency(out, "50%"),
        "p99": latency(out, "99%"),
    }


def latency(out, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", out).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def admin_timings(server):
    """Seconds for the article and comment changelists (median of 5), logged in as editor."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _status, body = get(server.base + "/admin/login/", opener)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    for cookie in jar:
        cookie.secure = False  # production cookies are Secure; this is plain http to 127.0.0.1
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "editor", "password": "newsroom-demo"}
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        server.base + "/admin/login/?next=/admin/",
        data=form,
        headers=HEADERS | {"Referer": f"https://127.0.0.1:{server.port}/admin/login/"},
    )
    opener.open(request, timeout=30).read()
    for cookie in jar:
        cookie.secure = False
    timings = {}
    for name, path in {
        "articles changelist": "/admin/articles/article/",
        "comments changelist": "/admin/articles/comment/",
        "comments, held only": "/admin/articles/comment/?status__exact=held",
        "articles search": "/admin/articles/article/?q=northern",
    }.items():
        samples = []
        for _ in range(5):
            started = time.perf_counter()
            status, body = get(server.base + path, opener)
            samples.append(time.perf_counter() - started)
            if status != 200 or b"Log out" not in body:
                sys.exit(f"{path}: not the logged-in changelist")
        timings[name] = statistics.median(samples)
    return timings


def table(rows, admin, rss, failures, database):
    lines = [
        f"# Benchmark, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        "",
        f"gunicorn, {WORKERS} sync workers, production settings, PostgreSQL "
        f"({database.rsplit('/', 1)[1]}) and Redis; wrk, {CONCURRENCY} connections, "
        f"{SECONDS} s each, on a {os.cpu_count()}-core machine (wrk shares it).",
        "",
        "Cache: *hit* a cached page; *miss* the page cache off, fragments and values in Redis; "
        "*cold* no cache at all (Django's dummy cache: after a Redis flush or outage). The "
        "Wagtail peer (stock Wagtail, 2 sync workers, SQLite, no page cache: "
        "../shared/peers) is measured right before the page compared with it.",
        "",
        "| page | cache | requests/s | share of static | vs Wagtail | p50 ms | p99 ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        versus = f"{row['vs_peer']:.2f}x" if "vs_peer" in row else ""
        lines.append(
            f"| {row['name']} | {row['cache']} | {row['rps']:,.0f} | {row['ratio']:.2f} "
            f"| {versus} | {row['p50']:.1f} | {row['p99']:.1f} |"
        )
    lines += ["", "| admin page (logged in) | median of 5 |", "| --- | ---: |"]
    lines += [f"| {name} | {seconds * 1000:.0f} ms |" for name, seconds in admin.items()]
    lines += ["", f"Worker memory after the runs: {', '.join(f'{mb:.0f} MB' for mb in rss)}."]
    lines += ["", "Targets: " + ("all met." if not failures else "missed:")]
    lines += [f"- {failure}" for failure in failures]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
