"""Uploaded documents are judged by their content, not by their names.

Every accepted type is recognised from its first bytes and, for ZIP and OLE2 containers,
from the parts inside:

* PDF starts with ``%PDF-``;
* DOC and XLS are OLE2 compound files (``D0 CF 11 E0 A1 B1 1A E1``) holding a
  ``WordDocument`` stream (Word) or a ``Workbook``/``Book`` stream (Excel);
* DOCX and XLSX are ZIP archives with ``[Content_Types].xml`` and ``word/`` or ``xl/`` parts;
* ODT and ODS are ZIP archives whose first entry ``mimetype`` names the OpenDocument type;
* MP4 has an ``ftyp`` box at offset 4, WebM starts with the EBML magic ``1A 45 DF A3``;
* WebVTT captions are UTF-8 text starting with ``WEBVTT`` (after an optional byte order mark)
  followed by a space, a tab or the end of the line.

An upload is accepted only when its extension is allowed (WAGTAILDOCS_EXTENSIONS, limited
to the extensions this module can check), its size is within WAGTAILDOCS_MAX_UPLOAD_SIZE,
and the content is of the type its extension names: a PDF renamed .docx is refused.
The functions here never write anything and leave the file position where they found it.
"""

import os
import re
import struct
import zipfile
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

PDF = "application/pdf"
DOC = "application/msword"
XLS = "application/vnd.ms-excel"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
MP4 = "video/mp4"
WEBM = "video/webm"
VTT = "text/vtt"
# OLE2 containers that are neither Word nor Excel files (PowerPoint, Outlook messages, ...).
OLE2_OTHER = "application/x-ole-storage"
# A password-protected Office file: an encrypted DOCX/XLSX is stored inside an OLE2 container.
OFFICE_ENCRYPTED = "application/x-office-encrypted"

# The content type each document extension must have (also the type it is served with).
CONTENT_TYPES = {
    "pdf": PDF,
    "doc": DOC,
    "docx": DOCX,
    "xls": XLS,
    "xlsx": XLSX,
    "odt": ODT,
    "ods": ODS,
    "mp4": MP4,
    "webm": WEBM,
    "vtt": VTT,
}

# What an editor is told a file really is.
DESCRIPTIONS = {
    PDF: "tài liệu PDF",
    DOC: "văn bản Word 97-2003",
    DOCX: "văn bản Word",
    XLS: "bảng tính Excel 97-2003",
    XLSX: "bảng tính Excel",
    ODT: "văn bản OpenDocument",
    ODS: "bảng tính OpenDocument",
    MP4: "video MP4",
    WEBM: "video WebM",
    VTT: "tệp phụ đề WebVTT",
    OLE2_OTHER: "một tệp Office không phải Word hay Excel",
    OFFICE_ENCRYPTED: "một tệp Office đã đặt mật khẩu",
}

VIDEO_SIGNATURES = {
    # MP4/MOV: an "ftyp" box at offset 4. WebM/Matroska: the EBML magic number.
    MP4: lambda head: head[4:8] == b"ftyp",
    WEBM: lambda head: head[:4] == b"\x1a\x45\xdf\xa3",
}

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# Windows (MZ) and Linux (ELF) programs and scripts with an interpreter line.
PROGRAM_SIGNATURES = (b"MZ", b"\x7fELF", b"#!")
HEAD_SIZE = 64

# OLE2 sector ids from this value up mark free sectors or the end of a chain.
_OLE2_LAST_SECTOR_ID = 0xFFFFFFFA
# Bounds on how much of an OLE2 file is walked to list its streams.
_OLE2_MAX_SECTORS = 4096


@contextmanager
def _rewound(fileobj):
    """Read `fileobj` from its start, then put its position back."""
    position = fileobj.tell() if hasattr(fileobj, "tell") else 0
    fileobj.seek(0)
    try:
        yield fileobj
    finally:
        fileobj.seek(position)


def _video_type(head):
    for mime, matches in VIDEO_SIGNATURES.items():
        if matches(head):
            return mime
    return None


def sniff_video_type(fileobj):
    """Return the MIME type of an MP4 or WebM file judged by its content, or None."""
    with _rewound(fileobj):
        return _video_type(fileobj.read(16))


_VTT_HEAD = re.compile(rb"\A(?:\xef\xbb\xbf)?WEBVTT(?:[ \t\r\n]|\Z)")
# Captions are small: the whole of a larger "caption" file is not read to check its encoding.
_VTT_MAX_CHECKED = 2 * 1024 * 1024


def is_webvtt(fileobj):
    """Whether the file is WebVTT: the WEBVTT signature, UTF-8 text, no NUL bytes."""
    with _rewound(fileobj):
        data = fileobj.read(_VTT_MAX_CHECKED + 1)
    if not _VTT_HEAD.match(data) or b"\x00" in data:
        return False
    try:
        data[:_VTT_MAX_CHECKED].decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte letter cut at the end of the checked part is fine.
        return len(data) > _VTT_MAX_CHECKED and error.start >= _VTT_MAX_CHECKED - 3
    return True


def _zip_type(fileobj, head):
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            entries = archive.infolist()
            if not entries:
                return None
            first = entries[0]
            # OpenDocument: the first local entry is "mimetype", naming the document type.
            if first.filename == "mimetype" and head[30:38] == b"mimetype":
                with archive.open(first) as entry:
                    mimetype = entry.read(100).strip().decode("ascii", "replace")
                return mimetype if mimetype in (ODT, ODS) else None
            names = [entry.filename for entry in entries]
            if "[Content_Types].xml" in names:
                if any(name.startswith("word/") for name in names):
                    return DOCX
                if any(name.startswith("xl/") for name in names):
                    return XLSX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError,
            OSError, ValueError):
        return None
    return None


def _ole2_stream_names(fileobj):
    """The names of the storages and streams in an OLE2 compound file, or None if unreadable."""
    fileobj.seek(0)
    header = fileobj.read(512)
    if len(header) < 512:
        return None
    (sector_shift,) = struct.unpack_from("<H", header, 0x1E)
    if sector_shift not in (9, 12):
        return None
    sector_size = 1 << sector_shift
    ids_per_sector = sector_size // 4
    fat_count, directory_start = struct.unpack_from("<II", header, 0x2C)
    difat_start, difat_count = struct.unpack_from("<II", header, 0x44)

    def read_sector(sector):
        fileobj.seek((sector + 1) * sector_size)
        data = fileobj.read(sector_size)
        if len(data) != sector_size:
            raise ValueError("truncated OLE2 file")
        return data

    # Where the FAT lives: 109 sector ids in the header, the rest in a chain of DIFAT sectors.
    fat_sectors = list(struct.unpack_from("<109I", header, 0x4C))
    sector = difat_start
    for _ in range(min(difat_count, _OLE2_MAX_SECTORS)):
        if sector >= _OLE2_LAST_SECTOR_ID:
            break
        ids = struct.unpack(f"<{ids_per_sector}I", read_sector(sector))
        fat_sectors.extend(ids[:-1])
        sector = ids[-1]
    fat_sectors = fat_sectors[:fat_count]

    def next_sector(sector):
        index, slot = divmod(sector, ids_per_sector)
        if index >= len(fat_sectors) or fat_sectors[index] >= _OLE2_LAST_SECTOR_ID:
            raise ValueError("broken OLE2 sector chain")
        fileobj.seek((fat_sectors[index] + 1) * sector_size + slot * 4)
        data = fileobj.read(4)
        if len(data) != 4:
            raise ValueError("truncated OLE2 file")
        return struct.unpack("<I", data)[0]

    # The directory: 128-byte entries (UTF-16 name, name length in bytes, entry type).
    names = []
    seen = set()
    sector = directory_start
    while sector < _OLE2_LAST_SECTOR_ID:
        if sector in seen or len(seen) >= _OLE2_MAX_SECTORS:
            raise ValueError("OLE2 directory chain loops or is too long")
        seen.add(sector)
        data = read_sector(sector)
        for offset in range(0, sector_size, 128):
            (name_length,) = struct.unpack_from("<H", data, offset + 64)
            entry_type = data[offset + 66]
            if entry_type in (1, 2, 5) and 2 <= name_length <= 64 and name_length % 2 == 0:
                names.append(data[offset:offset + name_length - 2].decode("utf-16-le", "replace"))
        sector = next_sector(sector)
    return names


def _ole2_type(fileobj):
    try:
        names = _ole2_stream_names(fileobj)
    except (ValueError, struct.error, OSError):
        names = None
    streams = {name.lower() for name in names or ()}
    if "worddocument" in streams:
        return DOC
    if "workbook" in streams or "book" in streams:
        return XLS
    if "encryptedpackage" in streams:
        return OFFICE_ENCRYPTED
    return OLE2_OTHER


def detect_document_type(fileobj):
    """Return the MIME type of a document judged by its content, or None if it is none we accept.

    Besides the types of CONTENT_TYPES the answer may be OLE2_OTHER or OFFICE_ENCRYPTED,
    which no extension accepts.
    """
    with _rewound(fileobj):
        head = fileobj.read(HEAD_SIZE)
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(OLE2_MAGIC):
            return _ole2_type(fileobj)
        if head.startswith(ZIP_MAGIC):
            return _zip_type(fileobj, head)
        if head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
            return VTT if is_webvtt(fileobj) else None
        return _video_type(head)


def allowed_document_extensions():
    """The extensions of WAGTAILDOCS_EXTENSIONS that this module knows how to check."""
    configured = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or list(CONTENT_TYPES)
    return [extension.lower() for extension in configured if extension.lower() in CONTENT_TYPES]


def _extension_text(extension):
    """The extension as shown to the editor, or "" if it is not a plain word (it is echoed into HTML)."""
    return f".{extension}" if re.fullmatch(r"[a-z0-9]{1,10}", extension) else ""


def _looks_like_program(fileobj):
    with _rewound(fileobj):
        return fileobj.read(4).startswith(PROGRAM_SIGNATURES)


def validate_document_upload(uploaded_file):
    """Refuse an upload whose extension, size or content is not acceptable; return its MIME type.

    Raises ValidationError with a Vietnamese message naming the problem.
    """
    name = os.path.basename(uploaded_file.name or "")
    extension = os.path.splitext(name)[1][1:].lower()
    allowed = allowed_document_extensions()
    kinds = ", ".join(allowed).upper()
    if extension not in allowed:
        shown = _extension_text(extension)
        if not extension:
            message = f"Tên tệp không có đuôi (phần mở rộng) nên không xác định được loại tệp. Chỉ nhận tệp {kinds}."
        elif shown:
            message = f"Không nhận tệp {shown}. Chỉ nhận tệp {kinds}."
        else:
            message = f"Không nhận loại tệp này. Chỉ nhận tệp {kinds}."
        raise ValidationError(message, code="invalid_extension")

    size = uploaded_file.size
    if not size:
        raise ValidationError("Tệp rỗng, không có nội dung.", code="empty")
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if limit is not None and size > limit:
        raise ValidationError(
            f"Tệp quá lớn ({filesizeformat(size)}). Dung lượng tối đa là {filesizeformat(limit)}.",
            code="file_too_large",
        )

    expected = CONTENT_TYPES[extension]
    detected = detect_document_type(uploaded_file)
    if detected == expected:
        return detected

    wanted = DESCRIPTIONS[expected]
    if detected is None and _looks_like_program(uploaded_file):
        message = (
            f"Tệp có đuôi .{extension} nhưng thực chất là một chương trình chạy được. "
            "Không được phép tải lên tệp này."
        )
        code = "program"
    elif detected is None:
        message = (
            f"Tệp có đuôi .{extension} nhưng nội dung không phải {wanted}: "
            "tệp có thể đã bị đổi tên hoặc bị hỏng."
        )
        code = "invalid_content"
    elif detected == OFFICE_ENCRYPTED:
        message = "Tệp đã được đặt mật khẩu nên người xem không mở được. Hãy gỡ mật khẩu rồi tải lên lại."
        code = "encrypted"
    else:
        proper = [ext for ext, mime in CONTENT_TYPES.items() if mime == detected and ext in allowed]
        hint = f"Hãy đổi đuôi tệp thành .{proper[0]} hoặc chọn tệp khác." if proper else "Hãy chọn tệp khác."
        message = f"Tệp có đuôi .{extension} nhưng nội dung là {DESCRIPTIONS[detected]}, không phải {wanted}. {hint}"
        code = "extension_mismatch"
    raise ValidationError(message, code=code)
