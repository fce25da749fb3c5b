"""ensure_local_admin: `make run` prints working logins for an admin and a demo editor."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from articles.management.commands import ensure_local_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(settings, tmp_path, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setattr(ensure_local_admin, "CREDENTIALS_FILE", tmp_path / "local-admin.txt")

    def run_command() -> dict[str, str]:
        out = io.StringIO()
        call_command("ensure_local_admin", stdout=out)
        return dict(re.findall(r"user: (\S+)\s+password: (\S+)", out.getvalue()))

    return run_command


def test_ensure_local_admin_prints_an_admin_and_an_editor_login(run, client):
    logins = run()
    assert set(logins) == {"admin", "editor"}
    assert User.objects.get(username="admin").is_superuser
    editor = User.objects.get(username="editor")
    assert not editor.is_superuser and editor.groups.filter(name="Editor").exists()
    assert client.login(username="editor", password=logins["editor"])
    assert client.get("/admin/articles/article/").status_code == 200


def test_ensure_local_admin_keeps_the_same_logins(run):
    assert run() == run()


@pytest.mark.parametrize(
    ("addr", "url"),
    [
        ("8080", "http://127.0.0.1:8080/admin/"),
        ("0.0.0.0:9000", "http://127.0.0.1:9000/admin/"),
        ("192.168.1.5:8001", "http://192.168.1.5:8001/admin/"),
    ],
)
def test_ensure_local_admin_prints_the_address_it_is_given(
    settings, tmp_path, monkeypatch, addr, url
):
    settings.DEBUG = True
    monkeypatch.setattr(ensure_local_admin, "CREDENTIALS_FILE", tmp_path / "local-admin.txt")
    out = io.StringIO()
    call_command("ensure_local_admin", "--addr", addr, stdout=out)
    assert out.getvalue().count(url) == 2
    assert ":8000" not in out.getvalue()


def test_ensure_local_admin_reads_the_address_from_the_environment(run, monkeypatch):
    monkeypatch.setenv("ADDR", "127.0.0.1:8123")
    out = io.StringIO()
    call_command("ensure_local_admin", stdout=out)
    assert "http://127.0.0.1:8123/admin/" in out.getvalue()


def test_makefile_run_passes_addr_to_ensure_local_admin():
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    assert "ensure_local_admin --addr $(ADDR)" in makefile
