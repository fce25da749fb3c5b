"""A change list whose tie-breaking id follows the sorted column's direction.

Django's admin makes every order total by appending ``-pk``: sorted by status ascending, that is
``ORDER BY status, id DESC``, which no single index gives in order, so at a million articles
PostgreSQL sorts every row of the table to show 50. With the id in the column's direction
(``status, id`` or ``status DESC, id DESC``) one index on ``(status, id)`` gives either order,
read forwards or backwards, and the page stops after 50 entries.
"""

from django.contrib.admin.views.main import ChangeList


class IndexOrderedChangeList(ChangeList):
    def _get_deterministic_ordering(self, ordering):
        ordering = list(ordering)
        total = super()._get_deterministic_ordering(ordering)
        if len(total) == len(ordering) + 1 and total[-1] == "-pk" and ordering:
            first = ordering[0]
            if isinstance(first, str):
                descending = first.startswith("-")
            else:  # an F() is ascending, an OrderBy says
                descending = getattr(first, "descending", False)
            total[-1] = "-pk" if descending else "pk"
        return total
