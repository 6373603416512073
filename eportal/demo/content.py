"""The demo portal: UBND Huyện Kế Sách, tỉnh Sóc Trăng, as its legacy portal showed it."""

from pathlib import Path

from django.conf import settings

SEED_DIR = Path(settings.BASE_DIR) / "demo" / "legacy"

IDENTITY = {
    "portal_title": "Cổng thông tin điện tử UBND Huyện Kế Sách tỉnh Sóc Trăng",
    "agency_name": "Ủy ban nhân dân huyện Kế Sách",
    "province": "Sóc Trăng",
    "address": "Thị trấn Kế Sách, huyện Kế Sách, tỉnh Sóc Trăng",
    "responsible_person": "Trưởng Ban biên tập Cổng thông tin điện tử huyện Kế Sách",
    "license_note": "Ghi rõ nguồn “Cổng thông tin điện tử UBND Huyện Kế Sách” khi phát hành lại thông tin từ cổng này.",
}

# The usual news categories of a district portal, and the sections the law asks to be
# published as categorised content (Chỉ đạo điều hành ... Phổ biến pháp luật).
CATEGORIES = [
    "Tin tức - Sự kiện",
    "Chính trị",
    "Kinh tế",
    "Văn hóa - Xã hội",
    "Quốc phòng - An ninh",
    "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
    "Chỉ đạo điều hành",
    "Quy hoạch - Kế hoạch",
    "Đầu tư công - Đấu thầu",
    "Thống kê",
    "Phổ biến pháp luật",
]

# Each section app's demo.load(site, home), run after the categories exist.
SECTION_DEMOS = [
    "eportal.about.demo",
    "eportal.documents.demo",
    "eportal.procedures.demo",
    "eportal.questions.demo",
    "eportal.consultations.demo",
    "eportal.schedule.demo",
    "eportal.access.demo",
    "eportal.satisfaction.demo",
    "eportal.core.sitemap_demo",
]

# The main menu after "Trang chủ", in the usual order of a state portal: slugs of the
# home page's children.
MAIN_MENU = [
    "gioi-thieu",
    "tin-tuc-su-kien",
    "van-ban",
    "thu-tuc-hanh-chinh",
    "hoi-dap",
    "lay-y-kien",
    "lich-cong-tac",
    "lien-he",
    "so-do-cong",
]

VIDEO_LIBRARY_TITLE = "Video Clip"

WEBSITE_LINKS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
    ("Báo điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn/"),
    ("Cổng thông tin điện tử Quốc hội", "https://quochoi.vn/"),
    ("Cổng thông tin điện tử tỉnh Sóc Trăng", "https://www.soctrang.gov.vn/"),
]
