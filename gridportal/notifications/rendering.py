"""Messages rendered from Django templates in the subscriber's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template import Context
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import gettext as _

from . import links
from .choices import Channel

SUFFIXES = ("subject", "body", "sms")


@dataclass
class RenderedMessage:
    subject: str = ""
    body: str = ""
    sms: str = ""
    unsubscribe_url: str = ""


def template_names(template: str) -> list[str]:
    return [f"{template}.{suffix}.txt" for suffix in SUFFIXES]


def templates_check(template: str) -> None:
    """Fail early (TemplateDoesNotExist) if one of the three message templates is missing."""
    for name in template_names(template):
        get_template(name)


def render_text(name: str, context: dict) -> str:
    """Plain text: no HTML escaping, surrounding blank space trimmed."""
    template = get_template(name)
    inner = getattr(template, "template", None)
    if inner is not None:
        text = inner.render(Context(context, autoescape=False))
    else:  # another template backend
        text = template.render(context)
    return text.strip()


def message_render(*, subscription, template: str, context: dict) -> RenderedMessage:
    unsubscribe_url = links.unsubscribe_url(subscription)
    full = dict(context)
    full.update(
        subscription=subscription,
        address=subscription.address,
        unsubscribe_url=unsubscribe_url,
        manage_url=links.manage_url(subscription),
        site_url=settings.SITE_URL,
    )
    message = RenderedMessage(unsubscribe_url=unsubscribe_url)
    with translation.override(subscription.language):
        if subscription.channel == Channel.SMS:
            message.sms = render_text(f"{template}.sms.txt", full)
            if unsubscribe_url not in message.sms:
                message.sms += "\n" + _("Unsubscribe: {url}").format(url=unsubscribe_url)
        else:
            message.subject = " ".join(render_text(f"{template}.subject.txt", full).split())
            message.body = render_text(f"{template}.body.txt", full)
            if unsubscribe_url not in message.body:
                message.body += "\n\n-- \n" + _(
                    "You receive this because you subscribed to news about {address}.\n"
                    "Unsubscribe in one click: {url}\n"
                    "Manage your subscriptions: {manage}"
                ).format(
                    address=subscription.address.label,
                    url=unsubscribe_url,
                    manage=full["manage_url"],
                )
            elif full["manage_url"] not in message.body:
                message.body += "\n\n" + _("Manage your subscriptions: {manage}").format(
                    manage=full["manage_url"]
                )
    return message
