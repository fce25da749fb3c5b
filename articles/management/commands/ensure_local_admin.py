"""Create (once) a local superuser for `make run` and print how to log in."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

CREDENTIALS_FILE = settings.BASE_DIR / "local-admin.txt"


class Command(BaseCommand):
    help = "Create a local admin login for development (refused when DEBUG is off) and print it."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a local admin with DJANGO_DEBUG off.")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user and CREDENTIALS_FILE.exists():
            password = CREDENTIALS_FILE.read_text().split()[-1]
        else:
            password = secrets.token_urlsafe(12)
            user = user or user_model(username=username, email=f"{username}@localhost")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            CREDENTIALS_FILE.write_text(f"{username} {password}\n")
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: http://127.0.0.1:8000/admin/  user: {username}  password: {password}"
            )
        )
