"""The article change form's "why these links" panel: its text with each mention highlighted.

Every automatic person and country link stores where it found its mentions (``evidence``);
this shows title, summary and body with those stretches marked, a colour per kind, the entity
named on hover. The article's text is escaped piece by piece: only our own ``<mark>`` tags
reach the page as HTML.
"""

from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from articles.evidence import TEXT_FIELDS
from articles.models import Article, ArticleCountry, ArticlePerson


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch of a field."""

    start: int
    end: int
    kind: str  # "person", "country" or "photographer": the CSS class says which colour
    label: str


def marks_by_field(article: Article) -> dict[str, list[Mark]]:
    """Each text field's marks, in text order (two queries: persons, countries)."""
    found: dict[str, list[Mark]] = {name: [] for name in TEXT_FIELDS}
    persons = ArticlePerson.objects.filter(article=article).select_related("person")
    countries = ArticleCountry.objects.filter(article=article).select_related("country")
    for link in persons:
        kind = "photographer" if link.role == ArticlePerson.Role.PHOTOGRAPHER else "person"
        _add(found, link.evidence, kind, link.person.name)
    for link in countries:
        _add(found, link.evidence, "country", link.country.name)
    for marks in found.values():
        marks.sort(key=lambda mark: (mark.start, -mark.end))
    return found


def _add(found: dict[str, list[Mark]], evidence, kind: str, label: str) -> None:
    for field, start, end in evidence or ():
        if field in found:
            found[field].append(Mark(start, end, kind, label))


def highlighted(text: str, marks: list[Mark]) -> SafeString:
    """``text`` escaped, with each mark wrapped in ``<mark>``; marks that overlap an earlier
    one or fall outside the text (a stale offset) are left out."""
    pieces, at = [], 0
    for mark in marks:
        if mark.start < at or mark.end > len(text) or mark.start >= mark.end:
            continue
        pieces.append(escape(text[at : mark.start]))
        pieces.append(
            format_html(
                '<mark class="desk-evidence desk-evidence-{}" title="{}: {}">{}</mark>',
                mark.kind,
                mark.kind,
                mark.label,
                text[mark.start : mark.end],
            )
        )
        at = mark.end
    pieces.append(escape(text[at:]))
    return mark_safe("".join(pieces))  # every piece above is escaped or built by format_html


def evidence_panel(article: Article) -> SafeString:
    """Title, summary and body, highlighted, with a legend."""
    if article.pk is None:
        return mark_safe("")
    marks = marks_by_field(article)
    rows = (
        (name, highlighted(getattr(article, name), marks[name]))
        for name in TEXT_FIELDS
        if getattr(article, name)
    )
    legend = format_html(
        '<p class="desk-evidence-legend">{} {} {}</p>',
        format_html('<mark class="desk-evidence desk-evidence-person">{}</mark>', "person"),
        format_html('<mark class="desk-evidence desk-evidence-country">{}</mark>', "country"),
        format_html(
            '<mark class="desk-evidence desk-evidence-photographer">{}</mark>', "photographer"
        ),
    )
    body = format_html_join("", '<div class="desk-evidence-field"><h4>{}</h4><p>{}</p></div>', rows)
    return format_html("{}{}", legend, body)
