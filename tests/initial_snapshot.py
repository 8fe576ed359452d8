"""The client's initial content for tests: loaded by its command once per test process, then
written back from a copy in memory, table by table, for each test that asks for it.

`load_initial_content` saves each record and its links one by one (0.3 s); the copy is a
bulk insert per table (tens of milliseconds), and the suite asks for the content hundreds of
times on each database. The first load is the real command, so the copy is what it makes.
"""

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from aict_site.project_apps import project_app_configs

_tables = None
_given_rows = {}


def _models():
    """Every table of the project's apps, their many-to-many tables included."""
    for config in project_app_configs():
        yield from config.get_models(include_auto_created=True)


def _given(models):
    """The ids of the rows the migrations gave (départements): the copy refers to them."""
    return {model: list(model._base_manager.order_by("pk").values_list("pk", flat=True))
            for model in models}  # fmt: skip


def load():
    """The initial content, as `load_initial_content --no-revisions` makes it."""
    global _tables, _given_rows
    if _tables is not None and _given(_given_rows) == _given_rows:
        _write_back()
        return
    # The first time, or after a transactional test emptied the database and the migrations'
    # rows came back under new ids: the command, and a new copy.
    had_rows = {model: model._base_manager.exists() for model in _models()}
    call_command("load_initial_content", "--no-revisions", verbosity=0)
    _given_rows = _given([model for model, present in had_rows.items() if present])
    _tables = [
        (model, list(model._base_manager.order_by("pk")))
        for model, present in had_rows.items()
        if not present and model._base_manager.exists()
    ]


def _write_back():
    # One transaction: foreign keys are checked at its end, whatever the tables' order (a
    # transactional test runs without the test's own).
    with transaction.atomic():
        for model, rows in _tables:
            model._base_manager.bulk_create(rows)
        # Explicit ids leave PostgreSQL's sequences behind: the next record would take id 1.
        statements = connection.ops.sequence_reset_sql(no_style(), [m for m, _rows in _tables])
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
