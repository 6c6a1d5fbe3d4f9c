"""Caption, credit line, date taken and alt text from a photo's IPTC and XMP metadata.

Agency photos carry them (IPTC IIM in the JPEG's Photoshop block, XMP in its own packet); the
photo form prefills its empty fields from them and the editor can change what it found.
XMP is parsed with defusedxml: the file comes from outside and its XML is not trusted.
"""

import datetime
import io
import re

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

# JPEG segments that carry metadata: APP1 (EXIF: GPS, camera, serial numbers; XMP), APP12
# (Ducky), APP13 (IPTC/Photoshop), COM. Kept: APP0 (JFIF), APP2 (ICC colour), APP14
# (Adobe colour transform), and all image data, byte for byte.
_JPEG_DROPPED = {0xE1, 0xEC, 0xED, 0xFE}
_PNG_DROPPED = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
_WEBP_DROPPED = {b"EXIF", b"XMP "}


def _orientation(data):
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.getexif().get(0x0112, 1)
    except (OSError, ValueError, SyntaxError):
        return 1


def _strip_jpeg(data):
    out = bytearray(data[:2])  # SOI
    position = 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the image data follows, untouched
            break
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        segment = data[position : position + 2 + length]
        if marker not in _JPEG_DROPPED:
            out += segment
        position += 2 + length
    orientation = _orientation(data)
    if orientation != 1:  # the one EXIF fact a viewer needs to show it the right way up
        exif = Image.Exif()
        exif[0x0112] = orientation
        payload = exif.tobytes()
        app1 = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
        insert = 2 + (len(out) > 2 and out[3] == 0xE0) * (2 + int.from_bytes(out[4:6], "big"))
        out[insert:insert] = app1
    return bytes(out + data[position:])


def _strip_png(data):
    out = bytearray(data[:8])
    position = 8
    while position + 8 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = bytes(data[position + 4 : position + 8])
        chunk = data[position : position + 12 + length]
        if kind not in _PNG_DROPPED:
            out += chunk
        position += 12 + length
        if kind == b"IEND":
            break
    return bytes(out)


def _strip_webp(data):
    chunks = bytearray()
    position = 12
    while position + 8 <= len(data):
        kind = bytes(data[position : position + 4])
        length = int.from_bytes(data[position + 4 : position + 8], "little")
        chunk = bytearray(data[position : position + 8 + length + (length & 1)])
        if kind == b"VP8X" and len(chunk) > 8:
            chunk[8] &= ~0x0C & 0xFF  # the flags no longer announce EXIF (0x08) or XMP (0x04)
        if kind not in _WEBP_DROPPED:
            chunks += chunk
        position += 8 + length + (length & 1)
    return b"RIFF" + (len(chunks) + 4).to_bytes(4, "little") + b"WEBP" + bytes(chunks)


def without_private_metadata(data):
    """The image file without its location, camera and other embedded metadata (what the
    desk needs of it was read into the photo's fields first), its picture unchanged: the
    original is served to readers as it is stored. Orientation is kept."""
    if data[:2] == b"\xff\xd8":
        return _strip_jpeg(data)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return _strip_png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _strip_webp(data)
    return data
