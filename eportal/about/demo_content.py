"""Demo content of the "Giới thiệu" section for the Kế Sách portal.

Only general facts: the role of a district People's Committee under the Law on
Organisation of Local Government, and Kế Sách's place in Sóc Trăng. People, phone numbers
and e-mail addresses are placeholders, marked "Dữ liệu mẫu" (e-mails use the reserved
.invalid domain).
"""

DEMO_NOTE = (
    "<p><b>Dữ liệu mẫu:</b> nội dung này do bộ cài đặt tạo để minh họa; "
    "Ban biên tập thay bằng thông tin chính thức của đơn vị.</p>"
)
PLACEHOLDER_NAME = "(Dữ liệu mẫu) Họ và tên"
DEMO_ADDRESS = "Thị trấn Kế Sách, huyện Kế Sách, tỉnh Sóc Trăng"
TWO_LEVEL_NOTE = (
    "Từ ngày 01/7/2025, chính quyền địa phương ở Việt Nam được tổ chức theo mô hình hai cấp "
    "(cấp tỉnh và cấp xã); đơn vị hành chính cấp huyện kết thúc hoạt động và Ủy ban nhân dân "
    "cấp huyện không còn."
)

ABOUT = {
    "title": "Giới thiệu",
    "slug": "gioi-thieu",
    "intro": "Tổ chức bộ máy, chức năng, nhiệm vụ, lãnh đạo, các phòng, ban, lịch sử - văn hóa "
             "và người phát ngôn của Ủy ban nhân dân huyện Kế Sách, tỉnh Sóc Trăng.",
    "body": (
        "<p>Huyện Kế Sách thuộc tỉnh Sóc Trăng, vùng Đồng bằng sông Cửu Long. Mục Giới thiệu cung cấp "
        "thông tin về tổ chức bộ máy, chức năng, nhiệm vụ, lãnh đạo và các đầu mối liên hệ của "
        "Ủy ban nhân dân huyện, để người dân, doanh nghiệp và cơ quan báo chí tiện liên hệ.</p>"
        f"<p>{TWO_LEVEL_NOTE}</p>" + DEMO_NOTE
    ),
}

FUNCTIONS = {
    "title": "Chức năng, nhiệm vụ",
    "slug": "chuc-nang-nhiem-vu",
    "intro": "Vị trí, chức năng, nhiệm vụ và cơ cấu tổ chức của Ủy ban nhân dân huyện theo "
             "Luật Tổ chức chính quyền địa phương.",
    "body": (
        "<h2>Vị trí, chức năng</h2>"
        "<p>Theo Luật Tổ chức chính quyền địa phương năm 2015, Ủy ban nhân dân huyện do Hội đồng nhân dân "
        "huyện bầu, là cơ quan chấp hành của Hội đồng nhân dân huyện, cơ quan hành chính nhà nước ở địa "
        "phương, chịu trách nhiệm trước Nhân dân địa phương, Hội đồng nhân dân huyện và cơ quan hành "
        "chính nhà nước cấp trên.</p>"
        "<h2>Nhiệm vụ, quyền hạn chủ yếu</h2>"
        "<ul>"
        "<li>Xây dựng, trình Hội đồng nhân dân huyện quyết định các nội dung thuộc thẩm quyền của Hội đồng "
        "nhân dân huyện và tổ chức thực hiện các nghị quyết của Hội đồng nhân dân huyện.</li>"
        "<li>Quy định tổ chức bộ máy và nhiệm vụ, quyền hạn cụ thể của các cơ quan chuyên môn thuộc "
        "Ủy ban nhân dân huyện.</li>"
        "<li>Tổ chức thực hiện ngân sách huyện; quản lý nhà nước về kinh tế - xã hội, quốc phòng, an ninh "
        "trên địa bàn huyện.</li>"
        "<li>Thực hiện nhiệm vụ, quyền hạn do cơ quan nhà nước cấp trên phân cấp, ủy quyền.</li>"
        "</ul>"
        "<h2>Cơ cấu tổ chức</h2>"
        "<p>Ủy ban nhân dân huyện gồm Chủ tịch, các Phó Chủ tịch và các Ủy viên. Ủy viên Ủy ban nhân dân "
        "huyện gồm người đứng đầu các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện, Ủy viên phụ trách "
        "quân sự và Ủy viên phụ trách công an.</p>"
        "<h2>Thay đổi từ ngày 01/7/2025</h2>"
        f"<p>{TWO_LEVEL_NOTE} Nội dung trên mô tả mô hình trước thời điểm này.</p>" + DEMO_NOTE
    ),
}

HISTORY = {
    "title": "Lịch sử - Văn hóa",
    "slug": "lich-su-van-hoa",
    "intro": "Khái quát về vị trí, đơn vị hành chính và đời sống văn hóa của huyện Kế Sách.",
    "body": (
        "<p>Kế Sách là một huyện của tỉnh Sóc Trăng, thuộc vùng Đồng bằng sông Cửu Long. Trên địa bàn huyện "
        "có thị trấn Kế Sách và các xã, trong đó có các xã Thới An Hội, Kế An, Ba Trinh, Xuân Hòa.</p>"
        "<p>Sóc Trăng là địa phương có đồng bào các dân tộc Kinh, Khmer và Hoa cùng sinh sống, "
        "với đời sống văn hóa, lễ hội phong phú.</p>"
        f"<p>{TWO_LEVEL_NOTE} Tư liệu về lịch sử, văn hóa của huyện Kế Sách được lưu lại ở đây "
        "như một phần thông tin của địa phương.</p>" + DEMO_NOTE
    ),
}

LEADERSHIP = {
    "title": "Lãnh đạo",
    "slug": "lanh-dao",
    "intro": "Lãnh đạo Ủy ban nhân dân huyện và lĩnh vực phụ trách. Dữ liệu mẫu: họ tên, số điện thoại "
             "và thư điện tử là giả định.",
}
LEADERS = [
    ("Chủ tịch Ủy ban nhân dân huyện", "Lãnh đạo, điều hành chung công việc của Ủy ban nhân dân huyện.",
     "0299 3 000 001", "chutich@kesach.invalid"),
    ("Phó Chủ tịch Ủy ban nhân dân huyện", "Khối kinh tế (dữ liệu mẫu).",
     "0299 3 000 002", "phochutich.kinhte@kesach.invalid"),
    ("Phó Chủ tịch Ủy ban nhân dân huyện", "Khối văn hóa - xã hội (dữ liệu mẫu).",
     "0299 3 000 003", "phochutich.vanhoa@kesach.invalid"),
]

DEPARTMENTS_PAGE = {
    "title": "Các phòng, ban",
    "slug": "cac-phong-ban",
    "intro": "Các cơ quan chuyên môn thuộc Ủy ban nhân dân huyện. Dữ liệu mẫu: người đứng đầu, "
             "số điện thoại và thư điện tử là giả định.",
}
DEPARTMENTS = [
    ("Văn phòng HĐND và UBND huyện", "Chánh Văn phòng", "0299 3 000 010", "vanphong@kesach.invalid",
     "Tham mưu tổng hợp cho Hội đồng nhân dân, Ủy ban nhân dân huyện; tham mưu cho Chủ tịch Ủy ban nhân dân "
     "huyện về chỉ đạo, điều hành; bảo đảm cơ sở vật chất, kỹ thuật cho hoạt động của Hội đồng nhân dân, "
     "Ủy ban nhân dân huyện."),
    ("Phòng Nội vụ", "Trưởng phòng", "0299 3 000 011", "noivu@kesach.invalid",
     "Tham mưu, giúp Ủy ban nhân dân huyện quản lý nhà nước về tổ chức bộ máy; vị trí việc làm; cán bộ, công "
     "chức, viên chức; cải cách hành chính; thi đua, khen thưởng; văn thư, lưu trữ."),
    ("Phòng Tư pháp", "Trưởng phòng", "0299 3 000 012", "tuphap@kesach.invalid",
     "Tham mưu, giúp Ủy ban nhân dân huyện quản lý nhà nước về xây dựng và thi hành pháp luật, kiểm tra văn bản "
     "quy phạm pháp luật, phổ biến, giáo dục pháp luật, hòa giải ở cơ sở, hộ tịch, chứng thực."),
    ("Phòng Tài nguyên và Môi trường", "Trưởng phòng", "0299 3 000 013", "tnmt@kesach.invalid",
     "Tham mưu, giúp Ủy ban nhân dân huyện quản lý nhà nước về đất đai, tài nguyên nước, tài nguyên khoáng sản, "
     "môi trường và biến đổi khí hậu."),
    ("Phòng Tài chính - Kế hoạch", "Trưởng phòng", "0299 3 000 014", "taichinh@kesach.invalid",
     "Tham mưu, giúp Ủy ban nhân dân huyện quản lý nhà nước về tài chính, ngân sách, kế hoạch và đầu tư."),
]

SPOKESPERSON = {
    "title": "Người phát ngôn và cung cấp thông tin cho báo chí",
    "slug": "nguoi-phat-ngon",
    "intro": "Người phát ngôn và cung cấp thông tin cho báo chí của Ủy ban nhân dân huyện. Dữ liệu mẫu: "
             "họ tên, số điện thoại, thư điện tử và quyết định là giả định.",
    "full_name": PLACEHOLDER_NAME,
    "position": "Chủ tịch Ủy ban nhân dân huyện",
    "phone": "0299 3 000 001",
    "email": "phatngon@kesach.invalid",
    "decision": "(Dữ liệu mẫu) Quyết định số .../QĐ-UBND ngày .../.../... của Chủ tịch Ủy ban nhân dân huyện "
                "Kế Sách về việc giao nhiệm vụ phát ngôn và cung cấp thông tin cho báo chí.",
    "duties": "\n".join([
        "Phát ngôn và cung cấp thông tin cho báo chí về hoạt động của Ủy ban nhân dân huyện.",
        "Cung cấp thông tin định kỳ, đột xuất và theo yêu cầu của cơ quan báo chí.",
        "Phối hợp với Ban Tuyên giáo Huyện ủy trong công tác thông tin, tuyên truyền.",
        "Đề nghị cải chính thông tin sai sự thật về hoạt động của Ủy ban nhân dân huyện.",
    ]),
}

CONTACT = {
    "title": "Liên hệ",
    "slug": "lien-he",
    "intro": "Các đầu mối liên hệ của Ủy ban nhân dân huyện Kế Sách. Dữ liệu mẫu: số điện thoại và "
             "thư điện tử dưới đây là giả định.",
    "hotline": "0299 3 000 000",
    "hotline_note": "Tiếp nhận phản ánh, kiến nghị của người dân và doanh nghiệp (dữ liệu mẫu).",
}
OFFICE_HOURS = "Sáng 7 giờ - 11 giờ, chiều 13 giờ - 17 giờ, từ thứ Hai đến thứ Sáu (dữ liệu mẫu)"
CONTACT_POINTS = [
    ("Văn phòng HĐND và UBND huyện", "0299 3 000 010", "vanphong@kesach.invalid"),
    ("Bộ phận Tiếp nhận và Trả kết quả huyện (Bộ phận Một cửa)", "0299 3 000 020", "motcua@kesach.invalid"),
]

ENGLISH = {
    "title": "About Ke Sach District",
    "slug": "en",
    "organisation_name": "People's Committee of Ke Sach District, Soc Trang Province",
    "intro": "Ke Sach is a district of Soc Trang province in the Mekong Delta of Viet Nam. This page "
             "summarises, in English, the electronic information portal of the district People's Committee.",
    "body": (
        "<p>Under the Law on Organisation of Local Government, the district People's Committee is elected by "
        "the district People's Council. It is the executive body of the Council and the state administrative "
        "body of the locality, accountable to the local people, the People's Council and the higher "
        "administrative authorities.</p>"
        "<p>Since 1 July 2025, local government in Viet Nam has two levels, province and commune; "
        "district-level People's Committees have been dissolved.</p>"
        "<p><b>Sample data:</b> the contact details below are placeholders.</p>"
    ),
    "address": "Ke Sach Town, Ke Sach District, Soc Trang Province, Viet Nam",
}
ENGLISH_CONTACTS = [
    ("Office of the People's Council and People's Committee (sample data)", "0299 3 000 010",
     "vanphong@kesach.invalid", "Monday to Friday, 7:00-11:00 and 13:00-17:00 (sample data)"),
]
