"""Alt text: an image with no text alternative cannot be published (WCAG 2.1, 1.1.1).

Where an image gets its text alternative:

* an image block (ImageBlock) of a page body: the block's "alt text", unless the editor
  marks the image as decorative (then it is shown with alt="");
* an image inserted in rich text: the alt attribute of its ``<embed embedtype="image">``;
* an image field of a page listed in the page class's ``ALT_TEXT_IMAGE_FIELDS`` (the
  article's featured image): the image's description in the image library.

Empty text does not count, nor text that is only a file name ("IMG_1234.jpg", "DSC01234",
or the stored file's own name): Wagtail fills the alt text with the image's title, which
is the uploaded file's name when nobody typed one.

Drafts may be saved with missing alt text; publishing, submitting for moderation and
approving with changes are refused with a message naming the image. The checks run in
the blocks' and forms' validation, which Wagtail relaxes for drafts (deferred validation),
and once more in the ``before_publish_page`` hook (eportal.media.wagtail_hooks) for page
types whose forms do not check.
"""

import os
import re

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import RichText

IMAGE_EXTENSIONS = r"jpe?g|jfif|png|gif|webp|avif|bmp|tiff?|heic|heif|svg"
_FILE_NAME = re.compile(rf"\.(?:{IMAGE_EXTENSIONS})\s*$", re.IGNORECASE)
# Names cameras, phones and screenshot tools give: IMG_1234, DSC01234, PXL_20240101_..., 20240101_101010.
_CAMERA_NAME = re.compile(
    r"^(?:img|dsc[nf]?|dcim|pxl|mvimg|vid|photo|image|screenshot|screen shot|ảnh chụp màn hình|untitled)"
    r"[\s_\-]*\(?\d[\w\-() ]*$"
    r"|^[\d_\-\s().]+$",
    re.IGNORECASE,
)


def _stored_names(image):
    name = os.path.basename(getattr(getattr(image, "file", None), "name", "") or "")
    stem = os.path.splitext(name)[0]
    return {n.lower() for n in (name, stem) if n}


def looks_like_file_name(text, image=None):
    """Whether `text` is a file name rather than a description of the image."""
    text = " ".join((text or "").split())
    if not text:
        return False
    if _FILE_NAME.search(text) or _CAMERA_NAME.match(text):
        return True
    return image is not None and text.lower() in _stored_names(image)


def _image_name(image):
    return f"“{image.title}”" if image is not None and image.title else "(ảnh đã bị xóa)"


def alt_text_problem(text, image=None, where="Ảnh"):
    """A Vietnamese message saying what is wrong with `text` as the alt text of `image`, or None."""
    text = " ".join((text or "").split())
    if not text:
        return (
            f"{where} {_image_name(image)} chưa có văn bản thay thế (mô tả ảnh cho người không xem được ảnh). "
            "Hãy nhập văn bản thay thế, hoặc đánh dấu là ảnh trang trí nếu ảnh không mang thông tin."
        )
    if looks_like_file_name(text, image):
        return (
            f"Văn bản thay thế của {where.lower()} {_image_name(image)} là tên tệp (“{text}”), không mô tả ảnh. "
            "Hãy viết ảnh thể hiện điều gì, cho người không xem được ảnh."
        )
    return None


def image_description_problem(image, where="Ảnh"):
    """For an image shown with its library description as alt text: what is wrong, or None."""
    if image is None:
        return None
    problem = alt_text_problem(image.description, image, where)
    if problem is None:
        return None
    return problem + " (Mở ảnh trong Thư viện ảnh và điền “Văn bản thay thế (mô tả ảnh)”.)"


def rich_text_problems(html):
    """Messages for the images of rich text (Wagtail's stored format) whose alt text is missing."""
    if not html or "embed" not in html:
        return []
    embeds = [
        tag for tag in BeautifulSoup(html, "html.parser").find_all("embed")
        if tag.get("embedtype") == "image"
    ]
    if not embeds:
        return []
    ids = [int(tag["id"]) for tag in embeds if str(tag.get("id", "")).isdigit()]
    images = get_image_model().objects.in_bulk(ids)
    problems = []
    for tag in embeds:
        image = images.get(int(tag["id"])) if str(tag.get("id", "")).isdigit() else None
        problem = alt_text_problem(tag.get("alt", ""), image, "Ảnh chèn trong đoạn văn")
        if problem:
            problems.append(problem)
    return problems


class AccessibleImageBlock(ImageBlock):
    """Wagtail's ImageBlock, requiring real alt text (in Vietnamese) unless marked decorative.

    Deconstructs as ImageBlock (see ImageBlock.deconstruct), so migrations do not change.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        relabelled = {
            "decorative": blocks.BooleanBlock(
                default=False, required=False,
                label="Ảnh trang trí (không mang thông tin: không cần văn bản thay thế)",
            ),
            "alt_text": blocks.CharBlock(
                required=False, label="Văn bản thay thế (mô tả ảnh)",
                help_text="Ảnh thể hiện điều gì, cho người không xem được ảnh; không phải tên tệp.",
            ),
        }
        for name, block in relabelled.items():
            block.set_name(name)
            self.child_blocks[name] = block

    def clean(self, value):
        if value and not value.decorative and not self.is_deferred_validation:
            problem = alt_text_problem(value.contextual_alt_text, value)
            if problem:
                raise StructBlockValidationError(block_errors={"alt_text": ValidationError(problem)})
        return super().clean(value)


class AltTextStreamBlockMixin:
    """For a StreamBlock with rich-text children: refuse images inserted without alt text.

    Image blocks check themselves (AccessibleImageBlock); this adds the rich-text images.
    """

    def clean(self, value):
        errors = {}
        if not self.is_deferred_validation:
            for index, child in enumerate(value):
                if isinstance(child.block, blocks.RichTextBlock) and isinstance(child.value, RichText):
                    problems = rich_text_problems(child.value.source)
                    if problems:
                        errors[index] = ValidationError(problems)
        try:
            cleaned = super().clean(value)
        except StreamBlockValidationError as error:
            if not errors:
                raise
            raise StreamBlockValidationError(
                block_errors={**errors, **error.block_errors}, non_block_errors=error.non_block_errors,
            ) from error
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return cleaned


# --- The whole page, for the publish hook ------------------------------------------------------


def _stream_problems(value):
    problems = []
    for child in value:
        problems.extend(_block_problems(child.block, child.value))
    return problems


def _block_problems(block, value):
    if value is None:
        return []
    if isinstance(block, ImageBlock):
        if getattr(value, "decorative", False):
            return []
        problem = alt_text_problem(getattr(value, "contextual_alt_text", ""), value)
        return [problem] if problem else []
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_problems(getattr(value, "source", str(value)))
    if isinstance(block, blocks.StreamBlock):
        return _stream_problems(value)
    if isinstance(block, blocks.StructBlock):
        problems = []
        for name, child_block in block.child_blocks.items():
            problems.extend(_block_problems(child_block, value.get(name)))
        return problems
    if isinstance(block, blocks.ListBlock):
        problems = []
        for item in value:
            problems.extend(_block_problems(block.child_block, item))
        return problems
    return []


def page_problems(page):
    """Every alt text problem of a page's content, as Vietnamese messages."""
    problems = []
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            problems.extend(_stream_problems(getattr(page, field.name)))
        elif isinstance(field, RichTextField):
            problems.extend(rich_text_problems(getattr(page, field.name)))
    for name in getattr(page, "ALT_TEXT_IMAGE_FIELDS", ()):
        image = getattr(page, name)
        label = str(page._meta.get_field(name).verbose_name)
        problem = image_description_problem(image, label[:1].upper() + label[1:])
        if problem:
            problems.append(problem)
    return problems


class AltTextPageFormMixin:
    """For a page form: the images of ALT_TEXT_IMAGE_FIELDS need a description to publish.

    Checked unless the form only saves a draft (Wagtail's deferred validation).
    """

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            for name in getattr(self._meta.model, "ALT_TEXT_IMAGE_FIELDS", ()):
                if name not in self.fields:
                    continue
                label = str(self.fields[name].label or name)
                problem = image_description_problem(cleaned_data.get(name), label[:1].upper() + label[1:])
                if problem:
                    self.add_error(name, problem)
        return cleaned_data
