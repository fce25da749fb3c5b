"""Choices shared by the models and their QuerySets."""

from django.db import models


class Origin(models.TextChoices):
    """Who made a link: the importer's extractors, or an editor."""

    AUTO = "auto", "automatic"
    EDITOR = "editor", "editor"
