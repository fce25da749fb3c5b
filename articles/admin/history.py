"""History on the desk: django-simple-history records that also say what an editor did."""

from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from articles.choices import REASON_LENGTH


class DeskHistoryAdmin(SimpleHistoryAdmin):
    """Records every save with who and when (simple-history), plus a reason: what the form
    changed, inline rows included ("Deleted article person …"), or that it was a revert."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Saving an old version is a change: simple-history only checks view permission."""
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        if is_revert(request):
            obj._change_reason = "reverted to an earlier version"
        super().save_model(request, obj, form, change)

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        record = obj.history.first()
        if message and record is not None and not is_revert(request):
            record.history_change_reason = entry.get_change_message()[:REASON_LENGTH]
            record.save(update_fields=["history_change_reason"])
        return entry


def is_revert(request) -> bool:
    """Whether this request saves an old version from the history page."""
    match = request.resolver_match
    return bool(match and match.url_name and match.url_name.endswith("_simple_history"))
