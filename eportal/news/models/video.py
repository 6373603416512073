from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from eportal.media.validators import is_webvtt, sniff_video_type


def validate_embed_url(url):
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in settings.EPORTAL_VIDEO_EMBED_HOSTS:
        allowed = ", ".join(settings.EPORTAL_VIDEO_EMBED_HOSTS)
        raise ValidationError(f"Chỉ nhận địa chỉ https từ các trang video: {allowed}.")


class VideoIndexPage(Page):
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.VideoPage"]
    template = "news/video_index_page.html"
    PER_PAGE = 12

    class Meta:
        verbose_name = "Thư viện video"

    def get_context(self, request, *args, **kwargs):
        from ..pagination import paginate

        context = super().get_context(request, *args, **kwargs)
        videos = VideoPage.objects.child_of(self).live().public().select_related("poster", "video_file", "captions")
        context["videos"] = paginate(request, videos.order_by("-date", "-pk"), self.PER_PAGE)
        return context


class VideoPage(Page):
    """A video clip: an uploaded MP4/WebM file with a poster, or a link to an allowed host.

    An uploaded video must come with captions (a WebVTT document, shown in the player) or a
    transcript (shown under the player), so that people who cannot hear it get its content.
    A linked video is not played here (the page only links to the other site, which has its
    own captions), so its transcript is optional.
    """

    date = models.DateTimeField("Thời gian đăng", default=timezone.now, db_index=True)
    description = models.TextField("Mô tả", blank=True)
    video_file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Tệp video (MP4/WebM)", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    poster = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Ảnh bìa", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    embed_url = models.URLField(
        "hoặc địa chỉ video", blank=True, validators=[validate_embed_url],
        help_text="Video đăng trên YouTube hoặc Vimeo. Trang chỉ hiển thị liên kết, không tải nội dung của bên thứ ba.",
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Phụ đề (tệp WebVTT .vtt)", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text="Phụ đề tiếng Việt hiện trên video. Tệp .vtt bắt đầu bằng dòng WEBVTT.",
    )
    transcript = models.TextField(
        "Lời thoại / nội dung video", blank=True,
        help_text=(
            "Toàn bộ lời nói và những gì diễn ra trong video, cho người không nghe hoặc không xem được. "
            "Video tải lên cần có phụ đề hoặc lời thoại."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"), FieldPanel("description"), FieldPanel("video_file"),
        FieldPanel("poster"), FieldPanel("embed_url"), FieldPanel("captions"), FieldPanel("transcript"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description"), index.SearchField("transcript")]
    parent_page_types = ["news.VideoIndexPage"]
    subpage_types = []
    template = "news/video_page.html"

    class Meta:
        verbose_name = "Video clip"
        ordering = ["-date"]

    def clean(self):
        super().clean()
        if bool(self.video_file) == bool(self.embed_url):
            raise ValidationError("Hãy chọn một tệp video hoặc nhập một địa chỉ video (chỉ một trong hai).")
        if self.video_file:
            errors = {}
            with self.video_file.file.open("rb") as fh:
                if sniff_video_type(fh) is None:
                    errors["video_file"] = "Tệp này không phải video MP4 hoặc WebM."
            if self.poster_id is None:
                errors["poster"] = "Video tải lên cần có ảnh bìa."
            if not self.captions_id and not self.transcript.strip():
                errors["transcript"] = (
                    "Video tải lên cần có phụ đề (tệp .vtt) hoặc lời thoại, "
                    "cho người không nghe được âm thanh."
                )
            if errors:
                raise ValidationError(errors)
        if self.captions:
            if not self.captions.file.name.lower().endswith(".vtt"):
                raise ValidationError({"captions": "Phụ đề phải là tệp WebVTT (đuôi .vtt)."})
            with self.captions.file.open("rb") as fh:
                if not is_webvtt(fh):
                    raise ValidationError(
                        {"captions": "Tệp phụ đề không đúng định dạng WebVTT: dòng đầu tiên phải là WEBVTT."}
                    )

    @property
    def video_mime_type(self):
        if not self.video_file:
            return ""
        return "video/webm" if self.video_file.file.name.lower().endswith(".webm") else "video/mp4"

    @property
    def captions_url(self):
        """The captions' address on this site: Wagtail's document view, which sends text/vtt."""
        return self.captions.url if self.captions else ""
