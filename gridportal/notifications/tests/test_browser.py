"""A person subscribes through the pages, confirms from the received mail, manages subscriptions."""

import re

import pytest

from gridportal.notifications.choices import SubscriptionStatus
from gridportal.notifications.models import Subscription
from gridportal.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(settings, live_server):
    settings.SITE_URL = live_server.url
    return live_server


def test_subscribe_by_email_and_confirm_from_the_letter(page, site, smtp_server, address):
    page.goto("/notifications/subscribe/")
    assert_accessible(page)
    page.get_by_label("Ваш адрес").press_sequentially("ленина 5", delay=30)
    page.get_by_test_id("address-results").get_by_role("link", name=address.label).click()
    page.wait_for_load_state()
    assert page.get_by_test_id("address").inner_text().startswith(address.label)
    assert_accessible(page)

    # Forgetting the consent is explained, and the page stays accessible.
    page.get_by_label("Адрес эл. почты").fill("ivanova@example.ru")
    page.get_by_role("button", name="Подписаться").click()
    page.wait_for_load_state()
    assert page.get_by_text("только с вашим согласием").is_visible()
    assert_accessible(page)

    page.get_by_label("Адрес эл. почты").fill("ivanova@example.ru")
    page.get_by_label("Я согласен").check()
    page.get_by_role("button", name="Подписаться").click()
    page.get_by_role("heading", name="Проверьте почту").wait_for()
    assert_accessible(page)

    [letter] = smtp_server.wait_for(1)
    confirm_url = re.search(r"http://\S+/notifications/confirm/\S+", letter["body"]).group(0)
    page.goto(confirm_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Подписка подтверждена"
    assert address.label in page.get_by_test_id("confirmed").inner_text()
    assert_accessible(page)
    assert Subscription.objects.get().status == SubscriptionStatus.CONFIRMED

    page.get_by_role("link", name="Управление подписками").click()
    page.get_by_role("heading", name="Мои подписки").wait_for()
    assert page.get_by_role("cell", name=address.label, exact=True).is_visible()
    assert_accessible(page)
    page.get_by_role("button", name=f"Отписаться от адреса {address.label}").click()
    page.get_by_text("Вы больше не будете получать новости").wait_for()
    assert page.get_by_text("У вас нет подписок.").is_visible()
    assert Subscription.objects.get().status == SubscriptionStatus.UNSUBSCRIBED


def test_subscribe_by_sms_and_enter_the_code(page, site, sms_gateway, address):
    page.goto(f"/notifications/subscribe/?address={address.pk}")
    page.get_by_label("SMS").check()
    page.get_by_label("Мобильный телефон").fill("+7 912 345-67-89")
    page.get_by_label("Я согласен").check()
    page.get_by_role("button", name="Подписаться").click()
    page.get_by_role("heading", name="Введите код").wait_for()
    assert_accessible(page)

    page.get_by_label("Код из SMS").fill(
        "000000" if sms_gateway.last_code() != "000000" else "111111"
    )
    page.get_by_role("button", name="Подтвердить").click()
    page.get_by_text("Код неверный").wait_for()
    assert_accessible(page)

    page.get_by_label("Код из SMS").fill(sms_gateway.last_code())
    page.get_by_role("button", name="Подтвердить").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Подписка подтверждена"


def test_the_subscribe_page_works_without_javascript_in_english(
    browser, site, smtp_server, address
):
    context = browser.new_context(base_url=site.url, java_script_enabled=False)
    context.set_default_timeout(10000)
    context.add_cookies([{"name": "django_language", "value": "en", "url": site.url}])
    page = context.new_page()
    page.goto("/notifications/subscribe/")
    page.get_by_label("Your address").fill("ленина 5")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name=address.label).click()
    page.get_by_label("E-mail address").fill("smith@example.com")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Subscribe").click()
    page.get_by_role("heading", name="Check your mailbox").wait_for()
    [letter] = smtp_server.wait_for(1)
    assert letter["subject"].strip().startswith("Confirm your subscription")
    context.close()


def test_asking_for_the_manage_link_is_accessible(page, site, smtp_server, address):
    from .factories import SubscriptionFactory

    SubscriptionFactory(address=address, contact="ivanova@example.ru")
    page.goto("/notifications/subscribe/")
    page.get_by_role("link", name="Уже подписаны? Управление подписками").click()
    page.get_by_role("heading", name="Мои подписки").wait_for()
    assert_accessible(page)
    page.get_by_label("Эл. почта или мобильный телефон").fill("12345")
    page.get_by_role("button", name="Прислать ссылку").click()
    page.get_by_text("российский мобильный номер").wait_for()
    assert_accessible(page)
    page.get_by_label("Эл. почта или мобильный телефон").fill("ivanova@example.ru")
    page.get_by_role("button", name="Прислать ссылку").click()
    page.get_by_test_id("manage-link-sent").wait_for()
    assert_accessible(page)
    [mail] = smtp_server.wait_for(1)
    page.goto(re.search(r"http://\S+/notifications/manage/\S+", mail["body"]).group(0))
    assert page.get_by_role("cell", name=address.label, exact=True).is_visible()


def test_the_staff_pages_are_accessible(page, site, login, officer, address):
    from gridportal.notifications.models import Delivery

    from .factories import SubscriptionFactory

    subscription = SubscriptionFactory(address=address, contact="ivanova@example.ru")
    Delivery.objects.create(
        subscription=subscription,
        event_key="incident-1:start",
        channel="email",
        template="notifications/messages/test_message",
        status="failed",
        attempts=5,
        last_error="SMTP 451",
    )
    login(officer)
    page.goto("/staff/notifications/deliveries/")
    assert page.get_by_role("cell", name="incident-1:start").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Отправить снова").click()
    page.get_by_text("Сообщение снова поставлено в очередь").wait_for()
    page.goto("/staff/notifications/subscriptions/")
    assert_accessible(page)
    page.goto(f"/staff/notifications/subscriptions/{subscription.pk}/")
    assert page.get_by_test_id("contact").inner_text() == "ivanova@example.ru"
    assert_accessible(page)


def test_unsubscribe_with_one_button_and_undo_it(page, site, address):
    from gridportal.notifications import links

    from .factories import SubscriptionFactory

    subscription = SubscriptionFactory(
        address=address, contact="ivanova@example.ru", confirmed_at="2026-11-01T10:00:00Z"
    )
    page.goto(links.unsubscribe_url(subscription))
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Отписаться от новостей об отключениях"
    )
    assert_accessible(page)
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    page.get_by_role("button", name="Отписаться").click()
    page.get_by_role("heading", name="Вы отписаны").wait_for()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED
    assert_accessible(page)
    page.get_by_label("Я согласен").check()
    page.get_by_role("button", name="Оставить подписку").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Подписка подтверждена"
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
