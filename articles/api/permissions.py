"""Who may do what through the API: anyone reads, editors write."""

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions


class EditorWriteOrReadOnly(DjangoModelPermissions):
    """Anyone may read; a write needs a signed-in user holding the model permissions it uses.

    Creating and changing articles need ``add_article``/``change_article``. A view action that
    touches other rows names its permissions in ``required_perms`` (method → permissions), e.g.
    adding a person link needs ``add_articleperson``, removing it ``delete_articleperson``.
    """

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        if request.method not in view.allowed_methods:
            return True  # the view answers 405: nobody may, signing in would not help
        if not (request.user and request.user.is_authenticated):
            return False
        required = getattr(view, "required_perms", None)
        if required is not None:
            perms = required.get(request.method.lower())
            return perms is not None and request.user.has_perms(perms)
        return super().has_permission(request, view)
