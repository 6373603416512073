"""Seed the life events (sự kiện cuộc sống) that group procedures for citizens."""

from django.db import migrations

LIFE_EVENTS = [
    ("khai-sinh", "Khai sinh", "Đăng ký khai sinh, nhập hộ khẩu, cấp thẻ bảo hiểm y tế cho trẻ em"),
    ("ket-hon", "Kết hôn", "Đăng ký kết hôn, xác nhận tình trạng hôn nhân"),
    ("khai-tu", "Khai tử", "Đăng ký khai tử, mai táng phí, trợ cấp tuất"),
    ("xay-dung-nha-o", "Xây dựng nhà ở", "Giấy phép xây dựng, sửa chữa, cải tạo nhà ở"),
    ("dat-dai-nha-o", "Đất đai - nhà ở", "Chuyển nhượng, thừa kế, cấp giấy chứng nhận quyền sử dụng đất"),
    ("kinh-doanh-ho-ca-the", "Kinh doanh hộ cá thể", "Đăng ký, thay đổi, tạm ngừng hộ kinh doanh"),
    ("hoc-tap", "Học tập", "Tuyển sinh, chuyển trường, văn bằng, chứng chỉ"),
    ("viec-lam", "Việc làm", "Tìm việc làm, trợ cấp thất nghiệp, học nghề"),
    ("huu-tri", "Hưu trí", "Nghỉ hưu, lương hưu, trợ cấp xã hội cho người cao tuổi"),
]


def seed(apps, schema_editor):
    LifeEvent = apps.get_model("procedures", "LifeEvent")
    for order, (slug, name, description) in enumerate(LIFE_EVENTS):
        if not LifeEvent.objects.filter(slug=slug).exists() and not LifeEvent.objects.filter(name=name).exists():
            LifeEvent.objects.create(slug=slug, name=name, description=description, sort_order=order * 10)


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
