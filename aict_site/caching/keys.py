"""Keys derived from what a kept piece depends on, never written by hand.

A key is made of the piece's kind (the function or template that makes it), each argument it
is given, and the active language; the content version is stamped on the entry itself
(aict_site.caching.memory). Each argument becomes part of the key by its value: a record by its
model and primary key (the version covers its fields), a form by its class and the data or
initial values it renders, a finder (django-filter) by its class and the values submitted.
An argument of any other kind is refused, so that a piece can never be kept under a key that
misses what it shows.
"""

import datetime
import decimal
import hashlib

from django import forms
from django.db.models import Model
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import get_language
from django_filters import FilterSet

_PLAIN = (str, int, float, bool, decimal.Decimal, datetime.date, datetime.time, type(None))


def part(value):
    """`value` as a part of a key."""
    if isinstance(value, _PLAIN):
        return repr(value)
    if isinstance(value, Promise):
        return repr(str(value))
    if isinstance(value, Model):
        if value.pk is None:
            raise TypeError(f"an unsaved {value._meta.label} cannot be part of a key")
        return f"{value._meta.label_lower}:{value.pk!r}"
    if isinstance(value, QueryDict):
        return part(sorted(value.lists()))
    if isinstance(value, dict):
        return "{" + ",".join(f"{part(k)}={part(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, (list, tuple)):
        return "(" + ",".join(map(part, value)) + ")"
    if isinstance(value, forms.BaseForm):
        return _form(value)
    if isinstance(value, FilterSet):
        return f"{_name(type(value))}({part(value.data)},{value.form_prefix!r})"
    raise TypeError(f"no key can be derived from a {type(value).__name__}: {value!r:.80}")


def _form(form):
    if form.is_bound:
        data = form.data
    else:
        # What an unbound form shows: each field's initial value, as the form works it out.
        data = {
            name: form.get_initial_for_field(field, name) for name, field in form.fields.items()
        }
    return f"{_name(type(form))}({part(data)},{form.prefix!r})"


def _name(kind):
    return f"{kind.__module__}.{kind.__qualname__}"


def name_of(function):
    """A function's place in the code: a key's kind. A function made inside another one (a
    lambda, a closure) has no stable place and is refused."""
    name = _name(function)
    if "<" in name:
        raise TypeError(f"{name}: only a module-level function or method can name a key")
    return name


def derive(kind, *parts):
    """The key of a piece of `kind` made from `parts`, in the active language. Hashed: a key of
    fixed length whatever a visitor submitted, for every backend."""
    text = "\x1f".join([kind, get_language() or "", *map(part, parts)])
    return f"{kind}:{hashlib.sha256(text.encode()).hexdigest()}"
