"""The usual document types (loại văn bản): (slug, name, abbreviation).

Abbreviations follow the Party's rules for its documents (Quy định 66-QĐ/TW), where a
Quy định and a Quyết định are both "QĐ", and Nghị định 30/2020/NĐ-CP for the state's.
Seeded by a data migration; read by the demo loader too.
"""

DOCUMENT_TYPES = [
    ("nghi-quyet", "Nghị quyết", "NQ"),
    ("quyet-dinh", "Quyết định", "QĐ"),
    ("chi-thi", "Chỉ thị", "CT"),
    ("ket-luan", "Kết luận", "KL"),
    ("quy-dinh", "Quy định", "QĐ"),
    ("quy-che", "Quy chế", "QC"),
    ("ke-hoach", "Kế hoạch", "KH"),
    ("chuong-trinh", "Chương trình", "CTr"),
    ("thong-bao", "Thông báo", "TB"),
    ("huong-dan", "Hướng dẫn", "HD"),
    ("bao-cao", "Báo cáo", "BC"),
    ("to-trinh", "Tờ trình", "TTr"),
    ("cong-van", "Công văn", "CV"),
    ("cong-dien", "Công điện", "CĐ"),
    ("luat", "Luật", ""),
    ("nghi-dinh", "Nghị định", "NĐ"),
    ("thong-tu", "Thông tư", "TT"),
]


def ensure_document_type(model, slug):
    """The type with this slug (or this seeded type's name), created from the seed list if missing."""
    seeded = {entry[0]: entry for entry in DOCUMENT_TYPES}
    _, name, abbreviation = seeded[slug]
    found = model.objects.filter(slug=slug).first() or model.objects.filter(name=name).first()
    if found is None:
        order = [entry[0] for entry in DOCUMENT_TYPES].index(slug) * 10
        found = model.objects.create(slug=slug, name=name, abbreviation=abbreviation, sort_order=order)
    return found
