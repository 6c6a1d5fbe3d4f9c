import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from articles.renditions import make_renditions, renditions_current
from articles.templatetags.articles import picture
from tests.articles.factories import PhotoFactory

pytestmark = pytest.mark.django_db

GPS = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def jpeg_with_secrets(size=(1800, 1200), orientation=1):
    """A JPEG carrying GPS, camera make, XMP and an orientation flag."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue
    exif = Image.Exif()
    exif[MAKE] = "SecretCam"
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS)[2] = (51.0, 30.0, 0.0)  # latitude
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, xmp=b"<x:xmpmeta>secret place</x:xmpmeta>")
    return buffer.getvalue()


def photo_from(data, **fields):
    return PhotoFactory(image=ContentFile(data, name="upload.jpg"), **fields)


def open_rendition(name):
    with default_storage.open(name) as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
        return image


def test_renditions_are_made_at_several_widths_in_webp_and_jpeg():
    photo = photo_from(jpeg_with_secrets())
    result = make_renditions(photo)
    assert [row[0] for row in result["full"]] == [640, 1024, 1600]
    assert [row[0] for row in result["card"]] == [360, 720]
    for width, height, webp, jpeg in result["full"] + result["card"]:
        assert open_rendition(webp).format == "WEBP"
        assert open_rendition(jpeg).format == "JPEG"
        assert open_rendition(jpeg).size == (width, height)
    assert result["card"][0][:2] == [360, 240]  # 3:2
    photo.refresh_from_db()
    assert photo.renditions == result
    assert renditions_current(photo)


def test_renditions_carry_no_exif_gps_or_xmp():
    photo = photo_from(jpeg_with_secrets())
    for _w, _h, webp, jpeg in make_renditions(photo)["full"]:
        for name in (webp, jpeg):
            image = open_rendition(name)
            assert not image.getexif(), name
            assert "xmp" not in image.info
            assert "exif" not in image.info
            with default_storage.open(name) as file:
                raw = file.read()
            assert b"SecretCam" not in raw
            assert b"secret place" not in raw


def test_renditions_are_turned_upright_by_exif_orientation():
    # Orientation 6: the camera was turned; the stored 1800x1200 pixels show a portrait.
    photo = photo_from(jpeg_with_secrets(orientation=6))
    width, height, _webp, _jpeg = make_renditions(photo)["full"][-1]
    assert height > width


def test_the_card_crop_keeps_the_focal_point():
    photo = photo_from(jpeg_with_secrets(size=(3000, 1000)), focal_x=0, focal_y=50)
    card = open_rendition(make_renditions(photo)["card"][-1][3])
    assert card.getpixel((card.width - 5, card.height // 2))[2] > 150  # blue: the left half
    photo.focal_x = 100
    photo.save()
    assert not renditions_current(photo)  # a new focal point needs new crops...
    old = photo.renditions["card"][-1][3]
    card = open_rendition(make_renditions(photo)["card"][-1][3])
    assert card.getpixel((5, card.height // 2))[0] > 150  # red: the right half
    assert not default_storage.exists(old)  # ...and the old ones are deleted


def test_small_images_are_never_enlarged():
    photo = photo_from(jpeg_with_secrets(size=(400, 300)))
    result = make_renditions(photo)
    assert [row[0] for row in result["full"]] == [400]


def test_the_picture_tag_has_srcset_sizes_dimensions_alt_and_lazy_loading():
    photo = photo_from(jpeg_with_secrets(), alt_text='A "quoted" <alt>')
    make_renditions(photo)
    html = picture(photo, "card", "card")
    assert '<source type="image/webp" srcset="' in html
    assert " 720w" in html
    assert 'width="720" height="480"' in html
    assert 'loading="lazy"' in html
    assert 'alt="A &quot;quoted&quot; &lt;alt&gt;"' in html
    assert 'fetchpriority="high"' in picture(photo, "full", "hero", lazy=False)


def test_the_command_makes_what_is_missing_and_reports_unreadable_files():
    from django.core.management import call_command

    fresh = photo_from(jpeg_with_secrets(size=(800, 600)))
    done = photo_from(jpeg_with_secrets(size=(800, 600)))
    make_renditions(done)
    before = done.renditions
    broken = photo_from(jpeg_with_secrets(size=(800, 600)))
    default_storage.delete(broken.image.name)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit):
        call_command("make_renditions", stdout=out, stderr=err)
    assert "Renditions made for 1 photo(s); 1 could not be read." in out.getvalue()
    assert f"Photo {broken.pk}" in err.getvalue()
    fresh.refresh_from_db()
    done.refresh_from_db()
    assert renditions_current(fresh)
    assert done.renditions == before  # already current: untouched


def test_a_large_photo_is_resized_by_the_worker_not_in_the_request(settings, committed, media_root):
    from articles.models import Photo
    from articles.services import RENDITIONS_QUEUED, save_photo

    settings.NEWSROOM_RENDITIONS_INLINE_PIXELS = 1000 * 1000
    small = Photo(
        image=ContentFile(jpeg_with_secrets((800, 600)), name="small.jpg"),
        caption="Small",
        credit="Us",
        alt_text="A small picture",
    )
    assert save_photo(photo=small, by=None) is True  # made at once
    assert renditions_current(small)
    large = Photo(
        image=ContentFile(jpeg_with_secrets((1800, 1200)), name="large.jpg"),
        caption="Large",
        credit="Us",
        alt_text="A large picture",
    )
    with committed():  # the worker takes the job once the save is committed
        assert save_photo(photo=large, by=None) == RENDITIONS_QUEUED
        assert not Photo.objects.get(pk=large.pk).renditions  # not made in the request
    assert renditions_current(Photo.objects.get(pk=large.pk))


def test_one_job_makes_many_photos_renditions_and_names_those_it_could_not(media_root):
    from articles.tasks import RenditionsFailed, make_photo_renditions

    good = photo_from(jpeg_with_secrets((900, 600)), renditions={})
    other = photo_from(jpeg_with_secrets((900, 600)), renditions={})
    broken = photo_from(jpeg_with_secrets((900, 600)), renditions={})
    with default_storage.open(broken.image.name, "wb") as file:
        file.write(b"not a picture any more")
    with pytest.raises(RenditionsFailed, match=f"photos {broken.pk} failed"):
        make_photo_renditions.call(good.pk, broken.pk, other.pk, 999_999)  # 999999: deleted
    for photo in (good, other):
        photo.refresh_from_db()
        assert renditions_current(photo)  # made, whatever failed beside them
    broken.refresh_from_db()
    assert not renditions_current(broken)
    assert make_photo_renditions.call(good.pk, other.pk) == 0  # already current: nothing to do
