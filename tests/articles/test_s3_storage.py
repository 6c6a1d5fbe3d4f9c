"""Photos and renditions in S3-compatible object storage (django-storages), against moto's S3
server on 127.0.0.1: what several app servers share in production."""

import io

import boto3
import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from moto.moto_server.threaded_moto_server import ThreadedMotoServer
from PIL import Image

from articles.renditions import make_renditions
from tests.articles.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db
BUCKET = "newsroom-media"


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, settings, monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    # The production settings' storage, pointed at the local server.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                "querystring_auth": False,
                "file_overwrite": False,
                "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            },
        },
    }
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client):
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_uploads_and_renditions_live_in_the_bucket(s3, s3_server, client):
    photo = PhotoFactory()
    assert type(default_storage._wrapped).__name__ == "S3Storage"
    make_renditions(photo)
    photo.refresh_from_db()
    stored = keys(s3)
    assert photo.image.name in stored
    renditions = {name for rows in photo.renditions.values() for row in rows for name in row[2:]}
    assert renditions
    assert renditions <= stored
    head = s3.head_object(Bucket=BUCKET, Key=next(iter(renditions)))
    assert head["CacheControl"] == "public, max-age=31536000, immutable"

    # The reader's page points at the bucket, and what it points at is a real picture.
    article = ArticleFactory(hero_photo=photo, publish_at=timezone.now())
    html = client.get(article.get_absolute_url()).content.decode()
    webp = photo.renditions["full"][0][2]  # the hero's smallest WebP
    url = f"{s3_server}/{BUCKET}/{webp}"
    assert url in html
    # (Readers fetch it through the bucket's public-read policy or a CDN; moto's bucket is
    # private, so the test reads it with the app's credentials.)
    body = s3.get_object(Bucket=BUCKET, Key=webp)["Body"].read()
    assert Image.open(io.BytesIO(body)).format == "WEBP"


def test_a_new_focal_point_replaces_the_old_crops_in_the_bucket(s3):
    photo = PhotoFactory()
    first = make_renditions(photo)
    photo.focal_x, photo.focal_y = 10, 90
    second = make_renditions(photo)
    old_cards = {name for row in first["card"] for name in row[2:]}
    new_cards = {name for row in second["card"] for name in row[2:]}
    assert old_cards.isdisjoint(new_cards)
    stored = keys(s3)
    assert new_cards <= stored
    assert not old_cards & stored
