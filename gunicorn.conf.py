"""gunicorn settings for `make serve` and production (see docs/deploy.md)."""

import multiprocessing
import os

from gunicorn.glogging import Logger

from aict_site.logs import without_secrets

bind = f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Sync workers, one per core: the site's requests spend their time on the CPU (rendering, or
# answering from the page cache), not waiting, and nginx buffers slow clients. Measured with
# `make bench-workers` (README « Workers »): against 2 × cores + 1 sync workers and gthread
# workers, the least CPU per request and the lowest p99 on every page.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn docs advise it
timeout = 30
graceful_timeout = 20
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


class AccessLogger(Logger):
    """The access log keeps what operations need, and nothing a visitor or staff typed."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        # The path as received (percent-encoded), not decoded: « %0d%0a » in an address
        # cannot start a line of its own, nor « %00 » write a NUL.
        atoms["U"] = without_secrets(getattr(req, "path", None) or atoms["U"])
        atoms["r"] = f"{atoms['m']} {atoms['U']} {atoms['H']}"
        atoms["q"] = "-"
        atoms["f"] = without_secrets(atoms["f"])
        # Request headers carry cookies and the referring address: none are logged.
        return {key: value for key, value in atoms.items() if not key.endswith("}i")}


logger_class = AccessLogger
