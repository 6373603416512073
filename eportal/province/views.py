"""Admin views: propose a commune article to the province portal, and decide on proposals."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page

from .models import ProvinceProposal
from .proposals import rules


class ProposeForm(forms.Form):
    category = forms.ModelChoiceField(
        label="Chuyên mục trên cổng tỉnh", queryset=None, empty_label="— Chọn chuyên mục —",
        error_messages={"required": "Hãy chọn chuyên mục tin của cổng tỉnh.",
                        "invalid_choice": rules.NOT_A_PROVINCE_CATEGORY},
    )
    note = forms.CharField(
        label="Ghi chú cho Ban biên tập cổng tỉnh (không bắt buộc)", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["category"]
        field.queryset = rules.province_categories()
        field.label_from_instance = lambda category: "— " * max(category.depth - 3, 0) + category.title


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label="Lý do từ chối", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": rules.REASON_REQUIRED},
    )


def refused(request, message, status=403):
    return TemplateResponse(request, "province/refused.html", {"message": message}, status=status)


LIST_TITLE = "Tin đề xuất từ trang thành phần"
FORBIDDEN_PROPOSE = "Bạn không có quyền sửa tin bài này nên không thể đề xuất nó lên cổng tỉnh."
FORBIDDEN_DECIDE = "Chỉ người có quyền xuất bản ở chuyên mục được chọn của cổng tỉnh mới duyệt được đề xuất này."
FORBIDDEN_LIST = "Chỉ Ban biên tập cổng tỉnh (người có quyền xuất bản trên cổng tỉnh) mới xem được danh sách đề xuất."


def propose(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not rules.can_propose(request.user, page):
        return refused(request, FORBIDDEN_PROPOSE)
    problem = rules.proposal_problem(page)
    if problem:
        return refused(request, problem, status=400)
    form = ProposeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                rules.propose(page, form.cleaned_data["category"], request.user, form.cleaned_data["note"])
            except rules.Refused as refusal:
                return refused(request, refusal.message, status=400)
            messages.success(request, f"Đã đề xuất “{page.title}” lên cổng tỉnh. Ban biên tập cổng tỉnh sẽ duyệt.")
            return HttpResponseRedirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]), status=303)
        status = 400
    return TemplateResponse(request, "province/propose.html", {
        "article": page, "form": form, "page_title": "Đề xuất lên cổng tỉnh", "header_icon": "upload",
    }, status=status)


def proposal_list(request):
    if not rules.may_decide_any(request.user):
        return refused(request, FORBIDDEN_LIST)
    recent = (
        ProvinceProposal.objects.exclude(status=ProvinceProposal.Status.PENDING)
        .select_related("article", "category", "decided_by").order_by("-decided_at", "-pk")[:20]
    )
    return TemplateResponse(request, "province/proposals.html", {
        "page_title": LIST_TITLE, "header_icon": "upload",
        "pending": rules.pending_for(request.user),
        "recent": [proposal for proposal in recent if rules.can_decide(request.user, proposal)],
    })


def decide(request, proposal_id):
    proposal = get_object_or_404(
        ProvinceProposal.objects.select_related("article", "category", "proposed_by"), pk=proposal_id
    )
    if not rules.can_decide(request.user, proposal):
        return refused(request, FORBIDDEN_DECIDE)
    refuse_form = RefuseForm(request.POST if request.POST.get("action") == "refuse" else None)
    context = {
        "proposal": proposal, "refuse_form": refuse_form, "source": rules.site_of(proposal.article),
        "page_title": "Duyệt tin đề xuất", "header_icon": "upload",
    }
    if request.method != "POST":
        return TemplateResponse(request, "province/decide.html", context)
    action = request.POST.get("action")
    try:
        if action == "approve":
            copy = rules.approve(proposal, request.user)
            messages.success(request, f"Đã đưa “{copy.title}” lên chuyên mục “{proposal.category.title}”.")
        elif action == "refuse":
            if not refuse_form.is_valid():
                return TemplateResponse(request, "province/decide.html", context, status=400)
            rules.refuse(proposal, request.user, refuse_form.cleaned_data["reason"])
            messages.success(request, f"Đã từ chối đề xuất “{proposal.article.title}”.")
        else:
            return refused(request, "Thao tác không hợp lệ: hãy chọn Duyệt hoặc Từ chối.", status=400)
    except rules.Refused as refusal:
        context["problem"] = refusal.message
        return TemplateResponse(request, "province/decide.html", context, status=400)
    return HttpResponseRedirect(reverse("province_proposals"), status=303)
