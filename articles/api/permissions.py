"""Who may do what through the API."""

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions


class EditorWriteOrReadOnly(DjangoModelPermissions):
    """Anyone may read; writing needs a signed-in user with the model's change/add permission."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        if getattr(view, "queryset", None) is None and not hasattr(view, "get_queryset"):
            return bool(request.user and request.user.is_authenticated and request.user.is_staff)
        return super().has_permission(request, view)
