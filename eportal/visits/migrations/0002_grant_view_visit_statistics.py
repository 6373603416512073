"""Lets the head of the board, the editors and administrators read the visit statistics."""

from django.db import migrations

from eportal.editorial import roles


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0001_visit_tally"),
        ("editorial", "0001_roles_and_workflow"),
    ]

    operations = [
        migrations.RunPython(
            *roles.grant_to_roles(
                "visits", dict.fromkeys([roles.HEAD, roles.ADMINISTRATOR, roles.EDITOR], ["view_visit_statistics"])
            )
        )
    ]
