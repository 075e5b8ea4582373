"""Image uploads through the admin, as an editor makes them (issue 13, finding 5).

A truncated PNG claiming 65535 × 65535 pixels and a GIF header followed by HTML made
Wagtail's image upload answer 500 ("cannot identify image file"); a 121-megapixel JPEG was
accepted and each of its renditions cost seconds and a gigabyte. Each file is built here
with Pillow or by hand and posted to both upload views the admin has.
"""

import io
import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from editorial.roles import EDITORS, setup_roles

SINGLE = "/admin/images/add/"
MULTIPLE = "/admin/images/multiple/add/"  # what "Add an image" in the admin uses


def picture(fmt, size=(16, 16)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 80, 40)).save(buffer, fmt)
    return buffer.getvalue()


def truncated_png(width=65535, height=65535):
    """The PNG signature and an IHDR chunk claiming `width` × `height`, then nothing."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(header))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def gif_html_polyglot():
    """A GIF's header and screen descriptor, then an HTML page where the image data should be."""
    html = b"<html><body><script>alert(document.cookie)</script></body></html>"
    return picture("GIF")[:13] + html


def jpeg_claiming(width, height):
    """A small real JPEG whose start-of-frame says `width` × `height` (11000² = 121 Mpx)."""
    data = bytearray(picture("JPEG"))
    sof = data.index(b"\xff\xc0")
    # FF C0, segment length (2), precision (1), then height and width (2 each).
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


@pytest.fixture
def editor_client(client, home):
    roles = setup_roles()
    editor = get_user_model().objects.create_user(username="editor", password="pw")
    editor.groups.set([roles[EDITORS]])
    client.force_login(editor)
    client.raise_request_exception = False
    client.editor = editor
    return client


def upload(client, url, name, data):
    key = "files[]" if url == MULTIPLE else "file"
    return client.post(url, {key: SimpleUploadedFile(name, data), "title": name})


def file_errors(response, url):
    """The errors shown for the file field, as the admin's page or JSON carries them."""
    if url == MULTIPLE:
        body = response.json()
        assert body["success"] is False
        return body["error_message"]
    assert response.status_code == 200
    return "\n".join(response.context["form"].errors["file"])


@pytest.mark.parametrize("url", [SINGLE, MULTIPLE])
@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("huge.png", truncated_png(), "not a complete image"),
        ("polyglot.gif", gif_html_polyglot(), "not a complete image"),
        ("photo.jpg", jpeg_claiming(11000, 11000), "11000 × 11000 pixels"),
    ],
)
def test_a_bad_image_is_a_form_error_not_a_500(editor_client, url, name, data, expected):
    response = upload(editor_client, url, name, data)
    assert response.status_code == 200
    assert expected in file_errors(response, url)
    assert not get_image_model().objects.exists()


def test_the_pixel_limit_is_40_megapixels_by_default(editor_client):
    response = upload(editor_client, SINGLE, "wide.jpg", jpeg_claiming(8000, 5001))
    assert "8000 × 5001 pixels" in file_errors(response, SINGLE)
    assert "at most 40 megapixels" in file_errors(response, SINGLE)


@pytest.mark.parametrize("url", [SINGLE, MULTIPLE])
def test_a_real_image_is_still_accepted(editor_client, url):
    response = upload(editor_client, url, "photo.png", picture("PNG"))
    assert response.status_code in (200, 302)
    assert get_image_model().objects.get().width == 16


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh-hans", "这个文件不是完整的图片"),
        ("ko", "완전한 이미지가 아닙니다"),
    ],
)
def test_the_error_is_in_the_editors_language(editor_client, language, expected):
    profile = UserProfile.get_for_user(editor_client.editor)
    profile.preferred_language = language
    profile.save()
    response = upload(editor_client, MULTIPLE, "huge.png", truncated_png())
    assert expected in file_errors(response, MULTIPLE)


def test_too_many_pixels_in_korean(editor_client):
    profile = UserProfile.get_for_user(editor_client.editor)
    profile.preferred_language = "ko"
    profile.save()
    response = upload(editor_client, MULTIPLE, "photo.jpg", jpeg_claiming(11000, 11000))
    assert "40메가픽셀" in file_errors(response, MULTIPLE)
