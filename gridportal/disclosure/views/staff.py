"""The disclosure console: the calendar, the registry's uploads and versions, the guides."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.core.exceptions import ApplicationError

from .. import selectors, services
from ..diff import text_diff
from ..forms import DocumentForm, GuideForm, PublicationForm
from ..markdown import markdown_html
from ..models import Guide

CALENDAR = "disclosure.view_disclosureitem"
PUBLISH_ITEM = "disclosure.add_publication"
VIEW_DOCS = "disclosure.view_document"
ADD_DOC = "disclosure.add_document"
CHANGE_DOC = "disclosure.change_document"
VIEW_GUIDES = "disclosure.view_guide"
CHANGE_GUIDE = "disclosure.change_guide"


@staff_required(permission=CALENDAR)
def calendar(request):
    today = timezone.localdate()
    return render(
        request,
        "disclosure/staff/calendar.html",
        {
            "rows": selectors.calendar_for_user(user=request.user, today=today),
            "today": today,
            "can_publish": request.user.has_perm(PUBLISH_ITEM),
        },
    )


@staff_required(permission=PUBLISH_ITEM)
@require_POST
def item_publish(request, pk):
    item = selectors.item_get_for_user(user=request.user, pk=pk)
    form = PublicationForm(request.POST)
    if form.is_valid():
        try:
            services.publication_record(
                item=item,
                period=form.cleaned_data["period"],
                url=form.cleaned_data["url"],
                actor=request.user,
                request=request,
            )
            messages.success(request, _("Marked published."))
        except ApplicationError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("staff:disclosure:calendar")


@staff_required(permission=VIEW_DOCS)
def documents(request):
    docs = selectors.documents_for_user(user=request.user).order_by("-updated_at", "-id")[:200]
    return render(
        request,
        "disclosure/staff/documents.html",
        {"documents": docs, "can_add": request.user.has_perm(ADD_DOC)},
    )


@staff_required(permission=VIEW_DOCS)
def document_detail(request, pk):
    document = selectors.document_get_for_user(user=request.user, pk=pk)
    previous = document.supersedes
    return render(
        request,
        "disclosure/staff/document.html",
        {
            "document": document,
            "previous": previous,
            "changes": text_diff(previous.file_text, document.file_text) if previous else None,
            "has_successor": hasattr(document, "superseded_by"),
            "can_change": request.user.has_perm(CHANGE_DOC),
            "can_add": request.user.has_perm(ADD_DOC),
        },
    )


def _document_form_page(request, *, previous=None):
    initial = {}
    if previous is not None:
        initial = {
            "kind": previous.kind,
            "number": previous.number,
            "issuing_body": previous.issuing_body,
            "title": previous.title,
            "title_en": previous.title_en,
            "summary": previous.summary,
            "summary_en": previous.summary_en,
            "status": "amended",
            "category": previous.category_id,
            "branch": previous.branch_id,
            "topics": list(previous.topic_links.values_list("topic", flat=True)),
        }
    form = DocumentForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                document = services.document_create(
                    data=form.document_data(),
                    upload=form.cleaned_data.get("file"),
                    supersedes=previous,
                    actor=request.user,
                    request=request,
                    publish=form.cleaned_data["publish"],
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The document is saved."))
                return redirect("staff:disclosure:document", document.pk)
    return render(
        request,
        "disclosure/staff/document_form.html",
        {"form": form, "previous": previous},
        status=status,
    )


@staff_required(permission=ADD_DOC)
def document_new(request):
    return _document_form_page(request)


@staff_required(permission=ADD_DOC)
def document_new_version(request, pk):
    previous = selectors.document_get_for_user(user=request.user, pk=pk)
    return _document_form_page(request, previous=previous)


@staff_required(permission=CHANGE_DOC)
@require_POST
def document_publish(request, pk):
    document = selectors.document_get_for_user(user=request.user, pk=pk)
    services.document_publish(document=document, actor=request.user, request=request)
    messages.success(request, _("The document is published."))
    return redirect("staff:disclosure:document", document.pk)


@staff_required(permission=VIEW_GUIDES)
def guides(request):
    rows = Guide.objects.annotate(
        helpful_yes=Count("feedback", filter=Q(feedback__helpful=True)),
        helpful_total=Count("feedback"),
    )
    return render(request, "disclosure/staff/guides.html", {"guides": rows})


@staff_required(permission=CHANGE_GUIDE)
def guide_edit(request, slug):
    guide = get_object_or_404(Guide, slug=slug)
    initial = {
        "title": guide.title,
        "title_en": guide.title_en,
        "body": guide.body,
        "body_en": guide.body_en,
        "status": guide.status,
    }
    form = GuideForm(request.POST or None, initial=initial)
    preview = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            if "preview" in request.POST:
                preview = markdown_html(data["body"])
                status = 200
            else:
                services.guide_save(guide=guide, actor=request.user, request=request, **data)
                messages.success(request, _("The guide is saved."))
                return redirect("staff:disclosure:guide", guide.slug)
    return render(
        request,
        "disclosure/staff/guide_form.html",
        {
            "guide": guide,
            "form": form,
            "preview": preview,
            "revisions": guide.revisions.select_related("saved_by")[:20],
        },
        status=status,
    )
