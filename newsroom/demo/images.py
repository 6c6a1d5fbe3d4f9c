"""Demo photos drawn with Pillow: no downloads, clearly marked as stand-ins."""

import io
import math

from PIL import Image, ImageDraw, ImageFont


def _font(size):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType support
        return ImageFont.load_default()


def demo_image(*, initials, label, hue, size=(1600, 1067)):
    """A JPEG stand-in for an agency photo: a soft stage-lit backdrop, a silhouette and a label."""
    width, height = size
    # A radial glow drawn small and scaled up: smooth, and fast enough to run in tests.
    small = Image.new("RGB", (width // 10, height // 10))
    base = _hsv(hue, 0.55, 0.32)
    glow = _hsv((hue + 25) % 360, 0.45, 0.85)
    cx, cy = small.width * 0.5, small.height * 0.42
    radius = math.hypot(small.width, small.height) * 0.6
    for y in range(small.height):
        for x in range(small.width):
            t = min(1.0, math.hypot(x - cx, y - cy) / radius)
            small.putpixel((x, y), tuple(int(glow[i] * (1 - t) + base[i] * t) for i in range(3)))
    image = small.resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    cx, cy = width * 0.5, height * 0.42
    # A head-and-shoulders silhouette, like a red-carpet portrait.
    shade = _hsv(hue, 0.35, 0.18)
    head = height * 0.16
    draw.ellipse([cx - head, cy - head * 1.3, cx + head, cy + head * 0.9], fill=shade)
    draw.ellipse([cx - head * 2.6, cy + head * 1.1, cx + head * 2.6, cy + head * 5.5], fill=shade)
    draw.text((cx, cy - head * 0.2), initials, font=_font(int(head * 0.8)), fill=glow, anchor="mm")
    draw.rectangle([0, height - 90, width, height], fill=(15, 15, 20))
    draw.text((40, height - 45), label, font=_font(34), fill=(235, 235, 235), anchor="lm")
    draw.text(
        (width - 40, height - 45),
        "Demo image",
        font=_font(28),
        fill=(170, 170, 170),
        anchor="rm",
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def _hsv(hue, saturation, value):
    from colorsys import hsv_to_rgb

    r, g, b = hsv_to_rgb(hue / 360, saturation, value)
    return (int(r * 255), int(g * 255), int(b * 255))
