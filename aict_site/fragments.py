"""Inclusion tags that keep their own HTML: an expensive block (the contact card, the next
deadlines) caches itself where it is defined, instead of a `{% cache %}` around each use.

The HTML is kept in the per-worker `fragments` cache under the content version the request
works with, so an edit shows at once; blocks that depend on the clock too (deadlines, events)
are kept `FRAGMENT_CLOCK_SECONDS` at most.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db.models import Model
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from .pagecache import current_version

HOUR = 3600


def submitted_values(finder):
    """`vary` for a finder's form (django-filter): what its rendering depends on."""
    return urlencode(sorted(finder.data.items()))


def key_part(value):
    """An argument as part of a fragment's key: a record by its model and primary key (its
    repr is its title, which two records may share), anything else by its repr."""
    if isinstance(value, Model):
        return f"{value._meta.label_lower}:{value.pk}"
    return repr(value)


def cached_inclusion_tag(register, template_name, *, clock=False, vary=None):
    """Like `register.inclusion_tag(template_name, takes_context=True)`; the function is
    called, and its template rendered, once per content version and arguments (or, given
    `vary`, once per what `vary(*args, **kwargs)` returns: a finder's submitted values)."""

    def decorator(function):
        @wraps(function)
        def tag(context, *args, **kwargs):
            request = context.get("request")
            if vary:
                arguments = vary(*args, **kwargs)
            else:
                arguments = ":".join(
                    [
                        *map(key_part, args),
                        *(f"{k}={key_part(v)}" for k, v in sorted(kwargs.items())),
                    ]
                )
            # Hashed: a key of fixed length whatever a visitor submitted, for every backend.
            digest = hashlib.sha256(arguments.encode()).hexdigest()
            key = f"fragment:{function.__name__}:{current_version(request)}:{digest}"
            fragments = caches["fragments"]
            html = fragments.get(key)
            if html is None:
                template = context.template.engine.get_template(template_name)
                data = function(context, *args, **kwargs)
                # As an inclusion tag renders: a new context, with the page's autoescaping.
                html = template.render(context.new(data))
                fragments.set(key, html, settings.FRAGMENT_CLOCK_SECONDS if clock else HOUR)
            return mark_safe(html)  # noqa: S308 - rendered by a template, escaped there

        register.simple_tag(tag, takes_context=True, name=function.__name__)
        return function

    return decorator


def kept_each(items, key_of, make, seconds):
    """Each item's value, kept in the fragments cache under `key_of(item)`; `make(missing)`
    returns the values of the items not kept, in their order, and only those are made."""
    keys = [key_of(item) for item in items]
    fragments = caches["fragments"]
    kept = fragments.get_many(keys)
    missing = [(item, key) for item, key in zip(items, keys, strict=True) if key not in kept]
    if missing:
        values = make([item for item, _key in missing])
        made = {key: value for (_item, key), value in zip(missing, values, strict=True)}
        fragments.set_many(made, seconds)
        kept.update(made)
    return [kept[key] for key in keys]


def read_whole(queryset, lean):
    """The records `lean` names (read with their keys only), read whole from `queryset`, in
    the same order: for the cards a list has not kept."""
    found = queryset.in_bulk([record.pk for record in lean])
    return [found[record.pk] for record in lean]


def cards(request, records, template_name, *, load=None, clock=False, name="record", extra=None):
    """Each record's card (its HTML, rendered from `template_name` with `record`), set as its
    `card` attribute; returns the records as a list. Cards are kept like a
    fragment per content version and record. A list page on a miss of the page cache then
    renders only the cards it has not kept: it may read its records lean (their keys), and
    `load(missing)` returns those to render, in the same order, with what they need (a
    prefetch), for them alone. Cards that change with the clock are kept
    FRAGMENT_CLOCK_SECONDS at most. The template sees the record as `name`, with `extra`."""
    from django.template.loader import get_template

    records = list(records)
    version = current_version(request)
    extra = extra or {}
    variant = hashlib.sha256(
        ":".join([name, *(f"{k}={key_part(v)}" for k, v in sorted(extra.items()))]).encode()
    ).hexdigest()[:16]

    def render(missing):
        template = get_template(template_name)
        # No request: a card needs no context processor, and running them per card would cost.
        return [template.render({name: record, **extra}) for record in (load or list)(missing)]

    html = kept_each(
        records,
        lambda record: f"card:{template_name}:{variant}:{version}:{record.pk}",
        render,
        settings.FRAGMENT_CLOCK_SECONDS if clock else HOUR,
    )
    for record, card in zip(records, html, strict=True):
        record.card = mark_safe(card)  # noqa: S308 - rendered by a template
    return records
