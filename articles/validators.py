"""Photo uploads are checked with Pillow before anything is stored."""

import struct
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
ALLOWED_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}


def validate_photo_file(upload):
    """Accept JPEG, PNG and WebP that Pillow can read, within the size and pixel limits.

    Raises ValidationError with a message an editor can act on; never lets Pillow's own
    exceptions (including decompression-bomb errors) escape.
    """
    if getattr(upload, "_committed", False):
        return  # already stored and checked when it was uploaded
    max_bytes = settings.PHOTO_MAX_UPLOAD_BYTES
    max_pixels = settings.PHOTO_MAX_PIXELS
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            "This file is %(size)s; photos may be at most %(max)s. Export a smaller JPEG.",
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)},
        )
    name = (getattr(upload, "name", "") or "").lower()
    if not any(name.endswith(ext) for ext in ALLOWED_EXTENSIONS):
        raise ValidationError(
            "Upload a JPEG, PNG or WebP photo (the file name must end in .jpg, .jpeg, .png "
            "or .webp).",
            code="bad_extension",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if width * height > max_pixels:
                    raise ValidationError(
                        "This image is %(width)s × %(height)s pixels; the limit is %(max)s "
                        "megapixels. Resize it before uploading.",
                        code="too_many_pixels",
                        params={
                            "width": width,
                            "height": height,
                            "max": max_pixels // 1_000_000,
                        },
                    )
                image.verify()
            # verify() reads the structure only: a file cut short passes it. Decoding every
            # pixel is what finds it (Pillow refuses truncated data unless told not to).
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            "This image is too large to open safely (over %(max)s megapixels).",
            code="decompression_bomb",
            params={"max": max_pixels // 1_000_000},
        ) from None
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
        IndexError,
        TypeError,
        struct.error,
    ):
        raise ValidationError(
            "This file is not a readable image. Upload a JPEG, PNG or WebP photo.",
            code="not_an_image",
        ) from None
    finally:
        upload.seek(position)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            "%(format)s images are not accepted. Upload a JPEG, PNG or WebP photo.",
            code="bad_format",
            params={"format": image_format or "This kind of"},
        )
