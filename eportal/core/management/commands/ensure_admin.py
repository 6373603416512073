import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from eportal.accounts.passwords import generate_password


class Command(BaseCommand):
    help = (
        "Create the administrator account if it does not exist. The password comes from "
        "EPORTAL_ADMIN_PASSWORD, or is generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("EPORTAL_ADMIN_USERNAME", "admin"))
        parser.add_argument("--email", default=os.environ.get("EPORTAL_ADMIN_EMAIL", "admin@localhost"))

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin account '{username}' exists; its password is unchanged.")
            return
        password = os.environ.get("EPORTAL_ADMIN_PASSWORD", "")
        generated = not password
        if generated:
            password = generate_password()
        elif len(password) < 10:
            raise CommandError("EPORTAL_ADMIN_PASSWORD must be at least 10 characters long.")
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Created admin account '{username}'."))
        if generated:
            self.stdout.write(
                "  Password (shown only this once, change it after logging in): " + password
            )
