"""« Préparer ma candidature »'s first questions, for a running site: the generalist DCTCIV
call, the franco-sénégalais call, FICOL and CERV, each rule from its official text
(content/questions-2026-12-06.json). A scheme whose questions staff already wrote is left as
it is; on a new database the initial content brings them."""

import json
from pathlib import Path

from django.db import migrations

from funding.questions import create_questions

CONTENT = Path(__file__).resolve().parent / "content" / "questions-2026-12-06.json"


def add(apps, schema_editor):
    by_slug = json.loads(CONTENT.read_text(encoding="utf-8"))
    create_questions(
        by_slug,
        apps.get_model("funding", "Scheme"),
        apps.get_model("funding", "EligibilityQuestion"),
        apps.get_model("funding", "EligibilityChoice"),
    )


class Migration(migrations.Migration):
    dependencies = [("funding", "0018_eligibility_questions")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
