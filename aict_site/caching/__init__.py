"""Every cache of the site, in one package: what is kept, under which key, for how long, and
what renews it. See the README's « Caching » section.

- `version`: the content version, renewed by every write to a content table.
- `keys`: keys derived from what a piece depends on.
- `clock`: how long what depends on the clock is kept; the switch that turns every cache off.
- `memory`: what a worker keeps in its own memory, and `remembered` values.
- `fragments`: inclusion tags that keep their HTML, and cards kept per record.
- `pages`: the shared page cache (a middleware).
- `choices`: a finder's filter whose chosen record (`?theme=jeunesse`) is remembered.
"""
