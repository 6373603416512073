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

# The usual categories of a district portal, in menu order.
CATEGORIES = [
    "Tin tức - Sự kiện",
    "Chính trị",
    "Kinh tế",
    "Văn hóa - Xã hội",
    "Quốc phòng - An ninh",
    "Chỉ đạo - Điều hành",
    "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
]
# Shown in the main menu (the rest are reachable from the home page).
MENU_CATEGORIES = CATEGORIES[:5]

VIDEO_LIBRARY_TITLE = "Video Clip"

WEBSITE_LINKS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
    ("Báo điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn/"),
    ("Cổng thông tin điện tử Quốc hội", "https://quochoi.vn/"),
    ("Cổng thông tin điện tử tỉnh Sóc Trăng", "https://www.soctrang.gov.vn/"),
]
