import datetime

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from eportal.core.models import SiteIdentity

PORTAL = "Cổng thông tin điện tử Huyện Kế Sách"
AGENCY = "Ủy ban nhân dân huyện Kế Sách"


def at(y, m, d, h=0, mi=0):
    return timezone.make_aware(datetime.datetime(y, m, d, h, mi))


@pytest.fixture
def identity(site):
    identity = SiteIdentity.for_site(site)
    identity.portal_title = PORTAL
    identity.agency_name = AGENCY
    identity.province = "Sóc Trăng"
    identity.save()
    return identity


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="Ảnh hội nghị", file=get_test_image_file())
