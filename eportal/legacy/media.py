"""Images and attachments of a saved page: found beside it, imported into the Wagtail image
and document libraries (once per content: SHA-256), and the body rewritten to use them.

A file referenced as ``<img src=...>`` or ``<a href="....pdf">`` is looked for:

1. at the reference resolved against the page's folder (``./Page_files/anh.jpg``, ``anh.jpg``,
   ``../files/a.pdf``), if that stays inside the directory given to the command;
2. in the browser's "<page name>_files/" folder beside the page, by base name;
3. by base name in the page's folder and its subfolders (Liferay's
   ``/documents/10180/0/anh.jpg/uuid?t=1`` gives the candidate names "anh.jpg" and "uuid").

Images need alt text to be published (eportal.media.alt_text): the image gets the img's alt,
or "Ảnh minh họa: <article title>" with a warning when the old page had none (or only a file
name). A missing or unusable file is a warning: its <img> is dropped (a link to the old portal
would break, and the portal makes no third-party requests), its link keeps only its text.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.images import ImageFile

from eportal.media.alt_text import looks_like_file_name
from eportal.operations.archives import sha256

from .parser import normalise

DOCUMENT_EXTENSIONS = {"pdf", "doc", "docx", "xls", "xlsx"}
FALLBACK_ALT = "Ảnh minh họa: {title}"
MAX_INDEX_FILES = 20000


class MediaFinder:
    """Finds the files a page references, beside the page."""

    def __init__(self, page_path: Path, root: Path | None = None):
        self.folder = page_path.parent
        # A relative reference may climb out of the page's folder ("../files/a.pdf"), not out of root.
        self.root = (root or self.folder).resolve()
        self.page_files = [self.folder / f"{page_path.stem}_files", self.folder / f"{page_path.stem}-files"]
        self._index: dict[str, Path] | None = None

    def _by_name(self) -> dict[str, Path]:
        if self._index is None:
            self._index = {}
            for count, path in enumerate(sorted(self.folder.rglob("*"))):
                if count >= MAX_INDEX_FILES:
                    break
                if path.is_file():
                    self._index.setdefault(path.name.casefold(), path)
        return self._index

    def find(self, reference: str) -> Path | None:
        parts = urlsplit(reference.strip())
        if parts.scheme in ("data", "javascript", "mailto", "tel"):
            return None
        path = unquote(parts.path)
        if not path:
            return None
        if not parts.scheme and not parts.netloc and not path.startswith("/"):
            candidate = (self.folder / path).resolve()
            if candidate.is_file() and self.root in candidate.parents:
                return candidate
        names = [segment for segment in path.split("/") if segment]
        names = [names[-1]] + [n for n in reversed(names[:-1]) if "." in n] if names else []
        for name in names:
            for folder in self.page_files:
                candidate = folder / name
                if candidate.is_file():
                    return candidate
            found = self._by_name().get(name.casefold())
            if found is not None:
                return found
        return None


def _image_description(alt: str, title: str) -> tuple[str, bool]:
    """The alt text to use, and whether it is the fallback."""
    alt = normalise(alt or "")
    if alt and not looks_like_file_name(alt):
        return alt[:255], False
    return FALLBACK_ALT.format(title=title)[:255], True


def _get_or_create_image(path: Path, description: str, title: str):
    from wagtail.images import get_image_model

    from .models import LegacyMedia

    digest = sha256(path)
    known = LegacyMedia.objects.filter(sha256=digest, image__isnull=False).select_related("image").first()
    if known is not None:
        return known.image, False
    extension = path.suffix[1:].lower()
    if extension not in getattr(settings, "WAGTAILIMAGES_EXTENSIONS", ["jpg", "jpeg", "png", "gif", "webp"]):
        raise ValueError(f"image type .{extension} is not accepted by the image library")
    import willow

    try:
        with path.open("rb") as handle:
            willow.Image.open(handle).get_size()
    except Exception:
        raise ValueError("the file is not a readable image") from None
    image_model = get_image_model()
    with path.open("rb") as handle:
        image = image_model(title=title[:255], description=description)
        image.file = ImageFile(handle, name=path.name)
        image._set_image_file_metadata()
        image.save()
    LegacyMedia.objects.create(sha256=digest, image=image)
    return image, True


def _get_or_create_document(path: Path, title: str):
    from wagtail.documents import get_document_model

    from eportal.media.validators import validate_document_upload

    from .models import LegacyMedia

    digest = sha256(path)
    known = LegacyMedia.objects.filter(sha256=digest, document__isnull=False).select_related("document").first()
    if known is not None:
        return known.document, False
    with path.open("rb") as handle:
        upload = File(handle, name=path.name)
        try:
            validate_document_upload(upload)
        except ValidationError as error:
            raise ValueError(f"attachment refused: {' '.join(error.messages)}") from None
        document = get_document_model()(title=title[:255])
        document.file = upload
        document._set_document_file_metadata()
        document.save()
    LegacyMedia.objects.create(sha256=digest, document=document)
    return document, True


def _top_level(tag: Tag, root: Tag) -> Tag:
    while tag.parent is not None and tag.parent is not root:
        tag = tag.parent
    return tag


def _is_empty(tag: Tag) -> bool:
    return not tag.get_text(strip=True) and not tag.find(["img", "embed", "table", "hr"])


def _is_document_link(href: str) -> bool:
    """A link to a .pdf/.doc/...: by the last path segment, or an earlier one (Liferay's
    /documents/<group>/<folder>/<name.pdf>/<uuid>)."""
    segments = [s for s in unquote(urlsplit(href).path).split("/") if s]
    return any(os.path.splitext(segment)[1][1:].lower() in DOCUMENT_EXTENSIONS for segment in segments[-2:])


def _is_page_local(href: str) -> bool:
    """A relative link into the saved page's own files (useless once imported)."""
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and not href.startswith(("/", "#"))


class MediaImport:
    """Imports the media of one article and rewrites its body blocks. Collects warnings."""

    def __init__(self, page_path: Path | None, title: str, *, dry_run: bool = False, root: Path | None = None):
        self.finder = MediaFinder(page_path, root) if page_path is not None else None
        self.title = title
        self.dry_run = dry_run
        self.warnings: list[str] = []
        self.images: list = []
        self.documents: list = []

    def rewrite(self, blocks: list[dict]) -> list[dict]:
        return [
            {**block, "value": self._rewrite_html(block["value"])} if block["type"] == "paragraph" else block
            for block in blocks
        ]

    def _locate(self, reference: str, kind: str) -> Path | None:
        found = self.finder.find(reference) if self.finder is not None else None
        if found is None:
            self.warnings.append(f"missing {kind}: {reference[:200]}")
        return found

    def _rewrite_html(self, html: str) -> str:
        root = BeautifulSoup(f"<div>{html}</div>", "html.parser").div
        for img in root.find_all("img"):
            self._image(img, root)
        for link in root.find_all("a", href=True):
            href = link["href"].strip()
            if _is_document_link(href):
                self._document(link, href)
            elif _is_page_local(href):
                link.unwrap()
        return root.decode_contents()

    def _image(self, img: Tag, root: Tag) -> None:
        src = (img.get("src") or "").strip()
        path = self._locate(src, "image") if src else None
        if not src:
            self.warnings.append("an image without src was dropped")
        alt, fallback = _image_description(img.get("alt", ""), self.title)
        image = None
        if path is not None:
            try:
                image = self._store_image(path, alt)
            except ValueError as error:
                self.warnings.append(f"image {src[:200]} not imported: {error}")
        if image is None:
            container = _top_level(img, root)
            img.decompose()
            if container is not img and _is_empty(container):
                container.decompose()
            return
        if fallback:
            self.warnings.append(f"image {src[:200]} has no alt text in the old page: described as {alt!r}")
        embed = root.new_tag("embed", attrs={"embedtype": "image", "id": str(image.pk), "alt": alt,
                                             "format": "fullwidth"})
        # An image embed is a block of its own in Wagtail rich text: lift it out of its paragraph.
        container = _top_level(img, root)
        if container is img:
            img.replace_with(embed)
            return
        container.insert_before(embed)
        img.decompose()
        if _is_empty(container):
            container.decompose()

    def _store_image(self, path: Path, alt: str):
        if self.dry_run:
            return _DryRunItem()
        image, created = _get_or_create_image(path, alt, alt)
        self.images.append((image, created))
        return image

    def _document(self, link: Tag, href: str) -> None:
        path = self._locate(href, "attachment")
        if path is None:
            if _is_page_local(href):
                link.unwrap()
            return
        title = normalise(link.get_text(" ")) or path.name
        if self.dry_run:
            link.attrs = {"linktype": "document", "id": "0"}
            return
        try:
            document, created = _get_or_create_document(path, title)
        except ValueError as error:
            self.warnings.append(f"attachment {href[:200]} not imported: {error}")
            if _is_page_local(href):
                link.unwrap()
            return
        self.documents.append((document, created))
        link.attrs = {"linktype": "document", "id": str(document.pk)}


class _DryRunItem:
    pk = 0
