"""Demo content: the "Tiếp cận thông tin" page of UBND huyện Kế Sách.

Idempotent: the page is found by its slug and left alone once it exists; the focal
agency is found by its name. Contacts are placeholders, marked "(Dữ liệu mẫu)".
"""

from django.db import transaction

from eportal.core.models.taxonomy import Agency
from eportal.core.pages import publish_child
from eportal.news.models import NewsCategoryPage

from .models import AccessToInformationPage, PublishedInformationItem

SLUG = "tiep-can-thong-tin"
FOCAL_AGENCY = "Văn phòng HĐND và UBND huyện"
ON_PORTAL = "Đăng trên Cổng thông tin điện tử"
NOTICE_BOARD = "Bảng niêm yết tại trụ sở UBND huyện"

# (information, news category slug or None, web address, other place, form, timing)
ITEMS = [
    ("Tin bài về hoạt động chỉ đạo, điều hành của Huyện ủy, HĐND, UBND huyện", "tin-tuc-su-kien", "",
     "", ON_PORTAL, "Thường xuyên, ngay khi có thông tin"),
    ("Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung do HĐND, UBND huyện ban hành",
     "chi-dao-dieu-hanh", "", NOTICE_BOARD, f"{ON_PORTAL}; niêm yết",
     "Kịp thời sau khi văn bản được ban hành"),
    ("Thủ tục hành chính, quy trình giải quyết công việc", None, "https://dichvucong.gov.vn/",
     "Bộ phận Tiếp nhận và Trả kết quả huyện", "Đăng trên Cổng Dịch vụ công; niêm yết tại Bộ phận Một cửa",
     "Thường xuyên, cập nhật khi có thay đổi"),
    ("Dự thảo văn bản lấy ý kiến Nhân dân", None, "", "", ON_PORTAL,
     "Trong thời gian lấy ý kiến theo quy định"),
    ("Chương trình, kế hoạch phát triển kinh tế - xã hội; báo cáo tình hình kinh tế - xã hội của huyện",
     "kinh-te", "", "", ON_PORTAL, "Hằng năm và theo kỳ báo cáo"),
    ("Dự toán, quyết toán ngân sách huyện; báo cáo công khai ngân sách", None, "", NOTICE_BOARD,
     f"{ON_PORTAL}; niêm yết", "Theo thời hạn công khai ngân sách của pháp luật về ngân sách nhà nước"),
    ("Quy hoạch, kế hoạch sử dụng đất của huyện", None, "",
     "Trụ sở UBND huyện và UBND các xã, thị trấn", f"{ON_PORTAL}; niêm yết",
     "Trong suốt thời kỳ quy hoạch"),
    ("Kế hoạch đầu tư công trung hạn và hằng năm; danh mục dự án đầu tư công trên địa bàn huyện", None, "",
     "", ON_PORTAL, "Sau khi được cấp có thẩm quyền phê duyệt"),
    ("Cơ cấu tổ chức, chức năng, nhiệm vụ, quyền hạn của cơ quan; thông tin tuyển dụng", None, "",
     "", ON_PORTAL, "Thường xuyên, cập nhật khi có thay đổi"),
    ("Danh mục thông tin phải được công khai (danh mục này)", None, "", "", ON_PORTAL,
     "Cập nhật khi có thay đổi"),
]

REQUEST_GUIDE = (
    "<p>Công dân yêu cầu cung cấp thông tin bằng một trong các cách sau:</p>"
    "<ul><li>Gửi phiếu yêu cầu trực tuyến trên trang này (mục “Gửi yêu cầu cung cấp thông tin”);</li>"
    "<li>Đến trực tiếp hoặc gửi phiếu yêu cầu qua đường bưu điện đến đầu mối cung cấp thông tin;</li>"
    "<li>Gửi thư điện tử đến địa chỉ của đầu mối cung cấp thông tin.</li></ul>"
    "<p>Phiếu yêu cầu ghi rõ họ tên, địa chỉ, cách liên lạc, thông tin cần cung cấp, mục đích sử dụng và "
    "hình thức nhận thông tin. Thời hạn giải quyết: 15 ngày làm việc kể từ ngày nhận yêu cầu hợp lệ.</p>"
)
COMPLAINT_TEXT = (
    "<p>Người yêu cầu cung cấp thông tin có quyền khiếu nại, khởi kiện, tố cáo hành vi vi phạm pháp luật "
    "về tiếp cận thông tin theo quy định của Luật Tiếp cận thông tin năm 2016, pháp luật về khiếu nại, "
    "tố cáo và tố tụng hành chính.</p>"
)


def _agency():
    agency, _ = Agency.objects.get_or_create(name=FOCAL_AGENCY, defaults={"short_name": "VP HĐND-UBND"})
    return agency


def _item(home, title, category_slug, url, place, form, timing, order):
    link_page = None
    if category_slug:
        link_page = NewsCategoryPage.objects.child_of(home).filter(slug=category_slug).first()
    return PublishedInformationItem(
        title=title, link_page=link_page, link_url="" if link_page else url,
        place=place, form=form, timing=timing, sort_order=order,
    )


def load(site, home):
    with transaction.atomic():
        page = AccessToInformationPage.objects.child_of(home).filter(slug=SLUG).first()
        if page is not None:
            return page
        page = AccessToInformationPage(
            title="Tiếp cận thông tin", slug=SLUG,
            intro="Căn cứ Luật Tiếp cận thông tin năm 2016, UBND huyện Kế Sách công khai danh mục thông tin "
                  "dưới đây và tiếp nhận yêu cầu cung cấp thông tin của công dân. "
                  "(Dữ liệu mẫu: thông tin liên hệ chỉ để minh họa.)",
            focal_agency=_agency(),
            focal_person="Chánh Văn phòng HĐND và UBND huyện (Dữ liệu mẫu)",
            focal_address="Thị trấn Kế Sách, huyện Kế Sách, tỉnh Sóc Trăng",
            focal_phone="0299 000 0000 (Dữ liệu mẫu)",
            focal_email="tiepcanthongtin@kesach.example",
            request_guide=REQUEST_GUIDE,
            complaint_text=COMPLAINT_TEXT,
            complaint_contact="Thanh tra huyện Kế Sách – Thị trấn Kế Sách, huyện Kế Sách, tỉnh Sóc Trăng "
                              "(Dữ liệu mẫu)\nTrụ sở Tiếp công dân huyện: tiếp công dân vào các ngày làm việc.",
        )
        page.published_items = [_item(home, *item, order) for order, item in enumerate(ITEMS)]
        return publish_child(home, page)
