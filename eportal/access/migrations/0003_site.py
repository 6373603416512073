"""Each information request belongs to a site; requests received before there were several sites go to the default site."""

import django.db.models.deletion
from django.db import migrations, models


def to_default_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    InformationRequest = apps.get_model("access", "InformationRequest")
    default = Site.objects.filter(is_default_site=True).first()
    if default is not None:
        InformationRequest.objects.filter(site__isnull=True).update(site=default)


class Migration(migrations.Migration):

    dependencies = [
        ('access', '0002_board_permissions'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='informationrequest',
            name='site',
            field=models.ForeignKey(help_text='Cổng hoặc trang của xã, phường nhận yêu cầu này.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='information_requests', to='wagtailcore.site', verbose_name='Trang thông tin'),
        ),
        migrations.RunPython(to_default_site, migrations.RunPython.noop),
    ]
