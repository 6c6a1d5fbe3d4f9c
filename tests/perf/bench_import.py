"""The WordPress import at scale (``make bench-import``): a generated export of 10,000 posts,
30,000 comments in deep threads and every state, and 20,000 attachments with their files
(a copy of wp-content/uploads: JPEGs of 1200x800, about 55 KB each, given with ``--media``;
BENCH_IMPORT_FILES=0 leaves them out, as in an export moved without its uploads), CJK and
right-to-left text and forbidden characters, imported into an empty PostgreSQL database
with the production settings, then imported again. The photos' renditions are made by the
worker afterwards (queued as jobs, not part of the import's time).

Targets: the first run under 2 minutes with its peak memory under 300 MB; the second under
1 minute with nothing doubled. Measured with /usr/bin/time-like resource accounting of the
import command's own process. Results go to tests/perf/bench-import-results.md.

Environment: BENCH_IMPORT_DATABASE_URL (default: a newsroom_import_bench database on
127.0.0.1, dropped and created afresh), BENCH_IMPORT_POSTS (default 10000).
"""

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
RESULTS = ROOT / "tests" / "perf" / "bench-import-results.md"
FIRST_SECONDS, SECOND_SECONDS, PEAK_MB = 120, 60, 300


def database():
    url = os.environ.get("BENCH_IMPORT_DATABASE_URL")
    if url:
        return url
    for user in ("postgres", "root"):
        base = f"postgres://{user}@127.0.0.1:5432"
        check = "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=5)"
        if (
            subprocess.run(
                [PYTHON, "-c", check, base + "/postgres"], capture_output=True
            ).returncode
            == 0
        ):
            return base + "/newsroom_import_bench"
    sys.exit("No PostgreSQL on 127.0.0.1:5432: set BENCH_IMPORT_DATABASE_URL.")


def fresh_database(url):
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    script = (
        "import psycopg, sys\n"
        "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
        "    c.execute('DROP DATABASE IF EXISTS ' + sys.argv[2] + ' WITH (FORCE)')\n"
        "    c.execute('CREATE DATABASE ' + sys.argv[2])\n"
    )
    subprocess.run([PYTHON, "-c", script, admin, name], check=True)


def timed(env, *args):
    """(seconds, peak MB, stdout) of one manage.py command in a process of its own."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024, done.stdout


def counts(env):
    probe = (
        "from articles.models import Article, Comment, ImportedRecord, Redirect, Tag;"
        "print(Article.objects.count(), Comment.objects.count(), Tag.objects.count(),"
        " Redirect.objects.count(), ImportedRecord.objects.count())"
    )
    done = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", probe],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    )
    return tuple(int(n) for n in done.stdout.split()[-5:])


def main():
    posts = int(os.environ.get("BENCH_IMPORT_POSTS", "10000"))
    url = database()
    fresh_database(url)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    files = os.environ.get("BENCH_IMPORT_FILES", "1") != "0"
    media_root = tempfile.mkdtemp(prefix="newsroom-import-bench-media-")
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="newsroom.settings.prod",
        DJANGO_SECRET_KEY="bench-" + "x9!Lq2#vR7pT" * 5,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_MEDIA_ROOT=media_root,
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"),
    )
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    folder = Path(tempfile.mkdtemp(prefix="newsroom-import-bench-"))
    export, uploads = folder / "large.xml", folder / "uploads"
    subprocess.run(
        [
            PYTHON,
            str(ROOT / "tests" / "perf" / "wxr_generator.py"),
            str(export),
            "--posts",
            str(posts),
            "--comments",
            str(posts * 3),
            "--attachments",
            str(posts * 2),
            *(["--media", str(uploads)] if files else []),
        ],
        check=True,
    )
    size = export.stat().st_size / 1024 / 1024
    media = ["--media", str(uploads)] if files else []
    print(f"Importing {export} ({size:.0f} MB)...", flush=True)
    try:
        first, first_peak, report = timed(env, "import_wordpress", str(export), *media)
        after_first = counts(env)
        second, second_peak, report_again = timed(env, "import_wordpress", str(export), *media)
        after_second = counts(env)
    finally:  # a gigabyte of pictures, twice
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(media_root, ignore_errors=True)
    rows = [
        ("first run", f"{first:.0f} s", f"under {FIRST_SECONDS} s", first < FIRST_SECONDS),
        (
            "peak memory, first run",
            f"{first_peak:.0f} MB",
            f"under {PEAK_MB} MB",
            first_peak < PEAK_MB,
        ),
        ("second run", f"{second:.0f} s", f"under {SECOND_SECONDS} s", second < SECOND_SECONDS),
        (
            "peak memory, second run",
            f"{second_peak:.0f} MB",
            f"under {PEAK_MB} MB",
            second_peak < PEAK_MB,
        ),
        (
            "rows after each run (articles, comments, tags, redirects, records)",
            f"{after_first} / {after_second}",
            "the same",
            after_first == after_second,
        ),
    ]
    lines = [
        "# WordPress import at scale",
        "",
        f"`make bench-import`: {posts} posts, {posts * 3} comments, {posts * 2} attachments "
        f"({size:.0f} MB of WXR; "
        + ("every attachment's file given with --media" if files else "no files given")
        + f"), PostgreSQL, production settings, {os.cpu_count()} cores.",
        "",
        "| measure | result | target | met |",
        "| --- | --- | --- | --- |",
        *(
            f"| {name} | {value} | {target} | {'yes' if met else 'NO'} |"
            for name, value, target, met in rows
        ),
        "",
        "First run's report (head):",
        "",
        "```",
        *report.splitlines()[:16],
        "```",
        "",
        "Second run's report (head):",
        "",
        "```",
        *report_again.splitlines()[:12],
        "```",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))
    sys.exit(0 if all(met for *_rest, met in rows) else 1)


if __name__ == "__main__":
    main()
