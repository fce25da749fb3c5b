"""``bench_suspects``: times the suspects queue over synthetic persons and rolls back."""

import io
import json

import pytest
from django.core.management import call_command

from articles.models import Person

pytestmark = pytest.mark.django_db


def test_bench_suspects_reports_figures_and_leaves_nothing():
    out = io.StringIO()
    call_command("bench_suspects", "--persons", "300", "--repeat", "1", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["persons"] == 300 and 0 < figures["suspects"] <= 300
    assert figures["pages"]["suspects queue"]["queries"] <= 10
    assert figures["judge one file's new person (import)"] > 0
    assert figures["judge one file's 50 new persons (import)"] > 0
    assert not Person.objects.exists()
