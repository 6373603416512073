"""Who may propose a commune article to the province portal, who decides, and what deciding does."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from eportal.core.archive import archive_of
from eportal.news.models import ArticlePage, NewsCategoryPage

from ..models import ProvinceProposal, SharedArticlePage
from ..sites import is_province, province_site
from .sync import copy_content, publish_copy

NOT_AN_ARTICLE = "Chỉ tin bài của trang thành phần mới đề xuất được lên cổng tỉnh."
NOT_LIVE = "Tin bài chưa được xuất bản. Hãy xuất bản tin trên trang thành phần trước khi đề xuất lên cổng tỉnh."
OF_PROVINCE = "Tin bài này đã thuộc cổng tỉnh nên không cần đề xuất."
ARCHIVED = "Trang “{name}” là trang lưu trữ nên không đề xuất tin lên cổng tỉnh được."
ALREADY_OPEN = "Tin bài này đã được đề xuất lên cổng tỉnh và đang chờ duyệt."
ALREADY_SHARED = "Tin bài này đã được đưa lên cổng tỉnh; mỗi lần xuất bản lại, tin trên cổng tỉnh được cập nhật theo."
NOT_A_PROVINCE_CATEGORY = "Hãy chọn một chuyên mục tin của cổng tỉnh."
ALREADY_DECIDED = "Đề xuất này đã được xử lý."
ORIGINAL_GONE = "Bài gốc đã ngừng xuất bản nên không thể đưa lên cổng tỉnh. Hãy từ chối đề xuất này."
REASON_REQUIRED = "Hãy ghi lý do từ chối để trang thành phần biết."


class Refused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def site_of(page) -> Site | None:
    """The site whose tree holds the page (the deepest root that is an ancestor)."""
    sites = Site.objects.select_related("root_page")
    found = [site for site in sites if page.path.startswith(site.root_page.path)]
    return max(found, key=lambda site: len(site.root_page.path), default=None)


def proposal_problem(article) -> str | None:
    """Why this article cannot be proposed now, or None."""
    if not isinstance(article, ArticlePage) or isinstance(article, SharedArticlePage):
        return NOT_AN_ARTICLE
    site = site_of(article)
    if site is None or is_province(site):
        return OF_PROVINCE
    identity = archive_of(site)
    if identity is not None:
        return ARCHIVED.format(name=identity.former_name)
    if not article.live:
        return NOT_LIVE
    if ProvinceProposal.objects.filter(article=article, status=ProvinceProposal.Status.PENDING).exists():
        return ALREADY_OPEN
    if SharedArticlePage.objects.filter(original=article).exists():
        return ALREADY_SHARED
    return None


def can_propose(user, article) -> bool:
    return article.permissions_for_user(user).can_edit()


def province_categories():
    site = province_site()
    if site is None:
        return NewsCategoryPage.objects.none()
    return NewsCategoryPage.objects.live().descendant_of(site.root_page).order_by("path")


def propose(article, category, user, note="") -> ProvinceProposal:
    problem = proposal_problem(article)
    if problem:
        raise Refused(problem)
    if not province_categories().filter(pk=category.pk).exists():
        raise Refused(NOT_A_PROVINCE_CATEGORY)
    try:
        with transaction.atomic():
            return ProvinceProposal.objects.create(
                article=article, category=category, proposed_by=user, note=note.strip(),
            )
    except IntegrityError:  # proposed by someone else meanwhile
        raise Refused(ALREADY_OPEN) from None


def can_decide(user, proposal) -> bool:
    return proposal.category.permissions_for_user(user).can_publish()


def may_decide_any(user) -> bool:
    """Whether the user may publish somewhere in the province site (so may see the proposals)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    from eportal.province.addresses import addresses

    root_path = addresses().default_root_path  # no query on every admin page's menu
    if not root_path:
        return False
    return any(
        perm.permission.codename == "publish_page"
        and (root_path.startswith(perm.page.path) or perm.page.path.startswith(root_path))
        for perm in PagePermissionPolicy().get_cached_permissions_for_user(user)
    )


def pending_for(user):
    """The open proposals this user may decide, oldest first."""
    proposals = (
        ProvinceProposal.objects.filter(status=ProvinceProposal.Status.PENDING)
        .select_related("article", "category", "proposed_by").order_by("proposed_at", "pk")
    )
    return [proposal for proposal in proposals if can_decide(user, proposal)]


def _free_slug(parent, wanted) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = wanted, 2
    while slug in taken:
        slug, number = f"{wanted}-{number}", number + 1
    return slug


def _locked_pending(proposal):
    locked = ProvinceProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != ProvinceProposal.Status.PENDING:
        raise Refused(ALREADY_DECIDED)
    return locked


def approve(proposal, user) -> SharedArticlePage:
    """Publish the shared copy under the chosen province category."""
    with transaction.atomic():
        proposal = _locked_pending(proposal)
        original = ArticlePage.objects.get(pk=proposal.article_id)
        if not original.live:
            raise Refused(ORIGINAL_GONE)
        category = proposal.category
        copy = SharedArticlePage(original=original, slug=_free_slug(category, original.slug), owner=user)
        copy_content(original, copy)
        category.add_child(instance=copy)
        publish_copy(copy, user)
        proposal.status = ProvinceProposal.Status.APPROVED
        proposal.decided_by, proposal.decided_at, proposal.shared_page = user, timezone.now(), copy
        proposal.save()
    return copy


def refuse(proposal, user, reason) -> ProvinceProposal:
    reason = (reason or "").strip()
    if not reason:
        raise Refused(REASON_REQUIRED)
    with transaction.atomic():
        proposal = _locked_pending(proposal)
        proposal.status = ProvinceProposal.Status.REFUSED
        proposal.decided_by, proposal.decided_at, proposal.reason = user, timezone.now(), reason
        proposal.save()
    return proposal
