"""Public pages: the registry, a document, the guides, «Раскрытие информации»."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gridportal.core.uploads import private_file_response

from .. import links, selectors, services
from ..choices import Topic
from ..diff import document_diff
from ..forms import DocumentSearchForm, FeedbackForm
from ..links import stage_links
from ..markdown import markdown_html
from ..models import Document

PAGE_SIZE = 20


def documents(request):
    form = DocumentSearchForm(request.GET or None)
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
        found = Document.objects.none()
        filters = selectors.DocumentFilters()
    else:
        filters = form.filters() if form.is_bound else selectors.DocumentFilters()
        found = selectors.document_search(filters)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    marked = selectors.headlines(rows, filters.q) if filters.q else {}
    for row in rows:
        row.headline = marked.get(row.pk)
    context = {
        "form": form,
        "page": page,
        "documents": rows,
        "filters": filters,
        "tree": selectors.category_tree(),
        "topics": Topic.choices,
        "query_string": _query_without_page(request),
    }
    return render(request, "disclosure/public/documents.html", context, status=status)


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def document_detail(request, pk, slug=None):
    document = selectors.document_get_published(pk=pk)
    if slug != document.slug:
        return redirect(document.get_absolute_url(), permanent=True)
    previous = document.supersedes if document.supersedes_id else None
    if previous is not None and previous.published_at is None:
        previous = None
    return render(
        request,
        "disclosure/public/document.html",
        {
            "document": document,
            "topics": [link.get_topic_display() for link in document.topic_links.all()],
            "successor": selectors.document_successor(document),
            "previous": previous,
            "versions": selectors.document_versions(document),
            "changes": document_diff(previous, document) if previous else None,
        },
    )


def document_by_number(request, number):
    """/documents/number/861/ → the version of that number in force (or the latest)."""
    found = (
        selectors.documents_published()
        .filter(number__iexact=number)
        .order_by("status", "-date", "-id")
    )
    document = found.exclude(status="superseded").first() or found.first()
    if document is None:
        raise Http404
    return redirect(document.get_absolute_url())


def document_file(request, pk):
    document = selectors.document_get_published(pk=pk)
    if not document.file_name:
        raise Http404
    extension = "." + document.file_kind
    name = document.file_original_name or f"{document.slug}{extension}"
    if not name.lower().endswith(extension):
        name += extension
    return private_file_response(stored_name=document.file_name, download_name=name)


def guides(request):
    return render(
        request, "disclosure/public/guides.html", {"guides": selectors.guides_published()}
    )


def guide_detail(request, slug):
    guide = selectors.guide_get_published(slug=slug)
    thanks = request.GET.get("thanks") == "1"
    return render(
        request,
        "disclosure/public/guide.html",
        {
            "guide": guide,
            "body": markdown_html(guide.display_body),
            "links": stage_links(guide.stage),
            "documents": selectors.documents_published()
            .filter(topic_links__topic=guide.stage)
            .exclude(status="superseded")[:8],
            "thanks": thanks,
        },
    )


@require_POST
def guide_feedback(request, slug):
    guide = selectors.guide_get_published(slug=slug)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "disclosure/public/feedback_error.html",
            {"guide": guide, "message": _("Choose «Yes» or «No».")},
            status=400,
        )
    services.guide_feedback_record(guide=guide, helpful=form.cleaned_data["helpful"])
    return redirect(f"{request.path.rsplit('feedback/', 1)[0]}?thanks=1#feedback")


def disclosure(request):
    items = list(selectors.disclosure_items_public())
    rows = []
    for item in items:
        publications = list(item.publications.all())
        rows.append({"item": item, "latest": publications[:1], "archive": publications[1:]})
    # The figures themselves live on other pages of the portal: lead the reader to them.
    see_also = [links.RELIABILITY, links.LOAD_MAP]
    return render(
        request, "disclosure/public/disclosure.html", {"rows": rows, "see_also": see_also}
    )
