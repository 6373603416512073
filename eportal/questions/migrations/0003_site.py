"""Each question belongs to a site; questions received before there were several sites go to the default site."""

import django.db.models.deletion
from django.db import migrations, models


def to_default_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Question = apps.get_model("questions", "Question")
    default = Site.objects.filter(is_default_site=True).first()
    if default is not None:
        Question.objects.filter(site__isnull=True).update(site=default)


class Migration(migrations.Migration):

    dependencies = [
        ('questions', '0002_board_permissions'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='question',
            name='site',
            field=models.ForeignKey(help_text='Cổng hoặc trang của xã, phường nhận câu hỏi này.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='questions', to='wagtailcore.site', verbose_name='Trang thông tin'),
        ),
        migrations.RunPython(to_default_site, migrations.RunPython.noop),
    ]
