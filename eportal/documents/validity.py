"""Tình trạng hiệu lực: what an editor declares, and what the dates say on a given day.

The editor declares a status. The dates then take precedence, so that no one has to come
back on the day a document takes effect or expires:

* a document whose expiry date has come (or declared "Hết hiệu lực toàn bộ") has expired;
* otherwise a document whose effective date is still ahead is "Chưa có hiệu lực";
* otherwise it is "Hết hiệu lực một phần" if so declared, and "Còn hiệu lực" else. A document
  declared "Chưa có hiệu lực" without an effective date stays so until one is entered.

`status_on` answers for one document in Python; `status_expression` is the same rule in SQL,
for filtering and annotating listings. Tests hold the two to the same answers.
"""

from django.db import models
from django.db.models import Case, Q, Value, When


class Validity(models.TextChoices):
    IN_FORCE = "con-hieu-luc", "Còn hiệu lực"
    PARTLY_EXPIRED = "het-hieu-luc-mot-phan", "Hết hiệu lực một phần"
    EXPIRED = "het-hieu-luc-toan-bo", "Hết hiệu lực toàn bộ"
    NOT_YET = "chua-co-hieu-luc", "Chưa có hiệu lực"


def status_on(declared, effective_on, expires_on, day) -> Validity:
    if declared == Validity.EXPIRED or (expires_on is not None and expires_on <= day):
        return Validity.EXPIRED
    if effective_on is None:
        return Validity(declared)
    if effective_on > day:
        return Validity.NOT_YET
    return Validity.PARTLY_EXPIRED if declared == Validity.PARTLY_EXPIRED else Validity.IN_FORCE


def status_expression(day):
    """A CharField expression with the status of each row on `day` (see status_on)."""
    return Case(
        When(Q(validity=Validity.EXPIRED) | Q(expires_on__lte=day), then=Value(Validity.EXPIRED.value)),
        When(effective_on__isnull=True, then="validity"),
        When(effective_on__gt=day, then=Value(Validity.NOT_YET.value)),
        When(validity=Validity.PARTLY_EXPIRED, then=Value(Validity.PARTLY_EXPIRED.value)),
        default=Value(Validity.IN_FORCE.value),
        output_field=models.CharField(),
    )
