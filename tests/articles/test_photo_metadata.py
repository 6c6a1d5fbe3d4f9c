"""Caption, credit and date taken come from an agency photo's IPTC or XMP metadata."""

import datetime
import io
import struct

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Photo
from articles.photo_metadata import read_photo_metadata

XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    photoshop:Credit="Getty Images" photoshop:DateCreated="2017-10-14T19:30:00">
   <dc:description>
    <rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt>
   </dc:description>
   <dc:creator><rdf:Seq><rdf:li>Axelle/Bauer-Griffin</rdf:li></rdf:Seq></dc:creator>
   <Iptc4xmpCore:AltTextAccessibility>
    <rdf:Alt><rdf:li xml:lang="x-default">A man in a dark suit smiles.</rdf:li></rdf:Alt>
   </Iptc4xmpCore:AltTextAccessibility>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def _jpeg(**save):
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (90, 90, 90)).save(buffer, "JPEG", **save)
    return buffer.getvalue()


def jpeg_with_xmp(caption="Shun Oguri at the Hammer Museum Gala, 14 October 2017."):
    return _jpeg(xmp=XMP.format(caption=caption).encode())


def jpeg_with_iptc(caption, byline, credit, date):
    """A JPEG with an IPTC IIM block in a Photoshop APP13 segment, as agencies send them."""
    iim = b""
    for dataset, value in ((120, caption), (80, byline), (110, credit), (55, date)):
        data = value.encode()
        iim += b"\x1c\x02" + bytes([dataset]) + struct.pack(">H", len(data)) + data
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iim)) + iim
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    jpeg = _jpeg()
    return jpeg[:2] + segment + jpeg[2:]


def test_xmp_gives_caption_credit_date_and_alt_text():
    found = read_photo_metadata(io.BytesIO(jpeg_with_xmp()))
    assert found == {
        "caption": "Shun Oguri at the Hammer Museum Gala, 14 October 2017.",
        "credit": "Axelle/Bauer-Griffin/Getty Images",
        "taken_on": datetime.date(2017, 10, 14),
        "alt_text": "A man in a dark suit smiles.",
    }


def test_iptc_gives_caption_credit_and_date():
    data = jpeg_with_iptc("Han Hyo-joo in Seoul.", "Jane Doe", "Reuters", "20240406")
    assert read_photo_metadata(io.BytesIO(data)) == {
        "caption": "Han Hyo-joo in Seoul.",
        "credit": "Jane Doe/Reuters",
        "taken_on": datetime.date(2024, 4, 6),
    }


@pytest.mark.parametrize(
    "data",
    [
        _jpeg(),
        _jpeg(xmp=b"<x:xmpmeta><unclosed"),
        _jpeg(
            xmp=b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><x:xmpmeta xmlns:x="adobe:ns:meta/">'
            b"&b;</x:xmpmeta>"
        ),
        b"not an image",
    ],
)
def test_missing_broken_or_hostile_metadata_gives_nothing(data):
    assert read_photo_metadata(io.BytesIO(data)) == {}


def post(client, data, **fields):
    form = {"caption": "", "credit": "", "alt_text": "", "focal_x": 50, "focal_y": 50}
    form.update(fields)
    form["image"] = SimpleUploadedFile("agency.jpg", data, content_type="image/jpeg")
    return client.post("/admin/articles/photo/add/", form, follow=True)


def test_an_upload_with_metadata_is_prefilled_and_the_editor_is_told(writer_client):
    response = post(writer_client, jpeg_with_xmp())
    photo = Photo.objects.get()
    assert photo.caption.startswith("Shun Oguri at the Hammer Museum Gala")
    assert photo.credit == "Axelle/Bauer-Griffin/Getty Images"
    assert photo.taken_on == datetime.date(2017, 10, 14)
    assert photo.alt_text == "A man in a dark suit smiles."
    messages = " ".join(str(m) for m in response.context["messages"])
    assert "Filled in from the photo's own metadata, please check" in messages
    assert "caption" in messages
    assert "alt text" in messages


def test_what_the_editor_typed_wins_over_the_metadata(writer_client):
    post(writer_client, jpeg_with_xmp(), caption="Our own caption.", credit="Our Photographer")
    photo = Photo.objects.get()
    assert (photo.caption, photo.credit) == ("Our own caption.", "Our Photographer")
    assert photo.alt_text == "A man in a dark suit smiles."  # empty fields still prefilled


def test_without_metadata_the_fields_are_still_required(writer_client):
    response = post(writer_client, _jpeg())
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"caption", "credit", "alt_text"}
    assert not Photo.objects.exists()


def test_partial_metadata_is_shown_back_when_another_field_is_missing(writer_client):
    data = jpeg_with_iptc("Han Hyo-joo in Seoul.", "Jane Doe", "Reuters", "20240406")
    response = post(writer_client, data)  # IPTC has no alt text
    form = response.context["adminform"].form
    assert set(form.errors) == {"alt_text"}
    assert form["caption"].value() == "Han Hyo-joo in Seoul."
    assert form["credit"].value() == "Jane Doe/Reuters"
