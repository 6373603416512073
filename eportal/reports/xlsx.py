"""The editorial figures as an XLSX workbook (openpyxl): a summary sheet and one per breakdown."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from .figures import Figures

BOLD = Font(bold=True)


def summary_rows(figures: Figures) -> list[tuple[str, object]]:
    """(label, value) of every single figure, shared by the workbook and the printed report."""
    return [
        ("Tin bài đã đăng", figures.articles),
        ("Tin bài qua quy trình duyệt", figures.articles_through_workflow),
        ("Thời gian trung bình từ gửi duyệt đến xuất bản (ngày)", figures.average_publication_days),
        ("Thời gian dài nhất từ gửi duyệt đến xuất bản (ngày)", figures.longest_publication_days),
        ("Văn bản đã đăng", figures.documents),
        ("Câu hỏi nhận được", figures.questions_received),
        ("Câu hỏi đã trả lời", figures.questions_answered),
        ("— trả lời đúng hạn", figures.answered_on_time),
        ("— trả lời quá hạn", figures.answered_late),
        ("Câu hỏi quá hạn chưa trả lời (15 ngày làm việc)", figures.questions_overdue),
        ("Thời gian trả lời trung bình (ngày)", figures.average_answer_days),
        ("Thời gian trả lời trung bình (ngày làm việc)", figures.average_answer_working_days),
        ("Dự thảo đưa ra lấy ý kiến", figures.consultations),
        ("Góp ý dự thảo nhận được", figures.comments),
    ]


def summary_sheet(book, title: str, agency_name: str, site_name: str, period):
    """The first sheet, "Tổng hợp", headed with the report's title, agency, site and period."""
    sheet = book.active
    sheet.title = "Tổng hợp"
    sheet.append([title])
    sheet["A1"].font = BOLD
    if agency_name:
        sheet.append(["Cơ quan", agency_name])
    sheet.append(["Trang thông tin", site_name])
    sheet.append(["Kỳ báo cáo", period.label])
    for label, day in (("Từ ngày", period.start), ("Đến ngày", period.end)):
        sheet.append([label, day])
        sheet.cell(row=sheet.max_row, column=2).number_format = "DD/MM/YYYY"
    return sheet


def workbook_bytes(figures: Figures, agency_name: str = "") -> bytes:
    book = Workbook()
    sheet = summary_sheet(book, "Thống kê biên tập", agency_name, figures.site_name, figures.period)
    sheet.append([])
    _header(sheet, ["Chỉ tiêu", "Số liệu"])
    for label, value in summary_rows(figures):
        sheet.append([label, value])
    sheet.column_dimensions["A"].width = 55
    sheet.column_dimensions["B"].width = 24

    for title, heading, rows in [
        ("Theo chuyên mục", "Chuyên mục", figures.by_category),
        ("Theo tác giả", "Tác giả", figures.by_author),
        ("Theo tháng", "Tháng", figures.by_month),
    ]:
        part = book.create_sheet(title)
        _header(part, [heading, "Số tin bài"])
        for row in rows:
            part.append([row.label, row.count])
        part.append(["Tổng cộng", figures.articles])
        part.cell(row=part.max_row, column=1).font = BOLD
        part.column_dimensions["A"].width = 45

    buffer = BytesIO()
    save_without_formulas(book, buffer)
    return buffer.getvalue()


def save_without_formulas(book, target) -> None:
    """Save; a text starting with "=" (a title, an author's name) stays text, never a formula.

    Our workbooks hold no formulas, but openpyxl takes any string starting with "=" for one:
    a page titled "=HYPERLINK(…)" would run in the reader's spreadsheet.
    """
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    book.save(target)


def csv_text(value):
    """A CSV cell a spreadsheet shows as text: formula-starting texts get a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _header(sheet, labels):
    sheet.append(labels)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
