import pytest
from django.core.exceptions import ValidationError

from eportal.about.validators import validate_email, validate_hotline, validate_phone


@pytest.mark.parametrize("number", [
    "0912345678", "0912 345 678", "0912.345.678", "0299 3 000 000", "0299.3000.000", "02993000000",
    "(0299) 3 000 000", "+84 299 3 000 000", "+84912345678",
])
def test_vietnamese_phone_numbers_are_accepted(number):
    validate_phone(number)


@pytest.mark.parametrize("number", [
    "123", "912345678", "0912 345 67", "029930000001", "00912345678", "0912-abc-678", "0912345678 máy lẻ 2",
    "+1 202 555 0100", "0299 3 000 000; 0912 345 678",
])
def test_other_phone_numbers_are_refused_in_vietnamese(number):
    with pytest.raises(ValidationError, match="Số điện thoại không hợp lệ"):
        validate_phone(number)


@pytest.mark.parametrize("number", ["0299 3 000 000", "1800 1234", "1900.123.456", "113", "115"])
def test_hotlines(number):
    validate_hotline(number)


@pytest.mark.parametrize("number", ["12", "1234", "1700 1234", "abc"])
def test_bad_hotlines(number):
    with pytest.raises(ValidationError, match="Số đường dây nóng không hợp lệ"):
        validate_hotline(number)


@pytest.mark.parametrize("address", ["vanphong@kesach.invalid", "ten.nguoi@donvi.gov.vn"])
def test_emails(address):
    validate_email(address)


@pytest.mark.parametrize("address", ["vanphong", "vanphong@", "van phong@donvi.gov.vn", "a@b"])
def test_bad_emails(address):
    with pytest.raises(ValidationError, match="Địa chỉ thư điện tử không hợp lệ"):
        validate_email(address)
