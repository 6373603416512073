"""Demo procedures: common commune and district procedures in general wording.

No national codes, fee amounts or legal references are given here on purpose: they change,
and the authoritative text is on the national public-service portal.
"""

DEMO_NOTE = "Dữ liệu mẫu: nội dung tham khảo, không thay thế thông tin trên Cổng Dịch vụ công quốc gia."
NATIONAL_PORTAL = "https://dichvucong.gov.vn/"

INDEX = {
    "title": "Thủ tục hành chính",
    "slug": "thu-tuc-hanh-chinh",
    "intro": (
        "Tra cứu thủ tục hành chính thực hiện tại huyện Kế Sách và các xã, thị trấn: thành phần hồ sơ, "
        "trình tự, thời hạn, phí, lệ phí và nơi nộp hồ sơ. Hồ sơ trực tuyến được nộp trên Cổng Dịch vụ "
        "công quốc gia; cổng thông tin này chỉ hướng dẫn, không tiếp nhận hồ sơ."
    ),
}

SECTORS = ["Hộ tịch", "Chứng thực", "Xây dựng", "Thành lập và hoạt động của hộ kinh doanh"]

COMMUNE = "Ủy ban nhân dân cấp xã"
DISTRICT = "Ủy ban nhân dân huyện Kế Sách"
JUSTICE = "Phòng Tư pháp huyện Kế Sách"
AGENCIES = {
    COMMUNE: {"short_name": "UBND xã"},
    DISTRICT: {"short_name": "UBND"},
    JUSTICE: {"short_name": "PTP"},
}

FORM_TITLE = "Dữ liệu mẫu - Tờ khai minh họa cho thủ tục hành chính"
FORM_FILENAME = "du-lieu-mau-to-khai-minh-hoa.odt"
FORM_TEXT = [
    "DỮ LIỆU MẪU",
    "Tệp này chỉ minh họa cách cổng thông tin đính kèm mẫu đơn, tờ khai cho người dân tải về.",
    "Hãy dùng mẫu đơn, tờ khai hiện hành đăng trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn/).",
]

TIME_GENERAL = "Theo quy định hiện hành. Xem thời hạn cụ thể của thủ tục trên Cổng Dịch vụ công quốc gia."
FEES_GENERAL = (
    "Theo quy định hiện hành. Xem mức phí, lệ phí và các trường hợp được miễn, giảm trên "
    "Cổng Dịch vụ công quốc gia."
)


def _steps(where):
    return [
        ("Chuẩn bị hồ sơ", "Chuẩn bị đủ các giấy tờ nêu ở mục Thành phần hồ sơ."),
        ("Nộp hồ sơ", f"Nộp tại Bộ phận tiếp nhận và trả kết quả của {where}, hoặc theo cách thức khác nêu dưới đây."),
        ("Kiểm tra, giải quyết hồ sơ",
         "Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đầy đủ được hướng dẫn bổ sung một lần bằng văn bản."),
        ("Nhận kết quả", "Nhận kết quả tại nơi nộp hồ sơ hoặc theo cách đã đăng ký khi nộp."),
    ]


IN_PERSON = ("truc-tiep", "Tại Bộ phận tiếp nhận và trả kết quả, trong giờ hành chính các ngày làm việc.")
ONLINE = ("truc-tuyen", "Trên Cổng Dịch vụ công quốc gia, với tài khoản định danh điện tử.")
POST = ("buu-chinh", "Gửi hồ sơ và nhận kết quả qua dịch vụ bưu chính công ích.")

PROCEDURES = [
    {
        "slug": "dang-ky-khai-sinh",
        "title": "Đăng ký khai sinh",
        "summary": "Đăng ký khai sinh cho trẻ em tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ.",
        "sector": "Hộ tịch",
        "level": "xa",
        "agency": COMMUNE,
        "life_events": ["khai-sinh"],
        "steps": _steps("Ủy ban nhân dân cấp xã"),
        "methods": [IN_PERSON, ONLINE],
        "dossier": [
            ("Tờ khai đăng ký khai sinh theo mẫu", 1, 0, "", True),
            ("Giấy chứng sinh hoặc giấy tờ thay thế giấy chứng sinh theo quy định", 1, 0, "", False),
            ("Giấy tờ tùy thân của người đi đăng ký khai sinh", 0, 0, "Xuất trình để đối chiếu.", False),
        ],
        "result": "Giấy khai sinh.",
        "requirements": "",
        "legal": ["Luật Hộ tịch và các văn bản hướng dẫn thi hành (xem văn bản hiện hành trên Cổng Dịch vụ công quốc gia)."],
        "online": True,
    },
    {
        "slug": "dang-ky-ket-hon",
        "title": "Đăng ký kết hôn",
        "summary": "Đăng ký kết hôn giữa hai công dân Việt Nam cư trú trong nước, tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên.",
        "sector": "Hộ tịch",
        "level": "xa",
        "agency": COMMUNE,
        "life_events": ["ket-hon"],
        "steps": _steps("Ủy ban nhân dân cấp xã"),
        "methods": [IN_PERSON, ONLINE],
        "dossier": [
            ("Tờ khai đăng ký kết hôn theo mẫu", 1, 0, "", True),
            ("Giấy tờ chứng minh tình trạng hôn nhân, trong trường hợp phải nộp theo quy định", 1, 0, "", False),
            ("Giấy tờ tùy thân của hai bên nam, nữ", 0, 0, "Xuất trình để đối chiếu.", False),
        ],
        "result": "Giấy chứng nhận kết hôn.",
        "requirements": (
            "Hai bên nam, nữ đáp ứng điều kiện kết hôn theo Luật Hôn nhân và gia đình; "
            "cả hai bên cùng có mặt khi đăng ký kết hôn."
        ),
        "legal": [
            "Luật Hôn nhân và gia đình, Luật Hộ tịch và các văn bản hướng dẫn thi hành "
            "(xem văn bản hiện hành trên Cổng Dịch vụ công quốc gia)."
        ],
        "online": True,
    },
    {
        "slug": "chung-thuc-ban-sao-tu-ban-chinh",
        "title": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "summary": "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận.",
        "sector": "Chứng thực",
        "level": "huyen",
        "agency": JUSTICE,
        "life_events": [],
        "steps": _steps("Phòng Tư pháp huyện"),
        "methods": [IN_PERSON],
        "dossier": [
            ("Bản chính giấy tờ, văn bản cần chứng thực", 1, 0, "Được trả lại sau khi chứng thực.", False),
            ("Bản sao cần chứng thực, nếu người yêu cầu tự chuẩn bị", 0, 1, "", False),
        ],
        "result": "Bản sao được chứng thực từ bản chính.",
        "requirements": "Bản chính không thuộc các trường hợp không được dùng làm cơ sở để chứng thực bản sao theo quy định.",
        "legal": ["Các văn bản quy định về chứng thực bản sao từ bản chính (xem văn bản hiện hành trên Cổng Dịch vụ công quốc gia)."],
        "online": False,
    },
    {
        "slug": "cap-giay-phep-xay-dung-nha-o-rieng-le",
        "title": "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "summary": "Cấp giấy phép xây dựng mới nhà ở riêng lẻ của hộ gia đình, cá nhân thuộc trường hợp phải có giấy phép.",
        "sector": "Xây dựng",
        "level": "huyen",
        "agency": DISTRICT,
        "life_events": ["xay-dung-nha-o", "dat-dai-nha-o"],
        "steps": _steps("Ủy ban nhân dân huyện Kế Sách"),
        "methods": [IN_PERSON, POST, ONLINE],
        "dossier": [
            ("Đơn đề nghị cấp giấy phép xây dựng theo mẫu", 1, 0, "", True),
            ("Giấy tờ hợp pháp về quyền sử dụng đất", 0, 1, "", False),
            ("Bản vẽ thiết kế xây dựng", 1, 0, "Số bộ và nội dung bản vẽ theo quy định hiện hành.", False),
        ],
        "result": "Giấy phép xây dựng.",
        "requirements": "Công trình phù hợp với quy hoạch và mục đích sử dụng đất theo quy định.",
        "legal": ["Luật Xây dựng và các văn bản hướng dẫn thi hành (xem văn bản hiện hành trên Cổng Dịch vụ công quốc gia)."],
        "online": True,
    },
    {
        "slug": "dang-ky-thanh-lap-ho-kinh-doanh",
        "title": "Đăng ký thành lập hộ kinh doanh",
        "summary": "Đăng ký thành lập hộ kinh doanh do cá nhân hoặc các thành viên hộ gia đình làm chủ.",
        "sector": "Thành lập và hoạt động của hộ kinh doanh",
        "level": "huyen",
        "agency": DISTRICT,
        "life_events": ["kinh-doanh-ho-ca-the"],
        "steps": _steps("Ủy ban nhân dân huyện Kế Sách"),
        "methods": [IN_PERSON, POST, ONLINE],
        "dossier": [
            ("Giấy đề nghị đăng ký hộ kinh doanh theo mẫu", 1, 0, "", True),
            ("Giấy tờ pháp lý của cá nhân là chủ hộ kinh doanh", 0, 1, "", False),
            (
                "Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh, "
                "khi các thành viên hộ gia đình cùng đăng ký", 1, 0, "", False,
            ),
        ],
        "result": "Giấy chứng nhận đăng ký hộ kinh doanh.",
        "requirements": "",
        "legal": ["Các văn bản quy định về đăng ký hộ kinh doanh (xem văn bản hiện hành trên Cổng Dịch vụ công quốc gia)."],
        "online": True,
    },
]
