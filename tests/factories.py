"""factory_boy factories for pages: each page is added under its parent and published."""

import datetime

import factory
from django.utils import timezone

from eportal.news.models import ArticlePage, NewsCategoryPage, VideoIndexPage, VideoPage


class PageFactory(factory.Factory):
    """Builds a page and adds it under `parent` (required), live, without revisions."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Trang {n}")
    slug = factory.Sequence(lambda n: f"trang-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page


class CategoryFactory(PageFactory):
    class Meta:
        model = NewsCategoryPage

    title = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")


class ArticleFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Tin bài số {n} về hoạt động của huyện")
    slug = factory.Sequence(lambda n: f"tin-bai-{n}")
    date = factory.Sequence(
        lambda n: timezone.make_aware(datetime.datetime(2020, 1, 1, 8, 0)) + datetime.timedelta(hours=n)
    )
    lead = "Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác quý."
    body = factory.LazyFunction(
        lambda: ArticlePage.body_from_html("<p>Nội dung chi tiết của tin bài, với những con số và sự kiện cụ thể.</p>")
    )
    author_name = "Trần Văn Bình"
    author_position = "Văn phòng HĐND và UBND huyện"


class VideoIndexFactory(PageFactory):
    class Meta:
        model = VideoIndexPage

    title = "Video Clip"
    slug = "video-clip"


class VideoFactory(PageFactory):
    class Meta:
        model = VideoPage

    title = factory.Sequence(lambda n: f"Phóng sự số {n}")
    slug = factory.Sequence(lambda n: f"phong-su-{n}")
    embed_url = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=demo{n}")
