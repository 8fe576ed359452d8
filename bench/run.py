"""`make bench`: the site under load on SQLite and PostgreSQL, against the static-file limit.

For each database: a fresh database with the initial content plus `python -m bench.content`,
gunicorn started as `make serve` does (DEBUG off, `gunicorn.conf.py`, its worker count), and
wrk as the load generator in a separate process (8 connections, after a warm-up). Each page is
measured with the page cache on, and again with it off (the cost of rendering). The limit is
the home page's exact bytes served as a static file by the same gunicorn + whitenoise stack.

Per page: requests/s, server CPU ms per request (user + system time of the gunicorn processes
from /proc, divided by the requests served), p50 and p99 latency, errors, SQL queries, and
the ratio to the static limit. Results go to bench/results/<date>.json.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CONNECTIONS = 8
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
# Which databases to measure (both by default), and a label for the results file, so that two
# versions of the code measured the same day compare: BENCH_DATABASES=sqlite BENCH_LABEL=before.
DATABASES = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")
LABEL = os.environ.get("BENCH_LABEL", "")
WARMUP = 2
PAGES = {
    "home": "/",
    "funding, two filters": "/financements/?theme=jeunesse&pays=SN",
    "scheme": "/financements/ficol/",
    "directory": "/collectivites-engagees/",
    "search": "/recherche/?q=developpement+durable",
    "contact": "/contact/",
    # « Ma collectivité »: the authority search (accent- and hyphen-insensitive) and a brief.
    "my authority, search": "/ma-collectivite/?q=saint+omer",
    "brief of a commune": "/ma-collectivite/62765/",
    "news": "/actualites/",
    "news item": "/actualites/actualite-demo-3/",
    "resources, two filters": "/ressources/?type=guide&theme=jeunesse",
    "alerts form": "/alertes/",
}
# Some pages only (their names, separated by « ; »), to compare two versions of one layer.
if os.environ.get("BENCH_PAGES"):
    PAGES = {name: PAGES[name] for name in os.environ["BENCH_PAGES"].split(";")}
TICKS = os.sysconf("SC_CLK_TCK")
# cached: as served. uncached: every request renders the page (a miss of the page cache, as
# after an edit or for a new filter combination), the shared fragments kept. cold: nothing
# kept at all, the first request after an edit.
MODES = {
    "cached": {},
    "uncached": {"PAGE_CACHE_SECONDS": 0},
    "cold": {"CACHING": 0},
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(database_url, folder, **extra):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "CACHE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="aict_site.settings",
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY="bench-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(folder / "static"),
        CACHE_URL=f"filecache://{folder / 'cache'}",
        MEDIA_ROOT=str(folder / "media"),
        FORM_RATE_LIMIT="1000000",
        LOG_LEVEL="ERROR",
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE, env=env, check=True, stdout=subprocess.DEVNULL
    )


def generate_content(env):
    subprocess.run(
        [PYTHON, "-m", "bench.content"], cwd=BASE, env=env, check=True, stdout=subprocess.DEVNULL
    )


QUERY_PROBE = """
import django, json, sys
django.setup()
from aict_site.caching.memory import clear
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
counts = {}
for name, url in json.loads(sys.argv[1]).items():
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    clear()
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    counts[name] = {"uncached": len(captured), "cold": len(cold)}
print(json.dumps(counts))
with open(sys.argv[2], "wb") as out:
    out.write(Client().get("/").content)
"""


def prepare(database_url, folder):
    env = site_env(database_url, folder)
    manage(env, "migrate", "--noinput")
    manage(env, "load_initial_content")
    manage(env, "load_territories")
    generate_content(env)
    manage(env, "collectstatic", "--noinput")  # the probe renders templates with hashed names
    home_file = folder / "home.html"
    probe = subprocess.run(
        [PYTHON, "-c", QUERY_PROBE, json.dumps(PAGES), str(home_file)],
        cwd=BASE,
        env=site_env(database_url, folder, PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS="testserver"),
        check=True,
        capture_output=True,
        text=True,
    )
    queries = json.loads(probe.stdout.strip().splitlines()[-1])
    static_dir = BASE / "static" / "bench-limit"
    static_dir.mkdir(exist_ok=True)
    shutil.copy(home_file, static_dir / "home.html")
    try:
        manage(env, "collectstatic", "--noinput")
    finally:
        shutil.rmtree(static_dir)
    return queries, home_file.stat().st_size


def start(database_url, folder, **extra):
    port = free_port()
    env = site_env(database_url, folder, PORT=port, **extra)
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "aict_site.wsgi"],
        cwd=BASE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(200):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def cpu_ticks(pid):
    """User + system ticks of gunicorn's master and workers."""
    total = 0
    pids = [pid] + [
        int(p)
        for p in subprocess.run(
            ["pgrep", "-P", str(pid)], capture_output=True, text=True
        ).stdout.split()
    ]
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (FileNotFoundError, IndexError):
            pass
    return total


def wrk(url, seconds):
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def milliseconds(value, unit):
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def parse(output):
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))

    def ms(text):
        number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
        return round(milliseconds(number, unit), 2)

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    error_count = (int(errors.group(1)) if errors else 0) + (
        sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    )
    return {
        "requests": requests,
        "rps": rate,
        "p50_ms": ms(latency["50"]),
        "p99_ms": ms(latency["99"]),
        "errors": error_count,
    }


def measure(server, url):
    wrk(url, WARMUP)
    before = cpu_ticks(server.pid)
    result = parse(wrk(url, SECONDS))
    used = cpu_ticks(server.pid) - before
    result["cpu_ms_per_request"] = round(used / TICKS * 1000 / max(result["requests"], 1), 3)
    return result


def run_database(name, database_url, folder):
    queries, home_bytes = prepare(database_url, folder)
    results = {"queries": queries, "home_bytes": home_bytes, "pages": {}}
    for mode, extra in MODES.items():
        server, base = start(database_url, folder, **extra)
        try:
            if mode == "cached":
                manifest = json.loads((folder / "static" / "staticfiles.json").read_text())
                static_url = "/static/" + manifest["paths"]["bench-limit/home.html"]
                results["static_limit"] = measure(server, base + static_url)
            for page, path in PAGES.items():
                results["pages"].setdefault(page, {})[mode] = measure(server, base + path)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)
    limit = results["static_limit"]
    for page in results["pages"].values():
        cached = page["cached"]
        cached["ratio_to_static_rps"] = round(cached["rps"] / limit["rps"], 3)
        cached["ratio_to_static_cpu"] = round(
            cached["cpu_ms_per_request"] / max(limit["cpu_ms_per_request"], 1e-6), 2
        )
    print(table(name, results), flush=True)
    return results


def table(name, results):
    limit = results["static_limit"]
    lines = [
        f"\n{name}: static limit (home page bytes as a file): {limit['rps']:.0f} req/s, "
        f"{limit['cpu_ms_per_request']} ms CPU/req, p99 {limit['p99_ms']} ms",
        f"{'page':<22}{'SQL':>7} | {'cached req/s':>12}{'CPU ms':>8}{'p50':>7}{'p99':>7}{'err':>5}"
        f"{'×static':>8} | {'uncached req/s':>14}{'CPU ms':>8}{'p99':>7}{'err':>5}"
        f" | {'cold req/s':>10}{'CPU ms':>8}{'p99':>7}{'err':>5}",
    ]
    for page, modes in results["pages"].items():
        c, u, k = modes["cached"], modes["uncached"], modes["cold"]
        lines.append(
            f"{page:<22}{results['queries'][page]['uncached']:>4}"
            f"/{results['queries'][page]['cold']:<3} | "
            f"{c['rps']:>12.0f}{c['cpu_ms_per_request']:>8}{c['p50_ms']:>7}{c['p99_ms']:>7}"
            f"{c['errors']:>5}{c['ratio_to_static_cpu']:>8} | "
            f"{u['rps']:>14.0f}{u['cpu_ms_per_request']:>8}{u['p99_ms']:>7}{u['errors']:>5} | "
            f"{k['rps']:>10.0f}{k['cpu_ms_per_request']:>8}{k['p99_ms']:>7}{k['errors']:>5}"
        )
    return "\n".join(lines)


def machine_speed():
    """Milliseconds of CPU for a fixed piece of Python (the least of five): the shared machine's
    speed changes from day to day, so that runs on different days can be compared."""
    import timeit

    return round(min(timeit.repeat("sum(range(10**6))", number=5, repeat=5)) / 5 * 1000, 2)


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: run `make bench`, which installs it.")
    report = {
        "date": date.today().isoformat(),
        "connections": CONNECTIONS,
        "seconds": SECONDS,
        "cpus": os.cpu_count(),
        "machine_speed_ms": machine_speed(),
        "databases": {},
    }
    print(f"machine speed: sum(range(10**6)) in {report['machine_speed_ms']} ms of CPU")
    with tempfile.TemporaryDirectory(prefix="aict-bench-") as tmp:
        if "sqlite" in DATABASES:
            folder = Path(tmp) / "sqlite"
            folder.mkdir()
            report["databases"]["sqlite"] = run_database(
                "SQLite", f"sqlite:///{folder / 'db.sqlite3'}", folder
            )
        if "postgresql" not in DATABASES:
            return write(report)
        # Directly under /tmp: the cluster's owner (postgres, when run as root) must reach it.
        pg_dir = Path(tempfile.mkdtemp(prefix="aict-bench-pg-"))
        url = subprocess.run(
            [str(BASE / "scripts" / "pg-cluster.sh"), "start", str(pg_dir)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        try:
            create = (
                "import psycopg, sys; "
                "server = sys.argv[1].rsplit('/', 1)[0] + '/postgres'; "
                "psycopg.connect(server, autocommit=True).execute('CREATE DATABASE aict')"
            )
            subprocess.run([PYTHON, "-c", create, url], check=True)
            folder = Path(tmp) / "postgres"
            folder.mkdir()
            report["databases"]["postgresql"] = run_database("PostgreSQL", url, folder)
        finally:
            subprocess.run(
                [str(BASE / "scripts" / "pg-cluster.sh"), "stop", str(pg_dir)], check=False
            )
    write(report)


def write(report):
    out = BASE / "bench" / "results" / f"{report['date']}{'-' + LABEL if LABEL else ''}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"\nresults written to {out.relative_to(BASE)}")


if __name__ == "__main__":
    main()
