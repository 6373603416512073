from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from eportal.accounts.twofactor import has_two_factor, remove_two_factor


class Command(BaseCommand):
    help = (
        "Turn off two-step verification for an account that lost its phone and backup "
        "codes; the user can turn it on again under Tài khoản → Xác thực hai bước."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No account named '{username}'.") from None
        if not has_two_factor(user):
            self.stdout.write(f"Account '{username}' has no two-step verification.")
            return
        remove_two_factor(user)
        self.stdout.write(self.style.SUCCESS(f"Two-step verification turned off for '{username}'."))
