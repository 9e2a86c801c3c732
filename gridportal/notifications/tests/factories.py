import factory

from gridportal.notifications.choices import Channel, SubscriptionStatus
from gridportal.notifications.models import Subscription


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed e-mail subscription unless told otherwise."""

    class Meta:
        model = Subscription

    channel = Channel.EMAIL
    contact = factory.Sequence(lambda n: f"subscriber{n}@example.ru")
    language = "ru"
    status = SubscriptionStatus.CONFIRMED
