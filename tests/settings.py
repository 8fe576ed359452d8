"""Settings for the test suite: the site's own, read from a test environment.

pytest-django imports this before any conftest, so the environment is set here.
"""

import atexit
import os
import shutil
import tempfile


def scratch_folder(prefix):
    """A temporary folder this process removes when it exits (one run leaves nothing in /tmp)."""
    path = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-" + "x" * 40)
os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("CACHE_URL", "locmemcache://")
# Tests read static files from the source folders: no collectstatic manifest needed.
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)
if "MEDIA_ROOT" not in os.environ:
    # Set once: servers the tests start inherit it and share the media of the process that ran them.
    os.environ["MEDIA_ROOT"] = scratch_folder("aict-media-")
os.environ.pop("DEBUG", None)

from aict_site.settings import *  # noqa: E402, F403 - after the environment it reads

# Hashing passwords slowly protects nobody in a test run.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STATIC_ROOT = scratch_folder("aict-static-")
WHITENOISE_USE_FINDERS = True
# Live-server threads come and go: close their connections at the end of each request.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, as in production, so WAL and the busy timeout apply when threads write at once.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(scratch_folder("aict-db-"), "test.sqlite3")
    }
# A test's own transaction is invisible to other threads: send notifications in the request's
# thread here. The background mode is tested against gunicorn (tests/contacts/test_mail_hangs.py).
SEND_MAIL_IN_BACKGROUND = False
