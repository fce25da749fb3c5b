"""Create (once) a local superuser and a demo editor for `make run`, and print how to log in."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

CREDENTIALS_FILE = settings.BASE_DIR / "local-admin.txt"
DEFAULT_ADDR = "127.0.0.1:8000"
# Listening on every interface: a browser on this machine reaches it on the loopback address.
ANY_HOST = {"", "0", "0.0.0.0", "::", "[::]"}


class Command(BaseCommand):
    help = (
        "Create local logins for development (refused when DEBUG is off) and print them: "
        "a superuser, and a demo editor in the Editor group."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--editor", default="editor", help="demo editor ('' for none)")
        parser.add_argument(
            "--addr",
            default=os.environ.get("ADDR", DEFAULT_ADDR),
            help=f"where runserver listens (default: $ADDR or {DEFAULT_ADDR})",
        )

    def handle(self, *args, username, editor, addr, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a local admin with DJANGO_DEBUG off.")
        known = read_credentials()
        logins = {username: ensure_user(username, known.get(username), superuser=True)}
        if editor:
            logins[editor] = ensure_user(editor, known.get(editor), group="Editor")
        CREDENTIALS_FILE.write_text("".join(f"{u} {p}\n" for u, p in {**known, **logins}.items()))
        url = f"{admin_base_url(addr)}/admin/"
        for role, (user, password) in zip(("Admin", "Editor"), logins.items(), strict=False):
            line = f"{role} login: {url}  user: {user}  password: {password}"
            self.stdout.write(self.style.SUCCESS(line))


def admin_base_url(addr: str) -> str:
    """The URL a browser opens for runserver's ``addr`` ("8080", "0.0.0.0:8080", "[::1]:8000")."""
    host, _, port = addr.rpartition(":") if ":" in addr else ("", "", addr)
    if not port.isdigit():
        raise CommandError(f"--addr {addr!r}: expected PORT or HOST:PORT, as runserver takes it.")
    if host in ANY_HOST:
        host = "127.0.0.1"
    return f"http://{host}:{port}"


def read_credentials() -> dict[str, str]:
    """The logins written by earlier runs: one "username password" per line."""
    if not CREDENTIALS_FILE.exists():
        return {}
    pairs = (line.split() for line in CREDENTIALS_FILE.read_text().splitlines())
    return {pair[0]: pair[-1] for pair in pairs if len(pair) == 2}


def ensure_user(username: str, password: str | None, superuser=False, group=None) -> str:
    """Make sure the user exists with this password (a new one if unknown); return it."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user and password and user.check_password(password):
        return password
    password = secrets.token_urlsafe(12)
    user = user or user_model(username=username, email=f"{username}@localhost")
    user.is_staff = True
    user.is_superuser = superuser
    user.set_password(password)
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    return password
