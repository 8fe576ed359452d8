"""Pieces of a page kept as HTML: inclusion tags that keep what they render, and the cards of
a list, kept per record.

A piece is kept in the worker's memory (aict_site.caching.memory) under a key derived from its
tag and every argument it is given (aict_site.caching.keys): the function that gathers its data
sees nothing else, not the page's context, so what it shows cannot depend on anything the key
misses. A piece that depends on the clock says so where its tag is declared (`clock=True`).
"""

from django.template.loader import get_template
from django.utils.safestring import mark_safe

from . import keys
from .clock import lifetime
from .memory import MISSING, pieces


def cached_inclusion_tag(register, template_name, *, clock=False):
    """Like `register.inclusion_tag(template_name)`: `function(*args, **kwargs)` returns the
    template's context; the HTML is kept per arguments, language and content version."""

    def decorator(function):
        kind = keys.name_of(function)

        # Not functools.wraps: the template library reads the tag's own signature (context first).
        def tag(context, *args, **kwargs):
            key = keys.derive(kind, template_name, args, kwargs)
            html = pieces.get(key)
            if html is MISSING:
                template = context.template.engine.get_template(template_name)
                # As an inclusion tag renders: a new context, with the page's autoescaping.
                html = template.render(context.new(function(*args, **kwargs)))
                pieces.put(key, html, lifetime(clock))
            return mark_safe(html)  # noqa: S308 - rendered by a template, escaped there

        tag.__doc__ = function.__doc__
        register.simple_tag(tag, takes_context=True, name=function.__name__)
        return function

    return decorator


def kept_each(kind, items, parts_of, make, *, clock=False):
    """Each item's value, kept under the key derived from `kind` and `parts_of(item)`;
    `make(missing)` returns the values of the items not kept, in their order, and only those
    are made."""
    item_keys = [keys.derive(kind, *parts_of(item)) for item in items]
    values = [pieces.get(key) for key in item_keys]
    missing = [index for index, value in enumerate(values) if value is MISSING]
    if missing:
        made = make([items[index] for index in missing])
        seconds = lifetime(clock)
        for index, value in zip(missing, made, strict=True):
            pieces.put(item_keys[index], value, seconds)
            values[index] = value
    return values


def cards(records, template_name, *, load=None, clock=False, name="record", extra=None):
    """Each record's card (its HTML, rendered from `template_name` with the record as `name`,
    and `extra`), set as its `card` attribute; returns the records as a list. A list page then
    renders only the cards it has not kept; `load(missing)` returns those to render, in the
    same order, with what they need besides (a prefetch), for them alone."""
    records = list(records)
    extra = extra or {}

    def render(missing):
        template = get_template(template_name)
        # No request: a card needs no context processor, and running them per card would cost.
        return [template.render({name: record, **extra}) for record in (load or list)(missing)]

    html = kept_each(
        f"card:{template_name}",
        records,
        lambda record: (name, extra, record),
        render,
        clock=clock,
    )
    for record, card in zip(records, html, strict=True):
        record.card = mark_safe(card)  # noqa: S308 - rendered by a template
    return records
