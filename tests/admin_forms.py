"""Post an admin change form back as a browser would, from what the GET rendered."""

from django import forms


def admin_form_data(response, **changes):
    context = response.context
    data = {}
    form = context["adminform"].form
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or isinstance(field, forms.FileField):
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = list(value)
        elif isinstance(field.widget, forms.SplitDateTimeWidget):
            value = value() if callable(value) else value
            data[f"{name}_0"], data[f"{name}_1"] = (
                value.strftime("%d/%m/%Y"),
                value.strftime("%H:%M:%S"),
            )
        else:
            data[name] = value
    for formset in context.get("inline_admin_formsets", []):
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for inline_form in formset.formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is not None and value is not False:
                    data[f"{inline_form.prefix}-{name}"] = value
    data.update(changes)
    return data
