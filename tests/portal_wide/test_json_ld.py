"""schema.org NewsArticle JSON-LD on articles, escaped so that nothing can break out of it."""

import pytest

from ..factories import ArticleFactory
from .conftest import AGENCY, at
from .htmlmeta import json_ld, parse

pytestmark = pytest.mark.django_db


def test_article_has_a_news_article(client, identity, category, image):
    identity.logo = image
    identity.save()
    article = ArticleFactory(
        parent=category, title="Hội nghị quán triệt Nghị quyết Trung ương 4 khóa XI", date=at(2015, 11, 11, 8),
        author_name="Ban Tuyên giáo Huyện ủy", author_position="", featured_image=image,
        lead="Dữ liệu mẫu: hội nghị quán triệt nghị quyết.",
    )
    article.save_revision().publish()
    article.refresh_from_db()
    html = client.get(article.url).content.decode()
    [data] = json_ld(parse(html))
    url = "http://testserver" + article.url
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["datePublished"] == "2015-11-11T08:00:00+07:00"
    assert data["dateModified"].startswith(str(article.last_published_at.year))
    assert data["author"] == {"@type": "Person", "name": "Ban Tuyên giáo Huyện ủy"}
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["publisher"]["name"] == AGENCY
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/")
    assert data["image"][0].startswith("http://testserver/") and ".webp" in data["image"][0]
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["description"] == article.lead


def test_without_author_image_or_logo(client, identity, category):
    article = ArticleFactory(parent=category, author_name="", author_position="")
    [data] = json_ld(parse(client.get(article.url).content.decode()))
    assert data["author"] == {"@type": "GovernmentOrganization", "name": AGENCY}
    assert "logo" not in data["publisher"]
    assert "image" not in data


def test_author_position_is_the_job_title(client, identity, category):
    article = ArticleFactory(parent=category, author_name="Trần Văn Bình", author_position="Phóng viên")
    [data] = json_ld(parse(client.get(article.url).content.decode()))
    assert data["author"] == {"@type": "Person", "name": "Trần Văn Bình", "jobTitle": "Phóng viên"}


@pytest.mark.parametrize("title", [
    'Tin </script><script>alert("x")</script>',
    "Tin </SCRIPT ><img src=x onerror=alert(1)>",
    "Tin <!-- <script> & \u2028 dòng",
])
def test_a_title_cannot_break_out_of_the_script(client, identity, category, title):
    article = ArticleFactory(parent=category, title=title, lead="</script><b>sapo</b>")
    html = client.get(article.url).content.decode()
    head = html.split("</head>")[0]
    script = head.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script and ">" not in script
    [data] = json_ld(parse(html))
    assert data["headline"] == title
    # Nothing but our own script elements: the display settings (text size, contrast), the
    # ld+json one and the static portal.js.
    doc = parse(html)
    assert [attrs.get("type") or attrs.get("src") for attrs, _ in doc.scripts] == [
        "/static/js/display-settings.js", "application/ld+json", "/static/js/portal.js"
    ]


def test_only_articles_carry_a_news_article(client, identity, category):
    for url in ["/", category.url, "/du-lieu-mo/"]:
        assert json_ld(parse(client.get(url).content.decode())) == []


def test_preview_of_an_edited_article(admin_client, identity, category):
    from ..editorial.conftest import article_form

    article = ArticleFactory(parent=category)
    edit_url = f"/admin/pages/{article.pk}/edit/preview/"
    form = article_form(title="Tiêu đề đã sửa </script>", slug=article.slug)
    assert admin_client.post(edit_url, form).json()["is_valid"]
    doc = parse(admin_client.get(edit_url).content.decode())
    assert json_ld(doc)[0]["headline"] == "Tiêu đề đã sửa </script>"
    assert doc.meta["DC.title"] == "Tiêu đề đã sửa </script>"
    # Wagtail previews with a request for the site's own host name.
    assert doc.meta["DC.identifier"] == "http://localhost" + article.url


def test_preview_of_a_page_not_yet_in_the_tree(admin_client, identity, home):
    from wagtail.test.utils.form_data import nested_form_data

    url = f"/admin/pages/add/core/htmlsitemappage/{home.pk}/preview/"
    form = nested_form_data({"title": "Sơ đồ cổng", "slug": "so-do-cong", "intro": "Các chuyên mục.",
                             "seo_title": "", "search_description": "", "go_live_at": "", "expire_at": ""})
    assert admin_client.post(url, form).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    doc = parse(response.content.decode())
    assert doc.meta["DC.title"] == "Sơ đồ cổng" and doc.meta["DC.description"] == "Các chuyên mục."
    assert doc.meta["DC.identifier"] == "http://localhost/so-do-cong/"
