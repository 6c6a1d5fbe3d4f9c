"""Caption, credit line, date taken and alt text from a photo's IPTC and XMP metadata.

Agency photos carry them (IPTC IIM in the JPEG's Photoshop block, XMP in its own packet); the
photo form prefills its empty fields from them and the editor can change what it found.
XMP is parsed with defusedxml: the file comes from outside and its XML is not trusted.
"""

import datetime
import io
import re
import zlib

from defusedxml import ElementTree
from PIL import Image, IptcImagePlugin

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
}

# IPTC IIM record 2 datasets.
IIM_CAPTION = (2, 120)
IIM_BYLINE = (2, 80)
IIM_CREDIT = (2, 110)
IIM_DATE_CREATED = (2, 55)

MAX_LENGTHS = {"caption": 2000, "credit": 200, "alt_text": 300}


def read_photo_metadata(file):
    """Return what the image says about itself: a dict with any of caption, credit, taken_on
    and alt_text. Unreadable or absent metadata gives an empty dict, never an error."""
    try:
        file.seek(0)
        with Image.open(file) as image:
            found = _from_xmp(image.info.get("xmp"))
            for key, value in _from_iptc(image).items():
                found.setdefault(key, value)
    except (OSError, ValueError, SyntaxError, ElementTree.ParseError):
        return {}
    finally:
        file.seek(0)
    return {key: value for key, value in found.items() if value}


def _text(value):
    if isinstance(value, list):
        value = value[0] if value else b""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    return " ".join(str(value).replace("\x00", "").split())


def _credit_line(photographer, agency):
    """ "Photographer/Agency", the house style, from whichever parts are present."""
    parts = [part for part in (photographer, agency) if part]
    if len(parts) == 2 and parts[0].lower() in parts[1].lower():
        parts = parts[1:]
    return "/".join(parts)


def _date(text):
    match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", text or "")
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _limit(found):
    return {
        key: value[: MAX_LENGTHS[key]] if key in MAX_LENGTHS else value
        for key, value in found.items()
    }


def _from_iptc(image):
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except (OSError, SyntaxError, IndexError, ValueError):
        return {}
    return _limit(
        {
            "caption": _text(info.get(IIM_CAPTION, b"")),
            "credit": _credit_line(
                _text(info.get(IIM_BYLINE, b"")), _text(info.get(IIM_CREDIT, b""))
            ),
            "taken_on": _date(_text(info.get(IIM_DATE_CREATED, b""))),
        }
    )


def _xmp_value(root, path):
    """The text of a simple property or the first item of an Alt/Seq/Bag, as element or
    attribute."""
    prefix, name = path.split(":")
    tag = f"{{{NS[prefix]}}}{name}"
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        if tag in description.attrib:
            return _text(description.attrib[tag])
        element = description.find(tag)
        if element is not None:
            item = element.find(".//rdf:li", NS)
            return _text((item if item is not None else element).text or "")
    return ""


def _from_xmp(packet):
    if not packet:
        return {}
    if isinstance(packet, str):
        packet = packet.encode()
    packet = packet.strip(b"\x00 \n")
    start = packet.find(b"<x:xmpmeta")
    end = packet.rfind(b"</x:xmpmeta>")
    if start == -1 or end == -1:
        return {}
    root = ElementTree.fromstring(packet[start : end + len("</x:xmpmeta>")])
    return _limit(
        {
            "caption": _xmp_value(root, "dc:description"),
            "credit": _credit_line(
                _xmp_value(root, "dc:creator"), _xmp_value(root, "photoshop:Credit")
            ),
            "taken_on": _date(_xmp_value(root, "photoshop:DateCreated")),
            "alt_text": _xmp_value(root, "Iptc4xmpCore:AltTextAccessibility"),
        }
    )


# --- What the stored original keeps ------------------------------------------------------

# Kept of a JPEG: its image data and tables byte for byte, and of its APPn segments only JFIF
# (APP0), the ICC colour profile (APP2) and Adobe's colour transform (APP14). Everything else
# that can carry metadata goes: EXIF and XMP (APP1: GPS, camera, lens, serial numbers), IPTC
# (APP13), JUMBF/C2PA (APP11), the other APPn, comments, and whatever follows the end of the
# image (a motion photo's video).
_JPEG_KEPT_APPS = {0xE0: (b"JFIF\x00", b"JFXX\x00"), 0xE2: (b"ICC_PROFILE\x00",), 0xEE: (b"Adobe",)}
_PNG_DROPPED = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
_WEBP_DROPPED = {b"EXIF", b"XMP "}
_ORIENTATION = 0x0112


class UnreadableImage(ValueError):
    """The file's structure is not what its kind requires."""


def _orientation(data):
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.getexif().get(_ORIENTATION, 1)
    except (OSError, ValueError, SyntaxError):
        return 1


def _orientation_tiff(orientation):
    """EXIF holding the orientation alone (TIFF data, without the "Exif" header)."""
    exif = Image.Exif()
    exif[_ORIENTATION] = orientation
    return exif.tobytes()[6:]


def _kept_jpeg_segment(marker, body):
    if marker == 0xFE or (0xE0 <= marker <= 0xEF and marker not in _JPEG_KEPT_APPS):
        return False
    if marker in _JPEG_KEPT_APPS:
        return body[2:].startswith(_JPEG_KEPT_APPS[marker])
    return True


def _strip_jpeg(data):
    out = bytearray(b"\xff\xd8")
    position, end = 2, len(data)
    while position < end:
        if data[position] != 0xFF:
            raise UnreadableImage("a JPEG marker was expected")
        while position < end and data[position] == 0xFF:  # fill bytes before a marker
            position += 1
        if position >= end:
            break
        marker = data[position]
        position += 1
        if marker == 0xD9:  # the end of the image: nothing after it is kept
            out += b"\xff\xd9"
            break
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            out += bytes([0xFF, marker])
            continue
        length = int.from_bytes(data[position : position + 2], "big")
        if length < 2 or position + length > end:
            raise UnreadableImage("a JPEG segment runs past the end of the file")
        body = data[position : position + length]
        position += length
        if _kept_jpeg_segment(marker, body):
            out += bytes([0xFF, marker]) + body
        if marker == 0xDA:  # entropy-coded data, up to the next marker that is not RSTn
            start = position
            while True:
                found = data.find(b"\xff", position)
                if found < 0 or found + 1 >= end:
                    position = end
                    break
                following = data[found + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    position = found + 2
                    continue
                position = found
                break
            out += data[start:position]
    orientation = _orientation(data)
    if orientation != 1:  # the one EXIF fact a viewer needs to show it the right way up
        payload = b"Exif\x00\x00" + _orientation_tiff(orientation)
        app1 = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
        after_jfif = 2
        if out[2:4] == b"\xff\xe0":
            after_jfif = 4 + int.from_bytes(out[4:6], "big")
        out[after_jfif:after_jfif] = app1
    return bytes(out)


def _png_chunk(kind, body):
    return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")


def _strip_png(data):
    out = bytearray(data[:8])
    position = 8
    orientation = _orientation(data)
    while position + 8 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = bytes(data[position + 4 : position + 8])
        if position + 12 + length > len(data):
            raise UnreadableImage("a PNG chunk runs past the end of the file")
        if kind == b"IDAT" and orientation != 1:  # eXIf goes before the image data
            out += _png_chunk(b"eXIf", _orientation_tiff(orientation))
            orientation = 1
        if kind not in _PNG_DROPPED:
            out += data[position : position + 12 + length]
        position += 12 + length
        if kind == b"IEND":
            break
    return bytes(out)


def _strip_webp(data):
    chunks = bytearray()
    position = 12
    orientation = _orientation(data)
    while position + 8 <= len(data):
        kind = bytes(data[position : position + 4])
        length = int.from_bytes(data[position + 4 : position + 8], "little")
        size = 8 + length + (length & 1)
        if position + 8 + length > len(data):
            raise UnreadableImage("a WebP chunk runs past the end of the file")
        chunk = bytearray(data[position : position + size])
        if kind == b"VP8X" and len(chunk) > 8:
            chunk[8] &= ~0x0C & 0xFF  # EXIF (0x08) and XMP (0x04) no longer follow
            if orientation != 1:
                chunk[8] |= 0x08
        if kind not in _WEBP_DROPPED:
            chunks += chunk
        position += size
    if orientation != 1 and chunks[:4] == b"VP8X":  # EXIF comes after the image data
        tiff = _orientation_tiff(orientation)
        chunks += b"EXIF" + len(tiff).to_bytes(4, "little") + tiff + b"\x00" * (len(tiff) & 1)
    return b"RIFF" + (len(chunks) + 4).to_bytes(4, "little") + b"WEBP" + bytes(chunks)


def without_private_metadata(data):
    """The image file without its location, camera and other embedded metadata (what the
    desk needs of it was read into the photo's fields first), its picture unchanged (its
    orientation kept): the original is served to readers as it is stored. A file whose
    structure cannot be followed is re-encoded without metadata instead, never passed on
    as it is."""
    try:
        if data[:2] == b"\xff\xd8":
            stripped = _strip_jpeg(data)
        elif data[:8] == b"\x89PNG\r\n\x1a\n":
            stripped = _strip_png(data)
        elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            stripped = _strip_webp(data)
        else:
            raise UnreadableImage("not a JPEG, PNG or WebP file")
        if _has_private_metadata(stripped):
            raise UnreadableImage("metadata is left")
        return stripped
    except (UnreadableImage, OSError, SyntaxError, ValueError):
        return _reencoded(data)


def _has_private_metadata(data):
    with Image.open(io.BytesIO(data)) as image:
        if image.format == "PNG":
            # A PNG's text chunks may follow its picture: read only once it is decoded.
            # Pillow reads a JPEG's markers and a WebP's whole file on opening.
            image.load()
        exif = image.getexif()
        extra = set(exif) - {_ORIENTATION}
        return bool(extra or exif.get_ifd(0x8825) or image.info.get("xmp"))


def _reencoded(data):
    """The picture saved again with nothing but its colour profile and orientation (JPEG
    keeps its quantisation tables, so the loss is as small as a re-encoding allows)."""
    with Image.open(io.BytesIO(data)) as image:
        orientation = image.getexif().get(_ORIENTATION, 1)
        exif = Image.Exif()
        if orientation != 1:
            exif[_ORIENTATION] = orientation
        options = {"icc_profile": image.info.get("icc_profile"), "exif": exif.tobytes()}
        image.info = {}  # nothing else is carried over (Pillow keeps a JPEG's comment)
        if image.format == "JPEG":
            options["quality"] = "keep"
        elif image.format == "WEBP":
            options.update(quality=95)
        buffer = io.BytesIO()
        image.save(buffer, image.format, **{k: v for k, v in options.items() if v})
        return buffer.getvalue()
