"""Settings for the test suite: the site's own, read from a test environment.

pytest-django imports this before any conftest, so the environment is set here.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("CACHE_URL", "locmemcache://")
# Tests read static files from the source folders: no collectstatic manifest needed.
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="aict-media-"))
os.environ.pop("DEBUG", None)

from aict_site.settings import *  # noqa: F403

# Hashing passwords slowly protects nobody in a test run.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STATIC_ROOT = tempfile.mkdtemp(prefix="aict-static-")
WHITENOISE_USE_FINDERS = True
