"""`make profile`: where a page's time goes, on the benchmark's content, with pyinstrument.

Builds the database `make bench` uses (SQLite, initial content plus `python -m bench.content`),
then renders each benchmarked page in this process as a miss of the page cache, DEBUG off:
with the shared fragments kept ("uncached"), and with every cache emptied before each
request ("cold"). Prints the CPU milliseconds of one render (measured without the profiler),
and writes each page's profile to bench/results/profile-<date>/<page>-<mode>.txt.
"""

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from bench.run import PAGES, generate_content, manage, site_env  # noqa: E402

REPEAT = int(os.environ.get("PROFILE_REPEAT", "40"))


def cpu_ms(client, url, before):
    """CPU milliseconds of one render, without the profiler: the least of five rounds, as
    the machine is shared and noisy."""
    rounds = []
    for _round in range(5):
        spent = 0.0
        for _ in range(REPEAT // 5 or 1):
            before()
            start = time.process_time()
            client.get(url)
            spent += time.process_time() - start
        rounds.append(spent / (REPEAT // 5 or 1) * 1000)
    return min(rounds)


def main():
    from pyinstrument import Profiler

    with tempfile.TemporaryDirectory(prefix="aict-profile-") as tmp:
        folder = Path(tmp)
        env = site_env(
            f"sqlite:///{folder / 'db.sqlite3'}", folder, PAGE_CACHE_SECONDS=0,
            ALLOWED_HOSTS="testserver",
        )  # fmt: skip
        for command in (
            ("migrate", "--noinput"),
            ("load_initial_content",),
            ("load_territories",),
            ("collectstatic", "--noinput"),
        ):
            manage(env, *command)
        generate_content(env)
        os.environ.update(env)
        import django

        django.setup()
        from django.core.cache import caches
        from django.test import Client

        from aict_site.caching.memory import clear

        def empty_caches():
            for cache in caches.all():
                cache.clear()
            clear()  # what the worker keeps in its own memory

        out = BASE / "bench" / "results" / f"profile-{date.today().isoformat()}"
        out.mkdir(parents=True, exist_ok=True)
        client = Client()
        print(f"{'page':<22}{'uncached CPU ms':>16}{'cold CPU ms':>13}")
        for name, url in PAGES.items():
            row = []
            for mode, before in (("uncached", lambda: None), ("cold", empty_caches)):
                assert client.get(url).status_code == 200, url
                row.append(cpu_ms(client, url, before))
                profiler = Profiler(interval=0.0005)
                for _ in range(REPEAT):
                    before()
                    profiler.start()
                    client.get(url)
                    profiler.stop()
                slug = name.replace(" ", "-").replace(",", "")
                (out / f"{slug}-{mode}.txt").write_text(
                    profiler.output_text(unicode=True, color=False)
                )
            print(f"{name:<22}{row[0]:>16.1f}{row[1]:>13.1f}", flush=True)
        print(f"\nprofiles in {out.relative_to(BASE)}")


if __name__ == "__main__":
    main()
