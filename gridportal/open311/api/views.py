"""Open311 GeoReport v2: services, service definitions, requests (JSON and XML)."""

from collections.abc import Mapping

from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from gridportal.api.parsers import JSONParser
from gridportal.core.intake import Origin

from .. import registry, selectors, services
from ..catalogue import CONSENT_FIELD, definition_as_dict, service_as_dict
from .errors import exception_handler
from .renderers import Open311JSONRenderer, Open311XMLRenderer
from .serializers import RequestCreateSerializer, RequestQuerySerializer

# The date this endpoint last changed in a way clients may notice.
CHANGESET = "2026-11-26T00:00:00Z"


def _json_kind(value) -> str:
    if isinstance(value, list):
        return _("an array")
    if isinstance(value, str):
        return _("a string")
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("a boolean")
    return _("a number")


class Open311View(APIView):
    """Common ground: anonymous, JSON or XML by the URL suffix, the spec's error list.

    Answers in English when the client asks for it (Accept-Language), in Russian otherwise.
    """

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [Open311JSONRenderer, Open311XMLRenderer]
    parser_classes = [FormParser, MultiPartParser, JSONParser]
    xml_root, xml_item = "response", "item"

    def initial(self, request, *args, **kwargs):
        translation.activate(translation.get_language_from_request(request))
        super().initial(request, *args, **kwargs)

    def get_exception_handler(self):
        return exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response.headers["Content-Language"] = translation.get_language()
        # Anonymous and cookie-free: civic web apps on other sites may call it from a browser.
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response


@extend_schema(tags=["open311"], exclude=True)
class ServiceListView(Open311View):
    """GET services.json: what can be reported."""

    xml_root, xml_item = "services", "service"

    def get(self, request, format=None):
        return Response([service_as_dict(s) for s in registry.services().values()])


@extend_schema(tags=["open311"], exclude=True)
class ServiceDefinitionView(Open311View):
    """GET services/<code>.json: the extra attributes of a service (consent)."""

    xml_root = "service_definition"

    def get(self, request, code, format=None):
        service = registry.services().get(code)
        if service is None:
            raise NotFound(
                _("Unknown service_code «{code}»; see services.json for the list.").format(
                    code=code[:40]
                )
            )
        return Response(definition_as_dict(service))


@extend_schema(tags=["open311"], exclude=True)
class RequestListView(Open311View):
    """GET requests.json: recent requests, public fields only; POST: submit one."""

    xml_root, xml_item = "service_requests", "request"

    def get(self, request, format=None):
        params = RequestQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        return Response(selectors.requests_list(query=params.query(), now=timezone.now()))

    def post(self, request, format=None):
        if not isinstance(request.data, Mapping):
            raise ParseError(
                _(
                    "Send the request as form fields or as a JSON object; this JSON is {kind}."
                ).format(kind=_json_kind(request.data))
            )
        # Only the fields we read: a client may also upload `media`, which we do not keep.
        data = {
            name: request.data.get(name)
            for name in RequestCreateSerializer.FIELDS
            if request.data.get(name) is not None
        }
        data["consent"] = request.data.get(CONSENT_FIELD) or ""
        form = RequestCreateSerializer(data=data)
        form.is_valid(raise_exception=True)
        accepted = services.service_request_submit(
            request=form.request_in(),
            origin=Origin.from_request(request._request, channel="open311"),
        )
        body = [
            {
                "service_request_id": accepted.service_request_id,
                "service_notice": accepted.notice,
                "account_id": None,
            }
        ]
        code = status.HTTP_200_OK if accepted.duplicate else status.HTTP_201_CREATED
        return Response(body, status=code)


@extend_schema(tags=["open311"], exclude=True)
class RequestDetailView(Open311View):
    """GET requests/<id>.json: one request, as a list of one (as the spec has it)."""

    xml_root, xml_item = "service_requests", "request"

    def get(self, request, request_id, format=None):
        row = selectors.request_get(request_id=request_id)
        if row is None:
            raise Http404
        return Response([row])


@extend_schema(exclude=True)
class DiscoveryView(Open311View):
    """GET discovery.json: where the endpoint is and which specification it follows."""

    xml_root = "discovery"

    def get(self, request, format=None):
        url = request.build_absolute_uri(reverse("open311:services", kwargs={"format": "json"}))
        return Response(
            {
                "changeset": CHANGESET,
                "contact": _("Hotline of the grid company; see the portal's contacts page."),
                "key_service": "",
                "endpoints": [
                    {
                        "specification": "http://wiki.open311.org/GeoReport_v2",
                        "url": url.rsplit("/", 1)[0],
                        "changeset": CHANGESET,
                        "type": "production",
                        "formats": ["application/json", "text/xml"],
                    }
                ],
            }
        )


@extend_schema(exclude=True)
class NotFoundView(Open311View):
    """Anything else under /open311/v2/: a 404 in the spec's error list, not an HTML page."""

    def dispatch(self, request, *args, **kwargs):
        kwargs.setdefault("format", "xml" if request.path.endswith(".xml") else "json")
        return super().dispatch(request, *args, **kwargs)

    def _missing(self, request, *args, **kwargs):
        raise NotFound(_("No such Open311 resource; the list of services is at services.json."))

    get = post = put = patch = delete = _missing
