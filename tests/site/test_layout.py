"""The core (aict_site/) names no app: apps declare themselves to it (aict_site.project_apps)."""

import ast

from aict_site.project_apps import content_models, project_app_configs, visitor_record_models
from tests.helpers import BASE_DIR

# The settings list the installed apps and the root URLconf includes theirs: that is their job.
WIRING = {"settings.py", "urls.py"}


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_the_core_imports_no_app():
    apps = {config.name for config in project_app_configs()}
    assert {"pages", "funding", "contacts", "events"} <= apps
    offending = [
        f"{path.relative_to(BASE_DIR)} imports {module}"
        for path in (BASE_DIR / "aict_site").rglob("*.py")
        if path.name not in WIRING and "migrations" not in path.parts
        for module in imported_modules(path)
        if module.split(".")[0] in apps
    ]
    assert offending == []


def test_visitors_records_are_declared_and_everything_else_is_content():
    records = {model._meta.label for model in visitor_record_models()}
    assert records == {
        "contacts.ContactRequest", "events.Registration",
        "alerts.Subscriber", "alerts.Delivery", "alerts.Unsubscription",
    }  # fmt: skip
    content = {model._meta.label for model in content_models()}
    assert {"pages.Page", "funding.Scheme", "contacts.Office", "events.Event"} <= content
    assert not content & records
    assert not any(label.startswith(("aict_site.", "auth.", "axes.")) for label in content)


# Apps every app may import: the shared vocabularies. The core (aict_site) is not an app here.
SHARED = {"reference"}


def test_apps_import_no_other_app_but_the_shared_vocabularies():
    """Apps meet through the core's registries and the shared vocabularies; a model of
    another app is named by its label in a relation ("funding.Scheme"), never imported."""
    apps = {config.name for config in project_app_configs()}
    assert {"reference", "directory", "contacts"} <= apps
    offending = [
        f"{path.relative_to(BASE_DIR)} imports {module}"
        for app in apps
        for path in (BASE_DIR / app).rglob("*.py")
        if "migrations" not in path.parts
        for module in imported_modules(path)
        if module.split(".")[0] in apps - {app} - SHARED
    ]
    assert offending == []


def test_the_shared_vocabularies_import_no_app():
    apps = {config.name for config in project_app_configs()}
    imported = {
        module.split(".")[0]
        for path in (BASE_DIR / "reference").rglob("*.py")
        for module in imported_modules(path)
    }
    assert imported & (apps - {"reference"}) == set()


def test_the_walker_finds_imports_deferred_into_function_bodies(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "def f():\n    from funding.models import Scheme\n    import contacts.views\n"
    )
    assert list(imported_modules(module)) == ["funding.models", "contacts.views"]


def test_templates_have_no_line_over_120_characters():
    long_lines = [
        f"{path.relative_to(BASE_DIR)}:{number} ({len(line)})"
        for path in sorted((BASE_DIR / "templates").rglob("*"))
        if path.suffix in (".html", ".txt")
        for number, line in enumerate(path.read_text().split("\n"), start=1)
        if len(line) > 120
    ]
    assert long_lines == []
