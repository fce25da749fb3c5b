"""Choices and limits shared by the models, their QuerySets and the adapters."""

from django.db import models

# simple-history's change-reason column: longer reasons are cut to fit.
REASON_LENGTH = 100


class Origin(models.TextChoices):
    """Who made a link: the importer's extractors, or an editor."""

    AUTO = "auto", "automatic"
    EDITOR = "editor", "editor"
