from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rest_framework import serializers

from gridportal.api.serializers import MAX_ID, FiniteFloatField, IdField, PlainCharField

from .. import registry, selectors
from ..choices import RequestStatus
from ..geo import parse_w3c
from ..registry import RequestIn, RequestQuery
from ..selectors import DEFAULT_SPAN, NEAREST_RADIUS_M

CONSENT_YES = {"true", "1", "yes", "on"}
UNKNOWN_SERVICE = _("Unknown service_code «{code}»; see services.json for the list.")


Coordinate = FiniteFloatField


class RequestCreateSerializer(serializers.Serializer):
    """POST requests.json, form-encoded as GeoReport v2 sends it."""

    FIELDS = (
        "service_code",
        "lat",
        "long",
        "address_string",
        "address_id",
        "email",
        "phone",
        "first_name",
        "last_name",
        "description",
    )

    service_code = serializers.CharField(max_length=40)
    lat = Coordinate(required=False, min_value=-90, max_value=90)
    long = Coordinate(required=False, min_value=-180, max_value=180)
    # Text that is stored and served again (requests.xml): no control characters.
    address_string = PlainCharField(required=False, allow_blank=True, max_length=300)
    address_id = IdField(required=False)
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    phone = PlainCharField(required=False, allow_blank=True, max_length=32)
    first_name = PlainCharField(required=False, allow_blank=True, max_length=100)
    last_name = PlainCharField(required=False, allow_blank=True, max_length=100)
    description = PlainCharField(required=False, allow_blank=True, max_length=900)
    consent = serializers.CharField(required=False, allow_blank=True, max_length=10)

    def validate_service_code(self, value):
        if value not in registry.services():
            raise serializers.ValidationError(UNKNOWN_SERVICE.format(code=value[:40]))
        return value

    def validate(self, attrs):
        has_lat, has_long = "lat" in attrs, "long" in attrs
        if has_lat != has_long:
            raise serializers.ValidationError(
                {"lat" if not has_lat else "long": _("Send both lat and long, or neither.")}
            )
        contacts = bool(attrs.get("phone", "").strip() or attrs.get("email", "").strip())
        consent = attrs.get("consent", "").strip().lower() in CONSENT_YES
        if contacts and not consent:
            raise serializers.ValidationError(
                {
                    "consent": _(
                        "With an e-mail or phone, send attribute[consent]=true: your consent "
                        "to the processing of personal data (Federal Law 152-FZ)."
                    )
                }
            )
        attrs["consent_given"] = consent
        attrs["address"] = self._locate(attrs)
        return attrs

    def request_in(self) -> RequestIn:
        data = self.validated_data
        return RequestIn(
            service_code=data["service_code"],
            address=data["address"],
            description=data.get("description", ""),
            phone=data.get("phone", "").strip(),
            email=data.get("email", "").strip(),
            consent_given=data["consent_given"],
        )

    def _locate(self, attrs):
        if "address_id" in attrs:
            address = selectors.address_by_id(attrs["address_id"])
            if address is None:
                raise serializers.ValidationError({"address_id": _("No such address.")})
            return address
        text = attrs.get("address_string", "").strip()
        if text:
            address = selectors.address_by_text(text)
            if address is not None:
                return address
            if "lat" not in attrs:
                raise serializers.ValidationError(
                    {
                        "address_string": _(
                            "We could not find this address among the buildings we supply. "
                            "Check the spelling or send lat and long."
                        )
                    }
                )
        if "lat" in attrs:
            address = selectors.address_nearest(lat=attrs["lat"], lon=attrs["long"])
            if address is None:
                raise serializers.ValidationError(
                    {
                        "lat": _(
                            "No building we supply lies within {metres} m of this point."
                        ).format(metres=NEAREST_RADIUS_M)
                    }
                )
            return address
        raise serializers.ValidationError(
            _("Send a location: lat and long, address_string or address_id.")
        )


def _comma_list(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


class RequestQuerySerializer(serializers.Serializer):
    """GET requests.json filters."""

    service_request_id = serializers.CharField(required=False, allow_blank=True)
    service_code = serializers.CharField(required=False, allow_blank=True)
    start_date = serializers.CharField(required=False, allow_blank=True)
    end_date = serializers.CharField(required=False, allow_blank=True)
    status = serializers.CharField(required=False, allow_blank=True)

    def validate_service_request_id(self, value):
        ids = []
        for part in _comma_list(value):
            if (
                not (part.isascii() and part.isdigit() and len(part) < 20)
                or not 0 < int(part) <= MAX_ID
            ):
                raise serializers.ValidationError(
                    _("«{value}» is not a request id.").format(value=part[:40])
                )
            ids.append(int(part))
        if len(ids) > selectors.MAX_REQUESTS:
            raise serializers.ValidationError(
                ngettext(
                    "Ask for at most {n} request at once.",
                    "Ask for at most {n} requests at once.",
                    selectors.MAX_REQUESTS,
                ).format(n=selectors.MAX_REQUESTS)
            )
        return tuple(ids)

    def validate_service_code(self, value):
        codes = _comma_list(value)
        for code in codes:
            if code not in registry.services():
                raise serializers.ValidationError(UNKNOWN_SERVICE.format(code=code[:40]))
        return tuple(codes)

    def validate_status(self, value):
        statuses = _comma_list(value)
        for item in statuses:
            if item not in RequestStatus.values:
                raise serializers.ValidationError(_("The status is open or closed."))
        return tuple(statuses)

    def _date(self, value, *, end_of_day=False):
        if not (value or "").strip():
            return None
        parsed = parse_w3c(value, end_of_day=end_of_day)
        if parsed is None:
            raise serializers.ValidationError(
                _("Use a W3C date-time such as 2026-11-26T00:00:00Z.")
            )
        return parsed

    def validate_start_date(self, value):
        return self._date(value)

    def validate_end_date(self, value):
        return self._date(value, end_of_day=True)

    def validate(self, attrs):
        start, end = attrs.get("start_date"), attrs.get("end_date")
        if start and end:
            if start > end:
                raise serializers.ValidationError(
                    {"end_date": _("end_date must not be before start_date.")}
                )
            if end - start > DEFAULT_SPAN:
                raise serializers.ValidationError(
                    {"end_date": _("The dates may not span more than 90 days.")}
                )
        return attrs

    def query(self) -> RequestQuery:
        data = self.validated_data
        return RequestQuery(
            ids=data.get("service_request_id") or (),
            service_codes=data.get("service_code") or (),
            statuses=data.get("status") or (),
            start=data.get("start_date"),
            end=data.get("end_date"),
        )
