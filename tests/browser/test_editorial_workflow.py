"""The editorial board's two-step approval, clicked through the real (Vietnamese) admin.

A contributor writes an article and submits it, the editor approves the first step, the
head of the board approves the second, and only then does a visitor see the article.
tests/editorial/test_workflow.py checks the same rules with the Django test client.
"""

import json
import re
import uuid

import pytest
from playwright.sync_api import expect

from eportal.editorial import roles

pytestmark = [pytest.mark.browser, pytest.mark.server]

PASSWORD = "mat-khau-thu-nghiem-2026"
CATEGORY = "Tin tức - Sự kiện"
LEAD = "Sáng nay, UBND huyện Kế Sách tổ chức hội nghị triển khai nhiệm vụ năm 2027."
BODY = "Hội nghị thống nhất các chỉ tiêu về giảm nghèo, giao thông nông thôn và chuyển đổi số."
# Page loads and form posts of the admin; the 15 s default of the context is for clicks.
NAVIGATION_TIMEOUT = 30_000


def create_board(live_site, suffix):
    """One user per role, with names no other run on this server has used."""
    users = {
        "contributor": (f"phongvien_{suffix}", roles.CONTRIBUTOR),
        "editor": (f"bientapvien_{suffix}", roles.EDITOR),
        "head": (f"truongban_{suffix}", roles.HEAD),
    }
    live_site.python(f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
for username, group in {list(users.values())!r}:
    user = get_user_model().objects.create_user(
        username=username, email=username + "@kesach.example", password={PASSWORD!r})
    user.groups.add(Group.objects.get(name=group))
""")
    return {role: username for role, (username, _group) in users.items()}


@pytest.fixture
def board(live_site):
    """The three board members; afterwards their articles and accounts are removed.

    The live site is shared by the whole session and other tests expect the demo's
    content (one published article), so nothing made here may outlive the test.
    """
    suffix = uuid.uuid4().hex[:8]
    users = create_board(live_site, suffix)
    yield suffix, users
    live_site.python(f"""
from django.contrib.auth import get_user_model
from eportal.news.models import ArticlePage
for page in ArticlePage.objects.filter(title__endswith={f"({suffix})"!r}):
    page.delete()  # its revisions and workflow states go with it
get_user_model().objects.filter(username__in={list(users.values())!r}).delete()
""")


def category(live_site):
    out = live_site.python(f"""
import json
from eportal.news.models import NewsCategoryPage
page = NewsCategoryPage.objects.get(title={CATEGORY!r})
print(json.dumps({{"id": page.pk, "url": page.url}}))
""")
    return json.loads(out)


def article_state(live_site, title):
    """The article's id, URL, live flag and the task its workflow waits on (or None)."""
    out = live_site.python(f"""
import json
from wagtail.models import WorkflowState
from eportal.news.models import ArticlePage
page = ArticlePage.objects.get(title={title!r})
state = WorkflowState.objects.filter(
    base_content_type__model="page", object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
).first()
task = state.current_task_state.task.name if state and state.current_task_state else None
print(json.dumps({{"id": page.pk, "title": page.title, "url": page.url, "live": page.live, "task": task}}))
""")
    return json.loads(out)


def log_in(context, live_site, username):
    page = context.new_page()
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT)
    page.goto(live_site.base_url + "/admin/login/")
    page.locator("input[name='username']").fill(username)
    page.locator("input[name='password']").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type='submit']").click()
    expect(page).to_have_url(live_site.base_url + "/admin/")
    return page


def open_footer_actions(page):
    """Opens the "more actions" menu next to the footer's main button."""
    toggle = page.locator("footer.footer .w-dropdown__toggle")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")


def approve_current_step(page, live_site, page_id):
    """Approves from the page editor's footer, the way a board member does."""
    page.goto(f"{live_site.base_url}/admin/pages/{page_id}/edit/")
    open_footer_actions(page)
    # "Phê chuẩn" (approve without a comment): the editor's JavaScript saves the form with
    # the action, so no comment dialog opens. The other approve button has a modal URL.
    approve = page.locator(
        "footer.footer button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    )
    with page.expect_navigation():
        approve.click()
    expect_success(page)


def expect_success(page):
    """After a form post: Wagtail's success message, not the form again with its errors."""
    errors = page.locator(".messages .error, .w-field__errors .error-message")
    assert errors.count() == 0, errors.all_inner_texts()
    expect(page.locator(".messages .success")).to_be_visible()


def assert_not_public(context, live_site, article, category_url):
    page = context.new_page()
    assert page.goto(live_site.base_url + article["url"]).status == 404
    assert page.goto(live_site.base_url + category_url).status == 200
    expect(page.locator("main")).not_to_contain_text(article["title"])
    page.close()


def test_a_draft_walks_from_contributor_to_the_public_page(live_site, new_context, board, tmp_path):
    suffix, users = board
    news = category(live_site)
    title = f"Hội nghị triển khai nhiệm vụ năm 2027 ({suffix})"
    visitor = new_context()

    # 1. The contributor writes the article and submits it to the workflow.
    contributor = log_in(new_context(), live_site, users["contributor"])
    contributor.goto(f"{live_site.base_url}/admin/pages/add/news/articlepage/{news['id']}/")
    contributor.locator("input[name='title']").fill(title)
    contributor.locator("textarea[name='lead']").fill(LEAD)
    contributor.locator("#body-root .c-sf-add-button").first.click()
    contributor.get_by_role("option", name="Đoạn văn", exact=True).click()
    paragraph = contributor.locator("#body-root [contenteditable='true']").first
    paragraph.click()
    paragraph.press_sequentially(BODY)
    # Draftail writes its hidden input a moment after the last keystroke (debounced): a
    # submit before that would save an empty paragraph.
    expect(contributor.locator("input[name='body-0-value']")).to_have_value(re.compile(re.escape(BODY)))
    contributor.screenshot(path=tmp_path / "1-contributor-form.png")
    open_footer_actions(contributor)
    with contributor.expect_navigation():
        contributor.locator("footer.footer button[name='action-submit']").click()
    expect_success(contributor)
    contributor.screenshot(path=tmp_path / "1-contributor-submitted.png")

    article = article_state(live_site, title)
    assert article["task"] == roles.EDITOR_TASK, article
    assert not article["live"], article
    assert_not_public(visitor, live_site, article, news["url"])

    # 2. The editor approves the first step; the article waits for the head of the board.
    editor = log_in(new_context(), live_site, users["editor"])
    approve_current_step(editor, live_site, article["id"])
    editor.screenshot(path=tmp_path / "2-editor-approved.png")

    article = article_state(live_site, title)
    assert article["task"] == roles.HEAD_TASK, article
    assert not article["live"], article
    assert_not_public(visitor, live_site, article, news["url"])

    # 3. The head of the board approves the last step, which publishes the article.
    head = log_in(new_context(), live_site, users["head"])
    approve_current_step(head, live_site, article["id"])
    head.screenshot(path=tmp_path / "3-head-approved.png")

    article = article_state(live_site, title)
    assert article["live"], article
    assert article["task"] is None, article

    # 4. A visitor (a context that never logged in) reads it, and finds it in its category.
    reader = new_context().new_page()
    response = reader.goto(live_site.base_url + article["url"])
    assert response.status == 200
    expect(reader.get_by_role("heading", level=1, name=title)).to_be_visible()
    expect(reader.get_by_text(BODY)).to_be_visible()
    reader.screenshot(path=tmp_path / "4-public-article.png")

    response = reader.goto(live_site.base_url + news["url"])
    assert response.status == 200
    expect(reader.get_by_role("link", name=title)).to_be_visible()
    reader.screenshot(path=tmp_path / "4-public-category.png")
