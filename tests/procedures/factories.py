"""Factories for procedures: pages are added live under a `parent` index page."""

import factory

from eportal.core.models import Agency, Sector
from eportal.procedures.models import ProcedureIndexPage, ProcedurePage

from ..factories import PageFactory


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    slug = factory.Sequence(lambda n: f"linh-vuc-{n}")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Ủy ban nhân dân xã số {n}")
    address = "Ấp An Ninh, xã Thới An Hội, huyện Kế Sách"
    phone = "0299 3000 000"


class ProcedureIndexFactory(PageFactory):
    class Meta:
        model = ProcedureIndexPage

    title = "Thủ tục hành chính"
    slug = "thu-tuc-hanh-chinh"


class ProcedureFactory(PageFactory):
    class Meta:
        model = ProcedurePage

    title = factory.Sequence(lambda n: f"Thủ tục mẫu số {n}")
    slug = factory.Sequence(lambda n: f"thu-tuc-{n}")
    summary = "Thủ tục dùng trong kiểm thử."
    sector = factory.SubFactory(SectorFactory)
    handling_agency = factory.SubFactory(AgencyFactory)
    level = "xa"
    processing_time = "Trong ngày làm việc."
    fees = "Không thu phí."
    result = "Giấy xác nhận."
