"""Full-page screenshots of the main pages at 375 and 1280 px, into docs/screenshots/: the
site as a new visitor sees it, on the initial content. Run by `make screenshots`."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

BASE_DIR = Path(__file__).resolve().parent.parent
OUT = BASE_DIR / "docs" / "screenshots"
PAGES = {
    "home": "/",
    "reasons": "/nouvelles-modalites-de-cooperation/",
    "funding": "/financements/",
    "scheme": "/financements/ficol/",
    "calendar": "/financements/calendrier/",
    "directory": "/collectivites-engagees/",
    "agenda": "/agenda/",
    "news": "/actualites/",
    "resources": "/ressources/",
    "resource": "/ressources/appel-franco-mexicain-page-officielle/",
    "alerts": "/alertes/?collectivite=1&theme=eau-assainissement",
    "contact": "/contact/",
    "partners": "/partenaires/",
    "site-map": "/plan-du-site/",
    "my-authority": "/ma-collectivite/?q=saint-omer",
    "brief": "/ma-collectivite/62765/?levier=energie&budget=250+000",
    "brief-epci": "/ma-collectivite/200069037/?levier=mobilite&budget=2+000+000&versement=800+000",
    "brief-cc": "/ma-collectivite/200070951/",
    "brief-departement": "/ma-collectivite/80/",
    "brief-region": "/ma-collectivite/32/",
    "deliberation": "/ma-collectivite/80021/deliberation/",
    "open-data": "/donnees/",
    "api": "/api/",
    # The questions' and answers' ids as a fresh database's initial content numbers them.
    "prepare": "/financements/appel-franco-senegalais/preparer/"
    "?collectivite=1&pays=SN&q5=10&q6=13&conseils=05%2F01%2F2027%2C+02%2F02%2F2027",
    "prepare-refused": "/financements/appel-franco-senegalais/preparer/"
    "?collectivite=1&pays=SN&q5=12",
}
WIDTHS = (375, 1280)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def small(path):
    """A 256-colour PNG: a third of the size, and flat colours lose nothing a reader sees."""
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256).save(path, optimize=True)


def main():
    folder = Path(tempfile.mkdtemp(prefix="aict-screenshots-"))
    env = {
        **os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "CACHE_URL": "locmemcache://", "MEDIA_ROOT": str(folder / "media"),
    }  # fmt: skip
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "-v0"], ["load_initial_content", "-v0"], ["load_territories"]):
        subprocess.run(manage + command, cwd=BASE_DIR, env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(100):
            try:
                urllib.request.urlopen(base + "/healthz")  # noqa: S310 - our own local server
                break
            except OSError:
                time.sleep(0.2)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox"]
            )
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 900})
                for name, path in PAGES.items():
                    page.goto(base + path, wait_until="load")
                    shot = OUT / f"{name}-{width}.png"
                    page.screenshot(path=shot, full_page=True)
                    small(shot)
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait()
    print(f"{len(PAGES) * len(WIDTHS)} screenshots in {OUT.relative_to(BASE_DIR)}/")


if __name__ == "__main__":
    main()
