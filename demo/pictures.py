"""The demo's pictures, drawn with Pillow (never downloaded): landscapes and partners' logos.

The landscapes use a seeded PRNG, so the same seed always draws the same picture.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFont


def draw_landscape(palette, seed, size=(1600, 900)):
    """A flat-style landscape in the given colours, as PNG bytes."""
    rng = random.Random(seed)
    width, height = size
    sky_top, sky_bottom, hill_far, hill_near, accent = palette
    picture = Image.new("RGB", size, sky_top)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        mix = y / height
        colour = tuple(round(a + (b - a) * mix) for a, b in zip(sky_top, sky_bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    sun_x, sun_y = rng.randint(width // 5, width * 4 // 5), rng.randint(height // 8, height // 3)
    draw.ellipse([sun_x - 90, sun_y - 90, sun_x + 90, sun_y + 90], fill=accent)
    for base, colour, amplitude in ((0.55, hill_far, 70), (0.7, hill_near, 50)):
        phase, freq = rng.random() * math.tau, rng.uniform(1.5, 3.0)
        points = [(0, height)]
        for x in range(0, width + 20, 20):
            wave = math.sin(x / width * math.tau * freq / 2 + phase)
            points.append((x, height * base + amplitude * wave))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    river = [(x, height * 0.86 + 25 * math.sin(x / 160 + seed)) for x in range(0, width + 20, 20)]
    draw.line(river, fill=(120, 190, 210), width=36)
    for _ in range(14):
        x, y = rng.randint(40, width - 40), rng.randint(int(height * 0.74), height - 30)
        draw.ellipse([x - 10, y - 34, x + 10, y - 14], fill=(250, 240, 225))
        draw.rounded_rectangle([x - 14, y - 12, x + 14, y + 26], radius=8, fill=accent)
    return png(picture)


def draw_logo(text, colour, size=256):
    """A round badge with the partner's initials, as PNG bytes."""

    picture = Image.new("RGB", (size, size), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    draw.ellipse([8, 8, size - 8, size - 8], fill=colour)
    if not text.isascii():  # the bundled font has no Hangul: use a plain mark instead
        draw.ellipse([size * 0.32, size * 0.32, size * 0.68, size * 0.68], fill=(255, 255, 255))
    else:
        font = ImageFont.load_default(size=int(size * 0.8 / max(len(text), 2)))
        draw.text((size / 2, size / 2), text, fill=(255, 255, 255), font=font, anchor="mm")
    return png(picture)


def png(picture):
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()
