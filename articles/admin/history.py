"""History on the desk: django-simple-history records that also say what an editor did."""

from django import forms
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from articles.choices import REASON_LENGTH


class DeskHistoryAdmin(SimpleHistoryAdmin):
    """Records every save with who and when (simple-history), plus a reason: what the form
    changed, inline rows included with the linked entity's old → new name ("person Alice Adams →
    Bob Brown; removed person Carol Chen"), or that it was a revert."""

    # Says "import" rather than "None" for what the importer recorded.
    object_history_list_template = "admin/articles/history_list.html"

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Saving an old version is a change: simple-history only checks view permission."""
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        if is_revert(request):
            obj._change_reason = "reverted to an earlier version"
        super().save_model(request, obj, form, change)

    def construct_change_message(self, request, form, formsets, add=False):
        # Called after the inlines are saved, while their old values are still in the forms.
        request.desk_change_reason = change_reason(form, formsets or [])
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        record = obj.history.first()
        if message and record is not None and not is_revert(request):
            reason = getattr(request, "desk_change_reason", "") or entry.get_change_message()
            record.history_change_reason = fit_reason(reason)
            record.save(update_fields=["history_change_reason"])
        return entry


def is_revert(request) -> bool:
    """Whether this request saves an old version from the history page."""
    match = request.resolver_match
    return bool(match and match.url_name and match.url_name.endswith("_simple_history"))


def change_reason(form, formsets) -> str:
    """What a change form saved: "Changed title; person Alice Adams → Bob Brown; removed …"."""
    parts = []
    if form.changed_data:
        labels = [str(form.fields[name].label or name).lower() for name in form.changed_data]
        parts.append("changed " + ", ".join(labels))
    for formset in formsets:
        parts += formset_changes(formset)
    reason = "; ".join(parts)
    return reason[:1].upper() + reason[1:]


def formset_changes(formset) -> list[str]:
    """An inline's saved rows; a link (``ArticleLink``) is named by its entity, not its row."""
    target = getattr(formset.model, "target_field", None)
    noun = formset.model.kind if target else str(formset.model._meta.verbose_name)

    def name(obj) -> str:
        return str(getattr(obj, target)) if target else f"“{obj}”"

    parts = [f"added {noun} {name(obj)}" for obj in formset.new_objects]
    forms_by_pk = {form.instance.pk: form for form in formset.initial_forms}
    for obj, fields in formset.changed_objects:
        parts.append(f"{noun} {row_changes(forms_by_pk[obj.pk], fields, target, name(obj))}")
    parts += [f"removed {noun} {name(obj)}" for obj in formset.deleted_objects]
    return parts


def row_changes(form, fields: list[str], target: str | None, name: str) -> str:
    """ "Alice Adams → Bob Brown", or "Bob Brown: count 1 → 3" when the entity stayed."""
    changes = [
        f"{field} {old_value(form, field)} → {form.cleaned_data.get(field)}"
        for field in fields
        if field != target
    ]
    if target in fields:
        return ", ".join([f"{old_value(form, target)} → {name}", *changes])
    return f"{name}: {', '.join(changes)}"


def old_value(form, field: str):
    """The value a row's field had before the save (an object, for a foreign key)."""
    value = form.initial.get(field)
    choice = form.fields.get(field)
    if isinstance(choice, forms.ModelChoiceField) and value is not None:
        return choice.queryset.filter(pk=value).first() or value
    return value


def fit_reason(reason: str) -> str:
    """A reason cut to the history column's length, whole changes kept, with "…" if cut."""
    if len(reason) <= REASON_LENGTH:
        return reason
    head = reason[: REASON_LENGTH - 2]
    cut = head.rfind("; ")
    return (head[:cut] if cut > 0 else head.rstrip()) + " …"
