"""`make bench-workers`: which gunicorn worker type and count serve best on this machine.

Same database and load as `make bench` (SQLite, 8 connections), on the pages that cost the
most to render, with the page cache off (every request renders: where workers matter), and
on one page served from the cache. Each configuration is passed to gunicorn through
GUNICORN_CMD_ARGS, over gunicorn.conf.py. Results: bench/results/workers-<date>.json.
"""

import json
import os
import signal
import sys
import tempfile
from datetime import date
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from bench.run import measure, prepare, start  # noqa: E402

CORES = os.cpu_count() or 2
CONFIGS = {
    f"sync, {2 * CORES + 1} workers (2 × cores + 1)": (
        f"--worker-class sync --workers {2 * CORES + 1}"
    ),
    f"sync, {CORES + 1} workers (cores + 1)": f"--worker-class sync --workers {CORES + 1}",
    f"sync, {CORES} workers (1 per core)": f"--worker-class sync --workers {CORES}",
    f"gthread, {CORES} workers × 4 threads": (
        f"--worker-class gthread --workers {CORES} --threads 4"
    ),
    f"gthread, {2 * CORES + 1} workers × 2 threads": (
        f"--worker-class gthread --workers {2 * CORES + 1} --threads 2"
    ),
}
PAGES = {
    "funding, two filters": ("/financements/?theme=jeunesse&pays=SN", {"PAGE_CACHE_SECONDS": 0}),
    "search": ("/recherche/?q=developpement+durable", {"PAGE_CACHE_SECONDS": 0}),
    "news item": ("/actualites/actualite-demo-3/", {"PAGE_CACHE_SECONDS": 0}),
    "home, cached": ("/", {}),
}


def main():
    report = {"date": date.today().isoformat(), "cpus": CORES, "configs": {}}
    with tempfile.TemporaryDirectory(prefix="aict-workers-") as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'db.sqlite3'}"
        prepare(url, folder)
        for name, args in CONFIGS.items():
            os.environ["GUNICORN_CMD_ARGS"] = args
            results = report["configs"][name] = {}
            for page, (path, extra) in PAGES.items():
                server, base = start(url, folder, **extra)
                try:
                    results[page] = measure(server, base + path)
                finally:
                    server.send_signal(signal.SIGTERM)
                    server.wait(timeout=20)
                r = results[page]
                print(
                    f"{name:<36}{page:<22}{r['rps']:>8.0f} req/s"
                    f" {r['cpu_ms_per_request']:>7} ms CPU"
                    f" p50 {r['p50_ms']:>6} p99 {r['p99_ms']:>7} err {r['errors']}",
                    flush=True,
                )
    out = BASE / "bench" / "results" / f"workers-{report['date']}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"results written to {out.relative_to(BASE)}")


if __name__ == "__main__":
    main()
