"""Responsive copies of a photo, made once with Pillow and stored through Django's storage API.

Two sets per photo:
- "full": the whole picture at a few widths (article heroes and photo blocks);
- "card": a 3:2 crop around the editor's focal point (cards and lists).
Each width is written as WebP and as JPEG (the fallback). The copies carry no EXIF, XMP, IPTC
or ICC data (no GPS or camera details leak), are turned upright by their EXIF orientation, and
are converted to sRGB. Their names include a digest of the source and the focal point, so a
new crop gets new URLs and caches never serve an old one.

`photo.renditions` records what exists, so pages build `srcset` without touching storage:
    {"key": "...", "full": [[width, height, webp_name, jpeg_name], ...], "card": [...]}
"""

import hashlib
import io
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageCms, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = {"full": (640, 1024, 1600), "card": (360, 720)}
CARD_RATIO = 3 / 2
WEBP_QUALITY = 78
JPEG_QUALITY = 80


def rendition_key(photo):
    """Changes whenever the source image or the focal point changes."""
    source = f"{photo.image.name}|{photo.focal_x}|{photo.focal_y}|{sorted(WIDTHS.items())}"
    return hashlib.sha256(source.encode()).hexdigest()[:12]


def renditions_current(photo):
    return bool(photo.renditions) and photo.renditions.get("key") == rendition_key(photo)


def make_renditions(photo, *, storage=None):
    """Write every rendition of `photo` and record them on it (saved with update_fields).

    Returns the new `renditions` dict. Old renditions of the photo are deleted afterwards.
    """
    storage = storage or default_storage
    key = rendition_key(photo)
    with photo.image.open("rb") as source, Image.open(source) as original:
        image = _upright_srgb(original)
    stem = photo.image.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    folder = f"renditions/{stem}-{key}"
    result = {"key": key, "full": [], "card": []}
    for kind, widths in WIDTHS.items():
        base = image if kind == "full" else _crop(image, photo.focal_x, photo.focal_y)
        for width in _usable_widths(widths, base.width):
            resized = _resize(base, width)
            names = []
            for fmt, ext, options in (
                ("WEBP", "webp", {"quality": WEBP_QUALITY, "method": 4}),
                ("JPEG", "jpg", {"quality": JPEG_QUALITY, "optimize": True, "progressive": True}),
            ):
                buffer = io.BytesIO()
                resized.save(buffer, fmt, **options)
                name = f"{folder}/{kind}-{width}.{ext}"
                if storage.exists(name):
                    storage.delete(name)
                names.append(storage.save(name, ContentFile(buffer.getvalue())))
            result[kind].append([resized.width, resized.height, *names])
    old = photo.renditions or {}
    photo.renditions = result
    if photo.pk:
        photo.save(update_fields=["renditions"])
    _delete_old(old, result, storage)
    return result


def _upright_srgb(original):
    """A metadata-free RGB copy, rotated by its EXIF orientation, in sRGB."""
    image = ImageOps.exif_transpose(original)
    icc = original.info.get("icc_profile")
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, (255, 255, 255))
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    image = image.convert("RGB")
    if icc:
        try:
            image = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(icc)), ImageCms.createProfile("sRGB")
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            logger.warning("Could not read the colour profile of a photo; kept its colours.")
    clean = Image.new("RGB", image.size)
    clean.paste(image)  # a fresh image: nothing of the source's info dict comes along
    return clean


def _usable_widths(widths, available):
    """The widths no larger than the image; at least one (the image's own width)."""
    usable = [width for width in widths if width <= available]
    return usable or [available]


def _crop(image, focal_x, focal_y):
    """The largest 3:2 window that keeps the focal point as central as the frame allows."""
    width, height = image.size
    if width / height > CARD_RATIO:
        crop_w, crop_h = round(height * CARD_RATIO), height
    else:
        crop_w, crop_h = width, round(width / CARD_RATIO)
    centre_x, centre_y = width * focal_x / 100, height * focal_y / 100
    left = min(max(0, round(centre_x - crop_w / 2)), width - crop_w)
    top = min(max(0, round(centre_y - crop_h / 2)), height - crop_h)
    return image.crop((left, top, left + crop_w, top + crop_h))


def _resize(image, width):
    if width >= image.width:
        return image.copy()
    height = max(1, round(image.height * width / image.width))
    # reducing_gap: a fast box reduction first, then Lanczos; the same look, several times faster.
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _delete_old(old, new, storage):
    keep = {name for kind in ("full", "card") for row in new.get(kind, []) for name in row[2:]}
    for kind in ("full", "card"):
        for row in old.get(kind, []):
            for name in row[2:]:
                if name not in keep:
                    storage.delete(name)
