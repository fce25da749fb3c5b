"""Intermediate pages of the desk's actions: pick a topic, a person, a merge target."""

import functools

from django.contrib.admin import helpers
from django.template.response import TemplateResponse


def action_page(modeladmin, request, queryset, form, *, title, submit, template=None, **extra):
    """Render an action's form page: what is selected, the form, and a submit button.

    The page posts back to the same action (``apply`` set); the action runs when its form is
    valid. Selection and "select all" are carried over unchanged.
    """
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "submit": submit,
        "form": form,
        "opts": modeladmin.model._meta,
        "objects": queryset[:20],
        "count": queryset.count(),
        "action": request.POST.get("action", ""),
        "select_across": request.POST.get("select_across", "0"),
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media + form.media,
        **extra,
    }
    return TemplateResponse(request, template or "admin/articles/action_form.html", context)


def bound_if_applied(form_class, request, queryset):
    """The action's form, given the selection, bound only when posted from its own page."""
    return form_class(request.POST if "apply" in request.POST else None, selected=queryset)


def asking(form_class, *, title: str, submit: str):
    """Decorate an admin action that needs a form: until the form is valid, the action answers
    with its page (``action_page``); then it runs, given the valid form after ``queryset``."""

    def decorate(action):
        @functools.wraps(action)
        def run(modeladmin, request, queryset):
            form = bound_if_applied(form_class, request, queryset)
            if not form.is_valid():
                page = {"title": title, "submit": submit}
                return action_page(modeladmin, request, queryset, form, **page)
            return action(modeladmin, request, queryset, form)

        return run

    return decorate
