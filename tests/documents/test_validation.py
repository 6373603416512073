"""Every rule a document must follow, each refused with its Vietnamese message and nothing saved."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from eportal.documents import numbers
from eportal.documents.models import LegalDocumentAttachment, LegalDocumentPage
from eportal.documents.validity import Validity, status_expression, status_on

from .conftest import LegalDocumentFactory, stored_document

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def errors_of(page):
    """The errors of validating `page` as the admin form does (the tree position is not the form's)."""
    with pytest.raises(ValidationError) as caught:
        page.full_clean(exclude=["path", "depth"])
    return {field: " ".join(messages) for field, messages in caught.value.message_dict.items()}


def unsaved(index, **fields):
    values = {
        "title": "Về việc tổ chức hội nghị sơ kết", "number": "12-TB/HU", "issued_on": datetime.date(2024, 3, 1),
        "document_type": None, "issuing_body": None, "slug": "van-ban-moi",
    }
    values.update(fields)
    return LegalDocumentPage(**values)


@pytest.fixture
def new_page(index, types, agencies):
    def build(**fields):
        defaults = {"document_type": types["thong-bao"], "issuing_body": agencies["HU"]}
        return unsaved(index, **{**defaults, **fields})
    return build


# --- Số ký hiệu -------------------------------------------------------------------------------


@pytest.mark.parametrize("number", [
    "83-TB/HU", "03-CT/TW", "12/2024/QĐ-UBND", "101-QĐ/TW", "704-QĐ/TU", "45/2019/QH14", "1234/UBND-VP",
    "05/NQ-HĐND", "123a/QĐ-UBND", "08-QĐi/TW",
])
def test_well_formed_numbers_are_accepted(number):
    numbers.validate(number)


@pytest.mark.parametrize("number", ["TB/HU", "83", "83-", "83--TB", "83 TB HU", "12/2024", "83-TB/HU!", "83_TB", "٨٣-TB/HU"])
def test_malformed_numbers_are_refused_with_examples(number):
    with pytest.raises(ValidationError) as caught:
        numbers.validate(number)
    assert "không đúng dạng" in caught.value.messages[0]
    assert "83-TB/HU, 03-CT/TW, 12/2024/QĐ-UBND" in caught.value.messages[0]


def test_numbers_are_normalised_before_checking():
    assert numbers.normalize(" 83 - TB / HU ") == "83-TB/HU"
    assert numbers.normalize("12/2024/QĐ–UBND") == "12/2024/QĐ-UBND"  # an en dash from a word processor
    assert numbers.key("12/2024/qđ-ubnd") == numbers.key("12/2024/QĐ-UBND")
    assert numbers.serial("101-QĐ/TW") == 101 and numbers.serial("03-CT/TW") == 3


def test_a_blank_number_is_refused(new_page):
    assert errors_of(new_page(number="")) == {"number": "Hãy nhập số ký hiệu của văn bản, ví dụ 83-TB/HU."}


def test_a_malformed_number_is_refused(new_page):
    assert "Số ký hiệu “83 TB” không đúng dạng" in errors_of(new_page(number="83 TB"))["number"]


def test_the_number_is_unique_per_issuing_body_whatever_its_case(index, agencies, new_page):
    LegalDocumentFactory(parent=index, number="12/2024/QĐ-UBND", issuing_body=agencies["UBND"],
                         title="Về việc ban hành quy chế làm việc")
    message = errors_of(new_page(number="12/2024/qđ-ubnd", issuing_body=agencies["UBND"]))["number"]
    assert message == (
        "Ủy ban nhân dân huyện Kế Sách đã có văn bản số 12/2024/QĐ-UBND (“Về việc ban hành quy chế làm việc”). "
        "Số ký hiệu của một cơ quan không được trùng nhau."
    )
    # Another body may use the same number.
    new_page(number="12/2024/QĐ-UBND", issuing_body=agencies["TU"]).full_clean(exclude=["path", "depth"])


def test_a_draft_number_counts_too(index, agencies, new_page):
    page = LegalDocumentFactory(parent=index, number="1-TB/HU", issuing_body=agencies["HU"])
    page.number = "83-TB/HU"
    page.title = "Dự thảo thông báo kết luận"
    page.save_revision()  # a draft: the database row keeps 1-TB/HU
    assert LegalDocumentPage.objects.get(pk=page.pk).number == "1-TB/HU"
    message = errors_of(new_page(number="83-tb/hu"))["number"]
    assert "đã có văn bản số 83-TB/HU (“Dự thảo thông báo kết luận”)" in message


def test_a_document_does_not_clash_with_itself(index, agencies):
    page = LegalDocumentFactory(parent=index, number="5-TB/HU", issuing_body=agencies["HU"])
    page.title = "Trích yếu sửa lại"
    page.save_revision()
    page.full_clean()


# --- Dates and validity ---------------------------------------------------------------------


def test_the_effective_date_cannot_precede_the_issue_date(new_page):
    errors = errors_of(new_page(issued_on=datetime.date(2024, 3, 1), effective_on=datetime.date(2024, 2, 28)))
    assert errors == {"effective_on": "Ngày có hiệu lực (28/02/2024) không được trước ngày ban hành (01/03/2024)."}


def test_a_blank_effective_date_means_from_the_issue_date(new_page):
    page = new_page(issued_on=datetime.date(2024, 3, 1))
    page.full_clean(exclude=["path", "depth"])
    assert page.effective_on == datetime.date(2024, 3, 1)


def test_the_expiry_must_follow_the_effective_date(new_page):
    errors = errors_of(new_page(effective_on=datetime.date(2024, 3, 10), expires_on=datetime.date(2024, 3, 10)))
    assert errors == {"expires_on": "Ngày hết hiệu lực phải sau ngày có hiệu lực (10/03/2024)."}
    errors = errors_of(new_page(validity=Validity.NOT_YET, issued_on=TODAY, expires_on=TODAY - DAY))
    assert errors == {"expires_on": f"Ngày hết hiệu lực phải sau ngày ban hành ({TODAY:%d/%m/%Y})."}


def test_wholly_expired_needs_an_expiry_date_or_a_replacement(index, agencies, new_page):
    expected = (
        "Văn bản hết hiệu lực toàn bộ cần có ngày hết hiệu lực, hoặc một văn bản trên cổng thay thế nó "
        "(chọn ở mục “Thay thế văn bản” của văn bản mới)."
    )
    assert errors_of(new_page(validity=Validity.EXPIRED)) == {"validity": expected}
    new_page(validity=Validity.EXPIRED, expires_on=datetime.date(2025, 1, 1)).full_clean(exclude=["path", "depth"])

    old = LegalDocumentFactory(parent=index, number="7-TB/HU", issuing_body=agencies["HU"])
    newer = LegalDocumentFactory(parent=index, number="8-TB/HU", issuing_body=agencies["HU"])
    old.validity = Validity.EXPIRED
    assert errors_of(old) == {"validity": expected}
    newer.replaces = [old]
    newer.save()
    old.full_clean()


def test_not_yet_in_force_follows_the_calendar(new_page):
    page = new_page(validity=Validity.NOT_YET, issued_on=TODAY, effective_on=TODAY + 10 * DAY)
    page.full_clean(exclude=["path", "depth"])
    assert page.current_status == Validity.NOT_YET
    # Declared "not yet" without a date: stays so until a date is entered.
    page = new_page(validity=Validity.NOT_YET, issued_on=TODAY)
    page.full_clean(exclude=["path", "depth"])
    assert page.effective_on is None and page.current_status == Validity.NOT_YET
    # A date that has come makes it in force, whatever was declared: nothing to refuse, even later
    # (when a draft is approved or published on a schedule).
    page = new_page(validity=Validity.NOT_YET, issued_on=TODAY - 10 * DAY, effective_on=TODAY - DAY)
    page.full_clean(exclude=["path", "depth"])
    assert page.current_status == Validity.IN_FORCE


def test_several_problems_are_reported_together(new_page):
    errors = errors_of(new_page(number="abc", effective_on=datetime.date(2020, 1, 1), validity=Validity.EXPIRED))
    assert set(errors) == {"number", "effective_on", "validity"}


def test_required_fields_have_vietnamese_messages(index):
    page = unsaved(index, number="1-TB/HU", issued_on=None, title="Trích yếu")
    errors = errors_of(page)
    assert errors["document_type"] == "Hãy chọn loại văn bản."
    assert errors["issuing_body"] == "Hãy chọn cơ quan ban hành."
    assert errors["issued_on"] == "Hãy nhập ngày ban hành."


def test_the_status_rule_is_the_same_in_python_and_in_sql(index, agencies):
    """Every combination of declared status and dates gets one status, whichever way it is computed."""
    page = LegalDocumentFactory(parent=index, issuing_body=agencies["HU"], issued_on=TODAY - 60 * DAY)
    dates = [TODAY - 30 * DAY, TODAY, TODAY + 30 * DAY, None]
    seen = set()
    for declared, effective, expires in itertools.product(Validity.values, dates, dates):
        # Stored without validation: the rule must answer for any combination in the database.
        LegalDocumentPage.objects.filter(pk=page.pk).update(validity=declared, effective_on=effective, expires_on=expires)
        in_sql = LegalDocumentPage.objects.annotate(s=status_expression(TODAY)).get(pk=page.pk).s
        in_python = status_on(declared, effective, expires, TODAY)
        assert in_sql == in_python, (declared, effective, expires)
        seen.add(in_python)
    assert seen == set(Validity)
    assert status_on(Validity.IN_FORCE, TODAY - DAY, TODAY, TODAY) == Validity.EXPIRED  # expires today
    assert status_on(Validity.PARTLY_EXPIRED, TODAY + DAY, None, TODAY) == Validity.NOT_YET
    assert status_on(Validity.NOT_YET, TODAY - DAY, None, TODAY) == Validity.IN_FORCE  # its day has come


# --- Attachments -----------------------------------------------------------------------------


def test_pdf_and_word_files_are_accepted(pdf_file, docx_file):
    LegalDocumentAttachment(document=pdf_file).clean()
    LegalDocumentAttachment(document=docx_file).clean()


def test_other_files_are_refused_by_content(xlsx_file):
    with pytest.raises(ValidationError) as caught:
        LegalDocumentAttachment(document=xlsx_file).clean()
    assert caught.value.message_dict == {
        "document": ["Văn bản chỉ đính kèm được tệp PDF, DOC hoặc DOCX; tệp “Bảng số liệu” là bảng tính Excel."]
    }


def test_a_pdf_renamed_docx_is_refused(db):
    from .conftest import PDF

    renamed = stored_document("doi-ten.docx", PDF, "Tệp đổi tên")
    with pytest.raises(ValidationError) as caught:
        LegalDocumentAttachment(document=renamed).clean()
    assert "tệp “Tệp đổi tên” là tài liệu PDF" in caught.value.messages[0]


def test_an_unreadable_file_is_refused(pdf_file):
    pdf_file.file.storage.delete(pdf_file.file.name)
    with pytest.raises(ValidationError) as caught:
        LegalDocumentAttachment(document=pdf_file).clean()
    assert caught.value.messages == ["Không đọc được tệp “Toàn văn”. Hãy tải tệp lên lại."]


def test_the_body_is_cleaned_on_save(index, agencies):
    page = LegalDocumentFactory(parent=index, issuing_body=agencies["HU"],
                                body='<p onclick="x()">Nội dung<script>alert(1)</script></p>')
    page.refresh_from_db()
    assert page.body == "<p>Nội dung</p>"
