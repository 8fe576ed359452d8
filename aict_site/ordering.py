"""Lists staff put in order (reasons, actions, offices, people, partners, schemes…): rows are
dragged into place (django-admin-sortable2) or, with the keyboard or without JavaScript,
moved one step with the « Monter » and « Descendre » buttons of each row. Every move numbers
the list again 1, 2, 3…, so that no two items share a position.
"""

from adminsortable2.admin import SortableAdminMixin
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import migrations, transaction
from django.db.models import Max
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ORDER_FIELD = "position"


def renumber(items):
    """Give `items`, in their order, the positions 1, 2, 3…, writing only those that change."""
    for number, item in enumerate(items, start=1):
        if getattr(item, ORDER_FIELD) != number:
            type(item).objects.filter(pk=item.pk).update(**{ORDER_FIELD: number})
            setattr(item, ORDER_FIELD, number)


def renumber_all(model_label, scope=None):
    """A migration operation that numbers a model's rows 1, 2, 3… in their current order
    (within each value of `scope`), so that the rows staff ordered before share no position."""

    def run(apps, schema_editor):
        model = apps.get_model(model_label)
        rows = list(model.objects.order_by(*model._meta.ordering, "pk"))
        groups = {}
        for row in rows:
            groups.setdefault(getattr(row, f"{scope}_id") if scope else None, []).append(row)
        for group in groups.values():
            for number, row in enumerate(group, start=1):
                if getattr(row, ORDER_FIELD) != number:
                    model.objects.filter(pk=row.pk).update(**{ORDER_FIELD: number})

    return migrations.RunPython(run, migrations.RunPython.noop)


def _move_button(url, direction, pk, label, arrow):
    return format_html(
        '<button type="submit" class="move-button" formaction="{}" name="direction" value="{}" '
        'id="move-{}-{}" title="{}" aria-label="{}">{}</button>',
        url,
        direction,
        direction,
        pk,
        label,
        label,
        arrow,
    )


class MoveButtonsMixin:
    """« Monter » / « Descendre » on each row of the list: buttons of the list's own form (its
    CSRF token goes with them) that post to a move view."""

    # A field whose value bounds the moves (a scheme moves among its funder's schemes).
    order_scope = None

    def get_list_display(self, request):
        return [*super().get_list_display(request), "move_buttons"]

    def changelist_view(self, request, extra_context=None):
        # Without the navigation sidebar's links, the first move button is a few Tab presses
        # from the top of the page, not 88.
        extra_context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/deplacer/",
                self.admin_site.admin_view(self.move_view),
                name=f"{opts.app_label}_{opts.model_name}_move",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=gettext_lazy("move"))
    def move_buttons(self, obj):
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_move", args=[obj.pk])
        return format_html(
            "{} {}",
            _move_button(url, "up", obj.pk, _("Move up: %(item)s") % {"item": obj}, "↑"),
            _move_button(url, "down", obj.pk, _("Move down: %(item)s") % {"item": obj}, "↓"),
        )

    def save_model(self, request, obj, form, change):
        """A new item, or one moved to another scope (a scheme to another funder), goes last."""
        if not change or (self.order_scope and self.order_scope in form.changed_data):
            last = self.siblings(obj).exclude(pk=obj.pk).aggregate(last=Max(ORDER_FIELD))["last"]
            setattr(obj, ORDER_FIELD, (last or 0) + 1)
        super().save_model(request, obj, form, change)

    def siblings(self, obj):
        items = self.model._default_manager.all()
        if self.order_scope:
            items = items.filter(**{self.order_scope: getattr(obj, self.order_scope)})
        ordering = [field for field in self.model._meta.ordering if "__" not in field]
        return items.order_by(*ordering, "pk")

    def move_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        direction = request.POST.get("direction")
        step = {"up": -1, "down": 1}.get(direction, 0)
        with transaction.atomic():
            items = list(self.siblings(obj).select_for_update())
            index = [item.pk for item in items].index(obj.pk)
            target = index + step
            if step and 0 <= target < len(items):
                items[index], items[target] = items[target], items[index]
                index = target
            renumber(items)
        messages.success(
            request,
            _("« %(item)s » is now in place %(place)s of %(count)s.")
            % {"item": obj, "place": index + 1, "count": len(items)},
        )
        back = request.META.get("HTTP_REFERER", "").split("#")[0]
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            opts = self.model._meta
            back = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        # Back on the same button (static/js/admin-move-focus.js focuses it and has it read
        # the message); without JavaScript, the next Tab starts from it.
        return HttpResponseRedirect(f"{back}#move-{direction if step else 'up'}-{obj.pk}")


class OrderedAdminMixin(SortableAdminMixin, MoveButtonsMixin):
    """Drag and drop, and the buttons: for a model ordered first by its position."""
