"""Demo content: the "Văn bản" page with the documents the Kế Sách article of 11/11/2015 names.

Idempotent: the index page is found by its slug, agencies and sectors by name, and a document
by its issuing body and number, so running the loader twice (or after editors' changes)
adds nothing and changes nothing.

What the legacy portal does not tell is marked as demo data ("Dữ liệu mẫu") in the
document's note: placeholder dates and summaries that must be checked against the originals.
No original files are available: each document carries a small DOCX labelled "Dữ liệu mẫu"
that holds only the document's metadata.
"""

import datetime
import io
import zipfile
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model

from eportal.core.models import Agency, Sector
from eportal.core.pages import publish_child
from eportal.core.text import vn_slugify

from . import numbers
from .models import DocumentIndexPage, DocumentType, LegalDocumentAttachment, LegalDocumentPage
from .seeds import ensure_document_type

SLUG = "van-ban"
TITLE = "Văn bản"
INTRO = (
    "Văn bản chỉ đạo, điều hành của Đảng và Nhà nước được đăng trên cổng. Các văn bản có ghi chú "
    "“Dữ liệu mẫu” chỉ để minh họa, chưa được đối chiếu với bản gốc."
)
DEMO = "Dữ liệu mẫu"

# (name, short name)
AGENCIES = [
    ("Bộ Chính trị", "TW"),
    ("Ban Bí thư", "TW"),
    ("Ban Thường vụ Tỉnh ủy Sóc Trăng", "TU"),
    ("Ban Thường vụ Huyện ủy Kế Sách", "HU"),
]
PARTY_BUILDING, PROPAGANDA = "Xây dựng Đảng", "Tuyên giáo"
SECTORS = [PARTY_BUILDING, PROPAGANDA]

SOURCE = "bài “Hiệu quả thiết thực sau 04 năm học tập và làm theo Bác ở Đảng bộ huyện Kế Sách” (11/11/2015)"
UNKNOWN_DATE = f"{DEMO}: cổng cũ không cho biết ngày ban hành; ngày {{day}} chỉ ghi tạm. "
CHECK = "Cần đối chiếu với bản gốc trước khi dùng thật."

DOCUMENTS = [
    {
        "number": "03-CT/TW", "type": "chi-thi", "issuing_body": "Bộ Chính trị",
        "issued_on": datetime.date(2011, 5, 14),
        "title": "Về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
        "sectors": [PARTY_BUILDING, PROPAGANDA],
        "note": f"Bộ Chính trị khóa XI ban hành. {DEMO}: tệp đính kèm chỉ ghi thông tin của văn bản, "
                "không phải bản gốc.",
    },
    {
        "number": "83-TB/HU", "type": "thong-bao", "issuing_body": "Ban Thường vụ Huyện ủy Kế Sách",
        "issued_on": datetime.date(2014, 1, 1),
        "title": "Thông báo kết luận về phát huy vai trò lãnh đạo của các chi bộ ấp và tính tiên phong, "
                 "gương mẫu của cán bộ, đảng viên gắn với việc đăng ký thực hiện chuyên đề hằng năm và "
                 "các tiêu chí xây dựng nông thôn mới",
        "sectors": [PARTY_BUILDING],
        "note": UNKNOWN_DATE.format(day="01/01/2014") + f"Năm 2014 và trích yếu theo {SOURCE}. {CHECK}",
    },
    {
        "number": "07-KH/TU", "type": "ke-hoach", "issuing_body": "Ban Thường vụ Tỉnh ủy Sóc Trăng",
        "issued_on": datetime.date(2011, 6, 1),
        "title": "Thực hiện Chỉ thị 03-CT/TW của Bộ Chính trị về tiếp tục đẩy mạnh việc học tập và làm theo "
                 "tấm gương đạo đức Hồ Chí Minh",
        "sectors": [PARTY_BUILDING, PROPAGANDA],
        "note": UNKNOWN_DATE.format(day="01/06/2011")
                + f"Trích yếu suy ra từ {SOURCE}, nơi kế hoạch được nêu cùng Chỉ thị 03-CT/TW. {CHECK}",
    },
    {
        "number": "101-QĐ/TW", "type": "quy-dinh", "issuing_body": "Ban Bí thư",
        "issued_on": datetime.date(2007, 6, 7),
        "title": "Về trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp",
        "sectors": [PARTY_BUILDING],
        "note": f"{DEMO}: ngày ban hành và trích yếu chưa được đối chiếu với bản gốc. {CHECK}",
    },
    {
        "number": "55-QĐ/TW", "type": "quy-dinh", "issuing_body": "Ban Bí thư",
        "issued_on": datetime.date(2015, 1, 1),
        "title": "Quy định của Ban Bí thư được nêu trong việc thực hiện Chỉ thị 03-CT/TW (trích yếu chưa xác minh)",
        "sectors": [PARTY_BUILDING],
        "note": UNKNOWN_DATE.format(day="01/01/2015")
                + f"Văn bản được nêu trong {SOURCE} nên ban hành trước ngày đó; số ký hiệu và cơ quan ban hành "
                f"theo bài viết. {CHECK}",
    },
    {
        "number": "704-QĐ/TU", "type": "quyet-dinh", "issuing_body": "Ban Thường vụ Tỉnh ủy Sóc Trăng",
        "issued_on": datetime.date(2015, 1, 1),
        "title": "Quyết định của Ban Thường vụ Tỉnh ủy được nêu trong việc thực hiện Chỉ thị 03-CT/TW "
                 "(trích yếu chưa xác minh)",
        "sectors": [PARTY_BUILDING],
        "note": UNKNOWN_DATE.format(day="01/01/2015")
                + f"Văn bản được nêu trong {SOURCE} nên ban hành trước ngày đó. {CHECK}",
    },
]

# Fixed time stamps inside the generated files, so each file's bytes are always the same.
_ZIP_TIME = (2015, 11, 11, 0, 0, 0)
_DOCX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/>'
        "</Relationships>"
    ),
}


def sample_docx(lines, heading=DEMO.upper()):
    """A minimal, valid Word document: a bold heading, then one paragraph per line."""
    def paragraph(text, bold=False):
        style = "<w:rPr><w:b/></w:rPr>" if bold else ""
        return f'<w:p><w:r>{style}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    body = paragraph(heading, bold=True) + "".join(paragraph(line) for line in lines)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [*_DOCX_PARTS.items(), ("word/document.xml", document)]:
            archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), data.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def ensure_index(home):
    index = DocumentIndexPage.objects.child_of(home).filter(slug=SLUG).first()
    return index or publish_child(home, DocumentIndexPage(title=TITLE, slug=SLUG, intro=INTRO))


def ensure_agencies():
    agencies = {}
    for name, short_name in AGENCIES:
        agencies[name], _ = Agency.objects.get_or_create(name=name, defaults={"short_name": short_name})
    return agencies


def ensure_sectors():
    sectors = {}
    for name in SECTORS:
        slug = vn_slugify(name)
        found = Sector.objects.filter(name=name).first() or Sector.objects.filter(slug=slug).first()
        sectors[name] = found or Sector.objects.create(name=name, slug=slug)
    return sectors


def _sample_file(page_fields, type_name, agency):
    number = page_fields["number"]
    lines = [
        f"{type_name} số {number}",
        f"Cơ quan ban hành: {agency.name}",
        f"Ngày ban hành: {page_fields['issued_on']:%d/%m/%Y}",
        f"Trích yếu: {page_fields['title']}",
        f"Ghi chú: {page_fields['note']}",
        "Tệp này chỉ ghi thông tin của văn bản để minh họa cổng thông tin; đây không phải bản gốc.",
    ]
    data = sample_docx(lines)
    name = f"du-lieu-mau-{vn_slugify(number.replace('/', '-'))}.docx"
    return get_document_model().objects.create(
        title=f"{DEMO} – {type_name} {number}", file=ContentFile(data, name=name), file_size=len(data),
    )


def load(site, home):
    """Create what is missing of the demo documents; return the index page."""
    with transaction.atomic():
        index = ensure_index(home)
        agencies = ensure_agencies()
        sectors = ensure_sectors()
        for fields in DOCUMENTS:
            agency = agencies[fields["issuing_body"]]
            if LegalDocumentPage.objects.filter(issuing_body=agency, number_key=numbers.key(fields["number"])).exists():
                continue
            document_type = ensure_document_type(DocumentType, fields["type"])
            page = LegalDocumentPage(
                title=fields["title"], number=fields["number"], document_type=document_type, issuing_body=agency,
                issued_on=fields["issued_on"], note=fields["note"],
            )
            page.sectors = [sectors[name] for name in fields["sectors"]]
            page.attachments = [LegalDocumentAttachment(
                document=_sample_file(fields, document_type.name, agency), title=f"Tệp mẫu ({DEMO})",
            )]
            publish_child(index, page)
    return index
