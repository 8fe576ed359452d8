"""The form renderer: Django's, except that lists of choices (a select, checkboxes, radio
buttons) are written out in Python, to the byte what Django's templates write.

Django renders each option through two or three nested templates: the alerts form's 500
options cost about 35 ms, two thirds of a first render of the page, and a finder's selects
(200 countries) most of its own. Here the same markup costs about a millisecond. A widget
whose options use templates of their own is left to the templates.
"""

from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.html import conditional_escape

SELECT = "django/forms/widgets/select.html"
MULTIPLE_INPUTS = (
    "django/forms/widgets/checkbox_select.html",
    "django/forms/widgets/radio.html",
    "django/forms/widgets/multiple_input.html",
)
SELECT_OPTION = "django/forms/widgets/select_option.html"
INPUT_OPTION = "django/forms/widgets/input_option.html"
INPUT_OPTIONS = (
    "django/forms/widgets/checkbox_option.html",
    "django/forms/widgets/radio_option.html",
    INPUT_OPTION,
)
# Values as `{{ value }}` shows them: localised, escaped unless already safe.
_CONTEXT = Context(autoescape=True)


def shown(value):
    return render_value_in_context(value, _CONTEXT)


def as_text(value):
    """`{{ value|stringformat:'s' }}`: the value as a string, escaped unless already safe."""
    return conditional_escape(value if isinstance(value, str) else str(value))


def attributes(attrs):
    """django/forms/widgets/attrs.html: `False` leaves an attribute out, `True` names it."""
    return "".join(
        f" {shown(name)}" if value is True else f' {shown(name)}="{as_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def options_of(widget, option_templates):
    """The widget's options, or None if one of them has a template of its own."""
    groups = widget["optgroups"]
    templates = {option["template_name"] for _g, options, _i in groups for option in options}
    return groups if templates <= set(option_templates) else None


def select(widget):
    groups = options_of(widget, (SELECT_OPTION,))
    if groups is None:
        return None
    html = [f'<select name="{shown(widget["name"])}"{attributes(widget["attrs"])}>']
    for group_name, options, _index in groups:
        if group_name:
            html.append(f'\n  <optgroup label="{shown(group_name)}">')
        for option in options:
            html.append(
                f'\n  <option value="{as_text(option["value"])}"'
                f"{attributes(option['attrs'])}>{shown(option['label'])}</option>\n"
            )
        if group_name:
            html.append("\n  </optgroup>")
    html.append("\n</select>")
    return "".join(html)


def input_option(option):
    value = "" if option["value"] is None else f' value="{as_text(option["value"])}"'
    field = (
        f'<input type="{shown(option["type"])}" name="{shown(option["name"])}"{value}'
        f"{attributes(option['attrs'])}>\n"
    )
    # Each template ends with a line break, which its includer keeps.
    ending = "\n" if option["template_name"] == INPUT_OPTION else "\n\n"
    if not option["wrap_label"]:
        return field + ending
    target = option["attrs"].get("id")
    label_for = f' for="{shown(target)}"' if target else ""
    return f"<label{label_for}>{field} {shown(option['label'])}</label>{ending}"


def multiple_inputs(widget):
    groups = options_of(widget, INPUT_OPTIONS)
    if groups is None:
        return None
    widget_id = widget["attrs"].get("id")
    css_class = widget["attrs"].get("class")
    html = [
        "<div",
        f' id="{shown(widget_id)}"' if widget_id else "",
        f' class="{shown(css_class)}"' if css_class else "",
        ">",
    ]
    for group_name, options, _index in groups:
        if group_name:
            html.append(f"\n  <div><label>{shown(group_name)}</label>")
        for option in options:
            html.append(f"<div>\n    {input_option(option)}</div>")
        if group_name:
            html.append("\n  </div>")
    html.append("\n</div>")
    return "".join(html)


WRITERS = {SELECT: select, **dict.fromkeys(MULTIPLE_INPUTS, multiple_inputs)}


class SiteFormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        writer = WRITERS.get(template_name)
        html = writer(context["widget"]) if writer else None
        if html is None:
            return super().render(template_name, context, request)
        return html.strip()
