"""Revisions of staff's content, one record at a time, and never visitors' records.

django-reversion's admin restores a whole revision: a revision made of several records (the
initial content of an app, an admin list saved at once) would revert them all when staff
restore one. Here « Restaurer » changes the record and the rows it owns (its inlines, which
its registration follows), nothing else, and the confirmation lists what it will change and
delete. Visitors' records are left out of revisions: a registration followed into an event's
revision would outlive its erasure (« revert » would even bring it back), and an admin log
entry would keep the person's name in « Actions récentes »."""

from collections import defaultdict

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models.deletion import Collector
from reversion.models import Revision, Version
from reversion.revisions import _get_options


def owned_relations(model):
    """(accessor, child model, foreign key attname) of each reverse relation the model's
    registration follows: the rows that belong to a record (a scheme's calls, a page's former
    addresses). Forward relations are other records, never restored with this one."""
    relations = {rel.get_accessor_name(): rel for rel in model._meta.related_objects}
    for name in _get_options(model).follow:
        rel = relations.get(name)
        if rel is not None and (rel.one_to_many or rel.one_to_one):
            yield name, rel.related_model, rel.field.attname


def record_versions(version):
    """The versions of `version`'s revision that make up its record: the record first, then
    the rows it owned then, recursively."""
    by_model = defaultdict(list)
    for other in Version.objects.filter(revision_id=version.revision_id).exclude(pk=version.pk):
        by_model[other._model].append(other)
    family, queue = [version], [version]
    while queue:
        parent = queue.pop(0)
        for _accessor, child, foreign_key in owned_relations(parent._model):
            for candidate in by_model.get(child, []):
                if str(candidate.field_dict.get(foreign_key)) == str(parent.object_id):
                    family.append(candidate)
                    queue.append(candidate)
    return family


def current_rows(record):
    """The record's rows today, itself included, following the same relations."""
    rows, queue = [record], [record]
    while queue:
        parent = queue.pop(0)
        for accessor, _child, _fk in owned_relations(type(parent)):
            related = getattr(parent, accessor, None)
            children = related.all() if hasattr(related, "all") else [related] * bool(related)
            rows += children
            queue += children
    return rows


class RestorePlan:
    """What restoring `version` changes: the rows it writes back, and the rows added to the
    record since, which the restore deletes."""

    def __init__(self, version):
        self.version = version
        self.versions = record_versions(version)
        kept = {(v._model, str(v.object_id)) for v in self.versions}
        record = version._model._default_manager.filter(pk=version.object_id).first()
        self.deletions = [
            row
            for row in (current_rows(record) if record is not None else [])
            if (type(row), str(row.pk)) not in kept
        ]

    @property
    def changes(self):
        return [(v._model._meta.verbose_name, v.object_repr) for v in self.versions]

    @property
    def deleted(self):
        return [(type(row)._meta.verbose_name, str(row)) for row in self.deletions]

    def carry_out(self):
        if self.deletions:
            collector = Collector(using=self.version.db)
            collector.collect(self.deletions)
            collector.delete()
        for version in self.versions:  # the record first: its rows point to it
            version.revert()


class OneRecordRevision:
    """Stands for a version's revision inside reversion's restore view, so that its
    `revert()` restores the record alone."""

    def __init__(self, version):
        self._revision = Revision.objects.get(pk=version.revision_id)
        self.plan = RestorePlan(version)

    def __getattr__(self, name):
        return getattr(self._revision, name)

    def revert(self, delete=False):
        self.plan.carry_out()


def forget(model, pks):
    """Every copy the site keeps of these records beyond their rows: their versions in
    revisions and the admin's log entries about them."""
    keys = [str(pk) for pk in pks]
    if not keys:
        return
    content_type = ContentType.objects.get_for_model(model)
    Version.objects.filter(content_type=content_type, object_id__in=keys).delete()
    LogEntry.objects.filter(content_type=content_type, object_id__in=keys).delete()
