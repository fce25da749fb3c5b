"""The suspects queue at registry scale: judging persons and listing suspects, timed.

Everything runs in one transaction that is rolled back, so any database is left as it was.
"""

import random
import secrets
import statistics
import time

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings

from articles.benchmarks.admin_bench import _named, time_page
from articles.ingest.persist.suspects import refresh_suspicion
from articles.models import Person
from articles.normalise import words

GIVEN = ["Anna", "Boris", "Carla", "Dmytro", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas"]
# Surnames are made of letters only: the variant rules ignore digits ("Name 12" is "Name 13").
SYLLABLES = sorted(words("ka lo mi ne ru sa ta vi zo be do fe gu ho ji ku la mo nu po"))


def suspects_figures(persons: int = 50_000, repeat: int = 5) -> dict:
    """Seconds to judge the registry and to list its suspects, over ``persons`` rows."""
    with transaction.atomic(), override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        fill(persons, random.Random(persons))
        whole = _median(lambda: refresh_suspicion(), 1)
        newest = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
        per_file = _median(lambda: refresh_suspicion([newest]), repeat)
        sample = random.Random(0).sample(list(Person.objects.values_list("pk", flat=True)), 50)
        per_big_file = _median(lambda: refresh_suspicion(sample), repeat)
        client = Client()
        client.force_login(get_user_model().objects.create_superuser(secrets.token_hex(6)))
        base = "/admin/articles/suspectperson/"
        pages = {
            "suspects queue": base,
            "suspects queue, duplicates": f"{base}?reason=duplicate",
            "desk home (queue sizes)": "/admin/",
        }
        figures = {label: time_page(client, url, repeat) for label, url in pages.items()}
        suspects = Person.objects.suspects().count()
        transaction.set_rollback(True)
    return {
        "persons": persons,
        "suspects": suspects,
        "judge every person (flag_suspects)": whole,
        "judge one file's new person (import)": per_file,
        "judge one file's 50 new persons (import)": per_big_file,
        "pages": figures,
    }


def fill(count: int, rng: random.Random) -> None:
    """Full names, with one-word surnames and spelling variants among them (about 1 in 20)."""
    names = set()
    while len(names) < count:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize()
        roll = rng.random()
        if roll < 0.03:
            names.add(surname)
        elif roll < 0.05:
            names.add(f"{rng.choice(GIVEN)} {surname}iy")
        else:
            names.add(f"{rng.choice(GIVEN)} {surname}")
    rows = [_named(Person, name) for name in sorted(names)]
    for row in rows:
        row.set_name_keys()  # what save() derives: the variant and lookup keys
        row.article_count = rng.choice([0, 1, 1, 2, 3, 5, 8, 40])
    Person.objects.bulk_create(rows, batch_size=2000)


def _median(run, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)
