"""The large-newsroom generator (`manage.py load_scale`) at a small size: consistent rows
through the same bulk path (COPY on PostgreSQL), and the records the benchmark measures."""

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from articles.models import Article, Comment, CommentStatus
from newsroom.demo.scale import BENCH_ARTICLE, BENCH_SHOW
from people.models import Person
from shows.models import Credit, Show


@pytest.mark.django_db(transaction=True)  # VACUUM cannot run in a transaction
def test_a_small_generated_newsroom_is_consistent(client, settings):
    settings.NEWSROOM_DEMO_ALLOWED = True
    from django.apps import apps

    from newsroom.roles import apply_roles

    apply_roles(apps)  # an earlier transactional test may have emptied the database
    call_command("load_demo", verbosity=0)  # load_scale builds on the demo (idempotent)
    models = (Article, Show, Person, Credit, Comment)
    before = {model: model.objects.count() for model in models}
    call_command(
        "load_scale",
        articles=60,
        shows=12,
        people=80,
        credits=300,
        comments=900,
        photos=2,
        verbosity=0,
    )
    added = {model: model.objects.count() - before[model] for model in models}
    assert added == {Article: 60, Show: 12, Person: 80, Credit: 300, Comment: 900}
    assert Credit.objects.filter(show__slug=BENCH_SHOW).count() == 40
    generated = Article.objects.order_by("-pk")[:60]
    generated = Article.objects.filter(pk__in=[article.pk for article in generated])

    bench = Article.objects.get(slug=BENCH_ARTICLE)
    approved = bench.comments.filter(status=CommentStatus.APPROVED)
    assert approved.count() == bench.comment_count == 200
    assert approved.filter(depth=0).count() == 50
    assert len(bench.search_document.split()) >= 1200
    assert bench.hero_photo.renditions["full"]

    # Every article's count is its approved comments; every reply sits in a thread.
    counts = generated.annotate(
        approved=Count("comments", filter=Q(comments__status=CommentStatus.APPROVED))
    )
    assert all(article.comment_count == article.approved for article in counts)
    assert not Comment.objects.filter(depth__gt=0, thread__isnull=True).exists()
    assert Comment.objects.filter(article__in=generated).count() >= 900

    # New rows take ids after the generated ones (sequences were moved on).
    after = Show.objects.create(title="After", slug="after", status_confirmed_on="2026-01-01")
    assert after.pk > max(Show.objects.exclude(pk=after.pk).values_list("pk", flat=True))
    for url in (bench.get_absolute_url(), f"/shows/{BENCH_SHOW}/", "/", "/search/?q=tide"):
        assert client.get(url).status_code == 200, url
