"""Photo uploads through the admin: good files are stored, bad ones get a clear form error and
leave nothing behind (no row, no file)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Photo

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/articles/photo/add/"


def image_bytes(fmt="JPEG", size=(320, 200), mode="RGB"):
    buffer = io.BytesIO()
    colour = {"RGB": (200, 80, 40), "P": 3, "1": 1}[mode]
    Image.new(mode, size, colour).save(buffer, fmt)
    return buffer.getvalue()


def post_photo(client, upload):
    return client.post(
        ADD_URL,
        {
            "image": upload,
            "caption": "Shun Oguri at a gala in Westwood, California, on 14 October 2017.",
            "credit": "Axelle/Bauer-Griffin/FilmMagic",
            "alt_text": "A man in a dark suit.",
        },
    )


def stored_files(media_root):
    return [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("JPEG", "IMG_0001 private.jpg"),
        ("PNG", "IMG_0002 private.png"),
        ("WEBP", "IMG_0003 private.webp"),
    ],
)
def test_a_jpeg_png_or_webp_is_stored_with_its_size_and_uploader(
    writer_client, writer, media_root, fmt, name
):
    response = post_photo(writer_client, SimpleUploadedFile(name, image_bytes(fmt)))
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (320, 200)
    assert photo.uploaded_by == writer
    assert photo.image.name.startswith("photos/")
    assert "private" not in photo.image.name  # editors' file names never reach public URLs
    originals = [p for p in stored_files(media_root) if "renditions" not in p.parts]
    assert len(originals) == 1
    # The 320 px upload is smaller than every width: one card crop and one full size, each
    # as WebP and JPEG, made once at upload.
    assert len(photo.renditions["full"]) == 1
    assert len(photo.renditions["card"]) == 1
    assert len(stored_files(media_root)) == 1 + 4


def _assert_refused(response, media_root, message):
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["image"]
    assert any(message in error for error in errors), errors
    assert not Photo.objects.exists()
    assert stored_files(media_root) == []


def test_a_gif_is_refused(writer_client, media_root):
    response = post_photo(writer_client, SimpleUploadedFile("a.gif", image_bytes("GIF", mode="P")))
    _assert_refused(response, media_root, "JPEG, PNG or WebP")


def test_a_gif_renamed_to_jpg_is_refused(writer_client, media_root):
    response = post_photo(writer_client, SimpleUploadedFile("a.jpg", image_bytes("GIF", mode="P")))
    _assert_refused(response, media_root, "not accepted")


def test_a_text_file_pretending_to_be_a_jpeg_is_refused(writer_client, media_root):
    upload = SimpleUploadedFile("a.jpg", b"<?php system($_GET['c']); ?>", "image/jpeg")
    _assert_refused(post_photo(writer_client, upload), media_root, "valid image")


def test_a_truncated_jpeg_is_refused(writer_client, media_root):
    upload = SimpleUploadedFile("a.jpg", image_bytes("PNG")[:60])
    _assert_refused(post_photo(writer_client, upload), media_root, "image")


def test_an_oversized_file_is_refused(writer_client, media_root, settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 1000
    upload = SimpleUploadedFile("big.png", image_bytes("PNG", size=(400, 400)) + b"\0" * 2000)
    _assert_refused(post_photo(writer_client, upload), media_root, "may be at most")


def test_a_decompression_bomb_is_refused(writer_client, media_root, settings):
    settings.PHOTO_MAX_PIXELS = 1_000_000
    # A tiny file that claims 4000 x 4000 pixels: opening it must not be attempted.
    upload = SimpleUploadedFile("bomb.png", image_bytes("PNG", size=(4000, 4000), mode="1"))
    assert upload.size < 10_000
    _assert_refused(post_photo(writer_client, upload), media_root, "megapixels")


def test_a_pillow_decompression_bomb_error_becomes_a_form_error(writer_client, media_root):
    # Past Pillow's own hard limit, Image.open raises; that must still be a form error.
    original = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = 1000
    try:
        upload = SimpleUploadedFile("bomb.png", image_bytes("PNG", size=(200, 200), mode="1"))
        response = post_photo(writer_client, upload)
    finally:
        Image.MAX_IMAGE_PIXELS = original
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["image"]
    assert not Photo.objects.exists()
    assert stored_files(media_root) == []


def test_a_bad_upload_keeps_what_the_editor_typed(writer_client):
    response = post_photo(writer_client, SimpleUploadedFile("a.gif", image_bytes("GIF", mode="P")))
    assert b"Axelle/Bauer-Griffin/FilmMagic" in response.content
    assert b"Westwood, California" in response.content


def test_editing_a_photo_does_not_reopen_its_stored_file(editor_client):
    from tests.articles.factories import PhotoFactory

    photo = PhotoFactory()
    response = editor_client.post(
        f"/admin/articles/photo/{photo.pk}/change/",
        {"caption": "New caption.", "credit": "New/Credit", "alt_text": "Alt."},
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "New caption."


def test_a_failure_to_make_renditions_keeps_the_photo_and_says_so(writer_client, monkeypatch):
    def fail(photo):
        raise OSError("disk full")

    monkeypatch.setattr("articles.services.library.make_renditions", fail)
    response = post_photo(writer_client, SimpleUploadedFile("a.jpg", image_bytes("JPEG")))
    photo = Photo.objects.get()
    assert photo.renditions == {}
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("could not be made" in message for message in messages)


def test_a_jpeg_cut_short_inside_its_image_data_is_refused(writer_client, media_root):
    """It has a whole header (Pillow's verify() passes it); its pixels stop half way."""
    buffer = io.BytesIO()
    Image.effect_noise((640, 480), 64).convert("RGB").save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    upload = SimpleUploadedFile("cut.jpg", data[: len(data) // 2], "image/jpeg")
    _assert_refused(post_photo(writer_client, upload), media_root, "not a readable image")


def _with_location(fmt):
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated: a viewer must turn it
    exif[0x010F] = "CameraMaker"
    exif[0x0110] = "SecretCam 9000"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (35.0, 39.0, 29.0), 3: "E", 4: (139.0, 41.0, 30.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (200, 80, 40)).save(buffer, fmt, exif=exif.tobytes())
    return buffer.getvalue()


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "a.jpg"), ("PNG", "a.png"), ("WEBP", "a.webp")])
def test_the_stored_original_keeps_no_location_or_camera(writer_client, media_root, fmt, name):
    from articles.models import Photo

    data = _with_location(fmt)
    with Image.open(io.BytesIO(data)) as image:
        assert image.getexif().get_ifd(0x8825)  # the upload has a GPS position
    assert post_photo(writer_client, SimpleUploadedFile(name, data)).status_code == 302
    photo = Photo.objects.get()
    stored = photo.image.read()
    assert b"SecretCam" not in stored
    assert b"CameraMaker" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        exif = image.getexif()
        assert not exif.get_ifd(0x8825)
        assert 0x0110 not in exif
        assert exif.get(0x0112) == 6  # still shown the right way up
        assert image.size == (320, 200)
        image.load()  # the picture is whole


def _segment(marker, body):
    return bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body


def _exif_app1():
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif.get_ifd(0x8825).update({1: "N", 2: (35.0, 39.0, 29.0)})
    payload = exif.tobytes()
    return b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload


@pytest.mark.parametrize(
    "craft",
    [
        # Fill bytes before the EXIF segment: legal, and skipped by every decoder.
        lambda jpeg: jpeg[:2] + b"\xff\xff" + _exif_app1() + jpeg[2:],
        # A video (or anything) after the end of the image, as motion photos carry.
        lambda jpeg: jpeg + b"ftypmp42 GPS 35.6586 139.6917 CameraMaker",
        # JUMBF / C2PA (APP11) and a comment.
        lambda jpeg: (
            jpeg[:2] + _segment(0xEB, b"JP CameraMaker") + _segment(0xFE, b"CameraMaker") + jpeg[2:]
        ),
        # A segment whose length is wrong: the file is saved again, without any of it.
        lambda jpeg: jpeg[:2] + b"\xff\xfe\x00\x0fJP CameraMaker" + jpeg[2:],
    ],
    ids=["fill-bytes", "trailer", "app11-and-comment", "bad-length"],
)
def test_crafted_jpegs_keep_no_metadata_either(writer_client, media_root, craft):
    from articles.models import Photo

    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (200, 80, 40)).save(buffer, "JPEG")
    data = craft(buffer.getvalue())
    with Image.open(io.BytesIO(data)) as image:
        image.load()  # a file every decoder opens
    assert post_photo(writer_client, SimpleUploadedFile("a.jpg", data)).status_code == 302
    stored = Photo.objects.get().image.read()
    assert b"CameraMaker" not in stored
    assert b"GPS" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif().get_ifd(0x8825)
        image.load()
