"""The visit figures as CSV (UTF-8 with a byte order mark, so Excel reads Vietnamese) and XLSX."""

import csv
from io import BytesIO, StringIO

from openpyxl import Workbook
from openpyxl.styles import Font

from eportal.reports.xlsx import csv_text, save_without_formulas, summary_sheet

from .figures import DAY, HOUR, VisitFigures

BOLD = Font(bold=True)
TITLE = "Thống kê truy cập"
PEOPLE = "Lượt xem của người truy cập"
BOTS = "Lượt xem của máy tự động (bot)"


def breakdowns(figures: VisitFigures):
    """(sheet or section name, first column heading, rows) of every breakdown, in page order."""
    return [
        ("Trang", "Trang", figures.pages),
        ("Chuyên mục", "Chuyên mục", figures.categories),
        ("Nguồn truy cập", "Nguồn truy cập", figures.referrers),
        ("Thiết bị", "Thiết bị", figures.devices),
    ]


def csv_bytes(figures: VisitFigures) -> bytes:
    """One table: section, item, address (pages and categories), people, bots."""
    out = StringIO()
    writer = csv.writer(out)
    writer.writerow(["Bảng", "Mục", "Địa chỉ", PEOPLE, BOTS])
    writer.writerow(["Tổng hợp", csv_text(f"{figures.site_name} — {figures.period.label}"), "", figures.people, figures.bots])
    series = f"Theo thời gian ({figures.granularity_label.lower()})"
    for point in figures.series:
        writer.writerow([series, point.label, "", point.people, point.bots])
    for section, _, rows in breakdowns(figures):
        for row in rows:
            writer.writerow([section, csv_text(row.label), row.url, row.people, row.bots])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def xlsx_bytes(figures: VisitFigures, agency_name: str = "") -> bytes:
    book = Workbook()
    sheet = summary_sheet(book, TITLE, agency_name, figures.site_name, figures.period)
    sheet.append([PEOPLE, figures.people])
    sheet.append([BOTS, figures.bots])
    if figures.breakdown_note:
        sheet.append(["Ghi chú", figures.breakdown_note])
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 40

    part = book.create_sheet("Theo thời gian")
    _header(part, [figures.granularity_label, PEOPLE, BOTS])
    for point in figures.series:
        if figures.granularity in (HOUR, DAY):
            part.append([point.start.replace(tzinfo=None), point.people, point.bots])
            part.cell(row=part.max_row, column=1).number_format = (
                "HH:MM DD/MM/YYYY" if figures.granularity == HOUR else "DD/MM/YYYY"
            )
        else:
            part.append([point.label, point.people, point.bots])
    _total(part, figures.people, figures.bots)
    part.column_dimensions["A"].width = 20

    for title, heading, rows in breakdowns(figures):
        part = book.create_sheet(title)
        with_address = title in ("Trang", "Chuyên mục")
        _header(part, [heading, "Địa chỉ", PEOPLE, BOTS] if with_address else [heading, PEOPLE, BOTS])
        for row in rows:
            part.append([row.label, row.url, row.people, row.bots] if with_address else [row.label, row.people, row.bots])
        part.column_dimensions["A"].width = 45
        if with_address:
            part.column_dimensions["B"].width = 45

    buffer = BytesIO()
    save_without_formulas(book, buffer)
    return buffer.getvalue()


def _header(sheet, labels):
    sheet.append(labels)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD


def _total(sheet, people, bots):
    sheet.append(["Tổng cộng", people, bots])
    sheet.cell(row=sheet.max_row, column=1).font = BOLD
