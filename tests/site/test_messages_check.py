"""The French catalogue check fails on a string the catalogue does not translate.

The check extracts the strings from the code again, so it is run on a copy of the project
to which a new, untranslated string is added.
"""

import shutil
import subprocess

from tests.helpers import BASE_DIR, PYTHON

NOT_COPIED = shutil.ignore_patterns(
    ".venv", "node_modules", ".git", "var", "media", "*.sqlite3*", "__pycache__", "bench"
)


def check(project):
    return subprocess.run(
        ["bash", "scripts/check-messages.sh", str(project)],
        cwd=project,
        env={"PATH": "/usr/bin:/bin", "PYTHON": str(PYTHON)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_catalogue_check_fails_on_an_untranslated_string_and_passes_without_it(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(BASE_DIR, project, ignore=NOT_COPIED)
    assert check(project).returncode == 0
    probe = project / "pages" / "probe.py"
    probe.write_text(
        "from django.utils.translation import gettext as _\n\n"
        'LABEL = _("Une phrase que personne n’a traduite")\n'
    )
    result = check(project)
    assert result.returncode == 1
    assert "Une phrase que personne n’a traduite" in result.stderr
    # The check leaves the catalogue as it found it.
    assert (
        "personne n’a traduite"
        not in (project / "locale" / "fr" / "LC_MESSAGES" / "django.po").read_text()
    )
