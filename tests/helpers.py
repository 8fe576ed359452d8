"""Small helpers the tests share: running the site in a child process, free ports, HTML parsing."""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Long enough for the production settings (50 characters at least).
SECRET = "a-secret-key-for-tests-only-" + "x" * 30


def child_env(**overrides):
    """A clean environment for a child process of the site, as production would give it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "HTTPS", "DATABASE_URL", "CACHE_URL",
                       "STATICFILES_BACKEND", "DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS",
                       "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }  # fmt: skip
    env["DJANGO_SETTINGS_MODULE"] = "aict_site.settings"
    env.update({key: str(value) for key, value in overrides.items() if value is not None})
    return env


def run_python(code, **env):
    return subprocess.run(
        [PYTHON, "-c", code],
        cwd=BASE_DIR,
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(*args, **env):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=300,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Outline(HTMLParser):
    """The parts of a page the tests look at: headings, title, meta tags, links."""

    def __init__(self, html):
        super().__init__()
        self.headings = []
        self.title = ""
        self.meta = {}
        self.links = []
        self.scripts = []
        self._in = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "title"}:
            self._in = tag
            if tag != "title":
                self.headings.append([int(tag[1]), ""])
        elif tag == "meta":
            key = attrs.get("name") or attrs.get("property")
            if key:
                self.meta[key] = attrs.get("content", "")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script":
            self.scripts.append(attrs)

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in:
            self.headings[-1][1] += data

    @property
    def levels(self):
        return [level for level, _text in self.headings]

    def link(self, rel):
        return next((link for link in self.links if link.get("rel") == rel), None)


def wait_for(url, attempts=200):
    for _attempt in range(attempts):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def start_gunicorn(env, log=None):
    """The site as `make serve` runs it, on env["PORT"]; returns the process once it answers.
    Its access and error logs go to the open file `log`, if given."""
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "aict_site.wsgi"],
        cwd=BASE_DIR,
        env=child_env(**env),
        stdout=log or subprocess.DEVNULL,
        stderr=log or subprocess.DEVNULL,
    )
    wait_for(f"http://127.0.0.1:{env['PORT']}/healthz")
    return server


def stop(process):
    process.terminate()
    process.wait(timeout=10)


def csrf_session(url):
    """(token, cookie) from a page with a form, as a browser would keep them."""
    with urllib.request.urlopen(url) as response:
        html = response.read().decode()
        cookie = response.headers["Set-Cookie"].split(";")[0]
    return csrf(html), cookie


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post_at_once(url, forms, cookie=None, headers=None, follow=True, timings=None):
    """POST every form to `url` at the same instant, one thread each, with the Origin and
    Referer a browser sends (and `cookie`, if any); the statuses (302s are followed unless
    `follow` is false, so a redirect to a thank-you page counts as 200). With a list as
    `timings`, each answer's seconds are appended to it."""
    import threading
    import time
    import urllib.error
    import urllib.parse

    # Encoded here: the posting threads must not open database connections of their own.
    bodies = [urllib.parse.urlencode(form).encode() for form in forms]
    barrier = threading.Barrier(len(bodies))
    statuses = []
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)

    parts = urllib.parse.urlsplit(url)
    sent = {"Origin": f"{parts.scheme}://{parts.netloc}", "Referer": url, **(headers or {})}
    if cookie:
        sent["Cookie"] = cookie

    def submit(body):
        request = urllib.request.Request(url, data=body, headers=sent)
        barrier.wait()
        started = time.monotonic()
        try:
            with opener.open(request, timeout=60) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)
        except OSError as error:
            statuses.append(type(error).__name__)
        if timings is not None:
            timings.append(time.monotonic() - started)

    threads = [threading.Thread(target=submit, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def fresh_database(folder, name, template=None, per_worker=True):
    """An empty database for a child process of the site, of the kind the suite runs on: a
    SQLite file in `folder`, or a new PostgreSQL database beside the test database; a copy of
    the template (made by `site_template`) when one is given."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        path = folder / f"{name}.sqlite3"
        if template:
            shutil.copyfile(template["database"].removeprefix("sqlite:///"), path)
        return f"sqlite:///{path}"
    import psycopg

    server = url.rsplit("/", 1)[0]
    database = f"aict_{name}"
    if per_worker:
        database += "_" + os.environ.get("PYTEST_XDIST_WORKER", "main")
    with psycopg.connect(server + "/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {database}")
        if not template:
            admin.execute(f"CREATE DATABASE {database}")
        else:
            # PostgreSQL copies a template for one session at a time.
            with locked(template["lock"]):
                name = template["database"].rsplit("/", 1)[1]
                admin.execute(f"CREATE DATABASE {database} TEMPLATE {name}")
    return f"{server}/{database}"


@contextlib.contextmanager
def locked(path):
    """Hold an exclusive lock on the file at `path`, across test workers."""
    import fcntl

    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def shared_site_template(shared):
    """The site template, made by the first test worker that asks for it in the folder
    `shared` (common to the workers of one run) and reused by the others."""
    import json

    made = shared / "site-template.json"
    with locked(shared / "site-template.lock"):
        if not made.exists():
            folder = shared / "site-template"
            folder.mkdir(exist_ok=True)
            template = make_site_template(folder)
            template["lock"] = str(shared / "site-template.lock.copy")
            made.write_text(json.dumps({key: str(value) for key, value in template.items()}))
    template = json.loads(made.read_text())
    template["static"] = Path(template["static"])
    return template


def make_site_template(folder):
    """A database migrated and filled with the initial content, and the collected static files,
    as the first deploy makes them: made once, copied for each child site (child_site)."""
    env = dict(
        DEBUG="0", HTTPS="0", SECRET_KEY=SECRET, ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=fresh_database(folder, "template", per_worker=False),
        CACHE_URL="locmemcache://",
    )  # fmt: skip
    for command in [("migrate", "--noinput"), ("load_initial_content",)]:
        result = manage(*command, **env)
        assert result.returncode == 0, result.stderr
    return {"database": env["DATABASE_URL"], "static": collected_static(env)}


def collected_static(env):
    """The static files as collectstatic writes them (hashed names, Brotli and gzip copies),
    collected once for a given content of the static sources and requirements: both test
    workers and both database runs share them (compressing them takes ~25 s of CPU)."""
    import hashlib

    digest = hashlib.sha256()
    sources = [
        BASE_DIR / "requirements.txt",
        BASE_DIR / "aict_site" / "settings.py",
        *sorted((BASE_DIR / "static").rglob("*")),
    ]
    for path in sources:
        if path.is_file():
            digest.update(str(path.relative_to(BASE_DIR)).encode() + path.read_bytes())
    shared = BASE_DIR / "var" / "test-static"
    shared.mkdir(parents=True, exist_ok=True)
    static = shared / digest.hexdigest()[:16]
    with locked(shared / "lock"):  # one worker collects, the other waits and reuses
        done = shared / f"{static.name}.collected"  # beside, not served
        if not done.exists():
            result = manage("collectstatic", "--noinput", "--clear", STATIC_ROOT=static, **env)
            assert result.returncode == 0, result.stderr
            done.touch()  # last: a collection cut short is done again
    return static


def child_site(template, folder, name, staff_password=None, **env):
    """The environment of a site as deployed (DEBUG and HTTPS off), on its own copy of the
    template's database; with a password, a superuser « chef » too."""
    env = dict(
        DEBUG="0", HTTPS="0", SECRET_KEY=SECRET, ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=fresh_database(folder, name, template),
        STATIC_ROOT=template["static"], MEDIA_ROOT=folder / "media", **env,
    )  # fmt: skip
    if staff_password:
        create_user = (
            "import django; django.setup(); from django.contrib.auth.models import User; "
            f"User.objects.create_superuser('chef', 'chef@example.org', '{staff_password}')"
        )
        subprocess.run([PYTHON, "-c", create_user], cwd=BASE_DIR, env=child_env(**env), check=True)
    return env


def opener():
    """A browser of sorts: keeps its cookies between requests."""
    import http.cookiejar

    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


def csrf(html):
    import re

    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def post(browser, url, fields):
    import urllib.error
    import urllib.parse

    body = urllib.parse.urlencode(fields).encode()
    try:
        return browser.open(urllib.request.Request(url, data=body, headers={"Referer": url}))
    except urllib.error.HTTPError as error:
        return error


def log_in(browser, base, password, admin="/gestion/"):
    """Log « chef » (see prepare_site) in to the admin at `base`."""
    login = base + admin + "login/"
    token = csrf(browser.open(login).read().decode())
    return post(browser, login, {"username": "chef", "password": password,
                                 "csrfmiddlewaretoken": token, "next": admin})  # fmt: skip


def squashed(html):
    """The page's HTML without the spacing that wrapped template lines add: runs of whitespace
    as one space, none before a closing tag nor between two tags, for comparing with
    fragments written on one line."""
    return re.sub(r"> <", "><", re.sub(r" (</)", r"\1", re.sub(r"\s+", " ", html)))


def fragment(html, start, end):
    """The part of a page from the first `start` to the next `end`, both included."""
    begin = html.index(start)
    return html[begin : html.index(end, begin) + len(end)]


def page_text(client, url):
    """A page that must answer 200, its French spaces as plain ones (`squashed`)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return squashed(response.content.decode())
