"""Generates N saved Liferay-like article pages (with one shared image) for a throughput run.

    .venv/bin/python -m bench.legacy_pages /tmp/pages 2000
    time .venv/bin/eportal import-legacy /tmp/pages --report /tmp/pages.csv
"""

import shutil
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "legacy" / "fixtures" / "liferay"
CATEGORIES = ["Kinh tế - Xã hội", "Văn hóa - Thể thao", "Thông báo", "Nông nghiệp", "Giáo dục"]

PAGE = """<!DOCTYPE html>
<!-- saved from url=(0100)https://kesach.soctrang.gov.vn/web/ubnd-ke-sach/tin-tuc/-/asset_publisher/Xk7d/content/bai-viet-so-{n} -->
<html lang="vi"><head><meta charset="utf-8"><title>Bài viết số {n} - Cổng thông tin điện tử huyện Kế Sách</title>
<script>var Liferay = {{}};</script></head><body>
<nav id="navigation"><ul><li><a href="/web/ubnd-ke-sach/trang-chu">Trang chủ</a></li></ul></nav>
<ul class="breadcrumbs"><li><a href="#">Trang chủ</a></li><li><a href="#">{category}</a></li></ul>
<div class="asset-full-content"><div class="taglib-header"><h3 class="header-title"><span>Tin hoạt động số {n} của huyện Kế Sách</span></h3></div>
<div class="asset-content"><div class="journal-content-article">
<p class="ngay-dang">({day:02d}/{month:02d}/2023 08:{minute:02d})</p>
<p style="text-align:justify">Ngày {day}/{month}, Ủy ban nhân dân huyện Kế Sách tổ chức hội nghị số {n} nhằm triển khai các nhiệm vụ trọng tâm; các đại biểu đã thảo luận sôi nổi về kết quả thực hiện.</p>
<p><img alt="Quang cảnh hội nghị số {n}" src="./anh-chung.jpg"></p>
<p>Hội nghị thống nhất các giải pháp để <strong>hoàn thành kế hoạch</strong> năm 2023 và chuẩn bị cho năm tiếp theo.</p>
<ul><li>Đẩy mạnh cải cách hành chính;</li><li>Tăng cường chuyển đổi số.</li></ul>
<p style="text-align:right"><strong>Phòng Văn hóa - Thông tin, UBND huyện Kế Sách</strong></p>
</div></div>
<div class="taglib-social-bookmarks"><a href="#">Chia sẻ</a></div></div></body></html>
"""


def main(target: str, count: int) -> None:
    folder = Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "hoi-nghi-tong-ket_files" / "hoi-nghi-tong-ket-2023.jpg", folder / "anh-chung.jpg")
    for n in range(1, count + 1):
        text = PAGE.format(n=n, category=CATEGORIES[n % len(CATEGORIES)], day=n % 28 + 1, month=n % 12 + 1,
                           minute=n % 60)
        (folder / f"bai-{n:05d}.html").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
