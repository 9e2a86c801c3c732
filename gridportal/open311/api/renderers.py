"""GeoReport v2 documents in JSON and in XML (the spec's two formats)."""

import re
import xml.etree.ElementTree as ET

from rest_framework.renderers import BaseRenderer, JSONRenderer

SINGULAR = {"attributes": "attribute", "values": "value"}
# Characters XML 1.0 cannot carry at all. New text never holds them (the edge refuses them:
# core/hygiene.py), but a row stored earlier might, and one such row must not break the list.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Open311JSONRenderer(JSONRenderer):
    format = "json"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _fill(element: ET.Element, value, item_tag: str = "item") -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            _fill(ET.SubElement(element, key), child, SINGULAR.get(key, "item"))
    elif isinstance(value, list | tuple):
        for child in value:
            _fill(ET.SubElement(element, item_tag), child)
    else:
        element.text = _text(value)


class Open311XMLRenderer(BaseRenderer):
    media_type = "text/xml"
    format = "xml"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        renderer_context = renderer_context or {}
        view = renderer_context.get("view")
        response = renderer_context.get("response")
        if response is not None and getattr(response, "exception", False):
            root_tag, item_tag = "errors", "error"
        else:
            root_tag = getattr(view, "xml_root", "response")
            item_tag = getattr(view, "xml_item", "item")
        root = ET.Element(root_tag)
        _fill(root, data, item_tag)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def error_list_xml(errors: list[dict]) -> bytes:
    """<errors><error><code>…</code><description>…</description></error></errors>."""
    root = ET.Element("errors")
    _fill(root, errors, "error")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
