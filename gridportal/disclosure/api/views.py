"""The disclosure API: documents (search, filters, versions), guides, disclosure items."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from gridportal.api.schema import error_responses

from .. import selectors
from ..filters import DocumentFilterSet
from ..models import Document
from .serializers import DisclosureItemSerializer, DocumentSerializer, GuideSerializer


@extend_schema_view(
    list=extend_schema(responses={200: DocumentSerializer(many=True), **error_responses(400)}),
    retrieve=extend_schema(responses={200: DocumentSerializer, **error_responses(404)}),
)
class DocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """Published normative documents. `q` searches titles, summaries and the text inside the
    files with Russian morphology (results ranked, with a highlighted `headline`); filters:
    kind, status, topic, year, number, category. `supersedes` / `superseded_by` link versions."""

    serializer_class = DocumentSerializer
    filterset_class = DocumentFilterSet

    def get_queryset(self):
        return selectors.documents_published().select_related("branch")

    def _context_for(self, rows):
        ids = [d.pk for d in rows]
        successors = dict(
            Document.objects.published()
            .filter(supersedes_id__in=ids)
            .values_list("supersedes_id", "pk")
        )
        context = {"successors": successors}
        q = " ".join(self.request.query_params.get("q", "").split())
        if q and self.action == "list":
            context["headlines"] = selectors.headlines(list(rows), q)
        return context

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = list(page if page is not None else queryset)
        context = {**self.get_serializer_context(), **self._context_for(rows)}
        data = DocumentSerializer(rows, many=True, context=context).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        context = {**self.get_serializer_context(), **self._context_for([obj])}
        return Response(DocumentSerializer(obj, context=context).data)


class GuideViewSet(viewsets.ReadOnlyModelViewSet):
    """Published service-stage guides (Markdown and the sanitised HTML)."""

    serializer_class = GuideSerializer
    lookup_field = "slug"
    filter_backends = []

    def get_queryset(self):
        return selectors.guides_published()


class DisclosureItemViewSet(viewsets.ReadOnlyModelViewSet):
    """What the company must disclose, how often, and each period's publication."""

    serializer_class = DisclosureItemSerializer
    filter_backends = []

    def get_queryset(self):
        return selectors.disclosure_items_public()
