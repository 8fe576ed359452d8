"""Draw static/img/social-card.png, the 1200 × 630 image social networks show for a page
that has none of its own (they do not read SVG): the logo and the network's name, drawn by
Chromium in the system font. Run again only when the logo changes."""

from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

BASE_DIR = Path(__file__).resolve().parent.parent
OUT = BASE_DIR / "static" / "img" / "social-card.png"
LOGO = (BASE_DIR / "templates" / "includes" / "logo.svg").read_text(encoding="utf-8")
BIG_LOGO = LOGO.replace('width="44" height="44"', 'width="240" height="240"')
CARD = (
    "width:1200px;height:630px;display:flex;align-items:center;gap:56px;box-sizing:border-box;"
    "padding:0 96px;background:#eef5f1;border-bottom:24px solid #1d5b45;"
    "font-family:system-ui,sans-serif"
)
HTML = f"""<!DOCTYPE html><html lang="fr"><body style="margin:0"><div style="{CARD}">
<div style="width:240px;flex:none">{BIG_LOGO}</div>
<div><p style="margin:0;font-size:76px;font-weight:700;color:#123c2d">Lianes coopération</p>
<p style="margin:24px 0 0;font-size:38px;color:#1b2421">Coopération internationale des collectivités
des Hauts-de-France</p></div></div></body></html>"""


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(HTML)
        page.screenshot(path=OUT)
        browser.close()
    with Image.open(OUT) as image:
        image.convert("RGB").quantize(colors=64).save(OUT, optimize=True)
    print(f"{OUT.relative_to(BASE_DIR)}: {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
