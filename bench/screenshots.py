"""Screenshots of every page type, at desktop and phone width, in each language.

    .venv/bin/python bench/screenshots.py [--out docs/screenshots/site] [--languages zh-hans,en,ko]

Serves the demo site (see bench/demo_server.py) and photographs it with Debian's Chromium
through Playwright, so a reviewer can look at the site without running it. Chinese and
Korean text needs CJK fonts on the machine (Debian: fonts-noto-cjk).
"""

import os
import sys

# Run as a script, this folder comes first on sys.path; import the bench package from the
# project root instead.
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


import argparse
import io
from pathlib import Path

from PIL import Image

from bench.demo_server import LANGUAGES, PAGE_TYPES, ROOT, demo_server, page_path

WIDTHS = {"desktop": (1280, 800), "phone": (375, 812)}
MAX_HEIGHT = 2000  # px of a long page to keep
LOAD_IMAGES = """() => Promise.all([...document.images].map(img => {
  img.loading = "eager";
  return img.complete ? null : new Promise(done => { img.onload = img.onerror = done; });
}))"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "site"))
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with demo_server() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        for device, (width, height) in WIDTHS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                is_mobile=device == "phone",
            )
            page = context.new_page()
            for lang in args.languages.split(","):
                for name, pattern in PAGE_TYPES:
                    page.goto(base + page_path(pattern, lang), wait_until="networkidle")
                    # A full-page shot does not scroll, so lazy images below the fold would
                    # come out blank: load them all first.
                    page.evaluate(LOAD_IMAGES)
                    full = page.evaluate("document.documentElement.scrollHeight")
                    kept = min(full, MAX_HEIGHT)
                    target = out / f"{lang}-{name.replace(' ', '-')}-{device}.webp"
                    png = page.screenshot(
                        full_page=True, clip={"x": 0, "y": 0, "width": width, "height": kept}
                    )
                    # WebP keeps text sharp at a fraction of PNG's size.
                    Image.open(io.BytesIO(png)).save(target, "WEBP", quality=60, method=6)
                    print(f"{target.relative_to(ROOT)}  ({width} x {kept} px)")
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
