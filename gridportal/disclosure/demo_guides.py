"""The four service-stage guides of the demo (Russian and English Markdown)."""

CONNECTION = """\
Технологическое присоединение — это подключение вашего дома, дачи или предприятия к
электрическим сетям. Порядок установлен Правилами технологического присоединения
(постановление Правительства РФ от 27.12.2004 № 861).

## 1. Проверьте адрес и свободную мощность

Найдите свой адрес на портале: вы увидите, к какой подстанции он относится и есть ли
свободная мощность на ближайшем центре питания. Сведения о свободной мощности компания
раскрывает ежеквартально.

## 2. Подайте заявку

Проще всего — через личный кабинет: заявка регистрируется сразу, а все документы
приходят туда же. Можно подать заявку и в офисе обслуживания. К заявке приложите:

- план расположения энергопринимающих устройств;
- копию документа, подтверждающего право собственности или иное законное право на
  земельный участок или объект;
- для представителя — доверенность.

Если чего-то не хватает, мы сообщим, что нужно дополнить.

## 3. Получите условия договора и технические условия

Условия типового договора, технические условия и счёт мы размещаем в личном кабинете.
Договор считается заключённым со дня оплаты счёта.

## 4. Выполните мероприятия по техническим условиям

Сетевая компания строит сети до границы вашего участка, вы — подготавливаете свою
электроустановку: вводное устройство, место установки прибора учёта.

## 5. Фактическое присоединение

После уведомления о выполнении технических условий мы проверяем их выполнение,
устанавливаем прибор учёта и подаём напряжение. Документы о технологическом
присоединении появятся в личном кабинете, а сведения уйдут гарантирующему поставщику для
заключения договора энергоснабжения.

> Есть вопрос или претензия к срокам? Отправьте обращение — мы ответим в установленный срок.
"""

CONNECTION_EN = """\
Technological connection is how your house, cottage or business gets connected to the
electric grid. The procedure is set by the Connection Rules (Government Decree No. 861 of
27.12.2004).

## 1. Check your address and free capacity

Find your address on the portal to see which substation serves it and whether the nearest
power centre has free capacity. The company discloses free capacity every quarter.

## 2. Submit a request

The easiest way is your personal account: the request is registered at once and every
document arrives there. You can also apply at a customer office. Attach:

- a layout of the power-receiving devices;
- a copy of the document giving you the right to the land plot or building;
- a power of attorney if a representative applies.

If something is missing, we tell you what to add.

## 3. Receive the contract terms and technical conditions

The typical contract terms, technical conditions and the invoice are posted in your personal
account. The contract is concluded on the day you pay the invoice.

## 4. Carry out the works under the technical conditions

The grid company builds the network up to your plot's boundary; you prepare your own
installation: the service entrance and the place for the meter.

## 5. Actual connection

When you report that the conditions are met, we check them, install the meter and switch the
power on. The connection documents appear in your personal account, and the supplier gets
what it needs to conclude your supply contract.

> A question or a complaint about the terms? Send an appeal and we will answer in due time.
"""

METERING = """\
Прибор учёта (электросчётчик) нужен, чтобы вы платили только за потреблённую энергию.
Порядок учёта установлен Основными положениями функционирования розничных рынков
электрической энергии (постановление Правительства РФ от 04.05.2012 № 442).

## Установка

Для потребителей-граждан прибор учёта устанавливает сетевая компания или гарантирующий
поставщик. Современные приборы учёта подключаются к интеллектуальной системе учёта:
показания передаются автоматически, а в личном кабинете доступны данные о потреблении.

## Замена

Если прибор учёта вышел из строя, утрачен или истёк срок его поверки, сообщите нам —
через обращение на портале или в офисе обслуживания. Не снимайте прибор самостоятельно и
не нарушайте пломбы.

## Опломбирование

После ремонта электропроводки или по другой причине, когда пломба была снята, оставьте
заявку на опломбирование. Укажите адрес, тип и заводской номер прибора учёта и показания
на день заявки. Сотрудник приедет в согласованное время.

## Поверка

Срок поверки указан в паспорте прибора учёта. Проверьте его заранее: по окончании срока
показания прибора не могут использоваться для расчётов.

## Передача показаний

Если прибор учёта не подключён к интеллектуальной системе, передавайте показания
ежемесячно способом, указанным в договоре с гарантирующим поставщиком.
"""

METERING_EN = """\
A meter makes sure you pay only for the energy you use. Metering is governed by the Basic
provisions for the functioning of retail electricity markets (Government Decree No. 442 of
04.05.2012).

## Installation

For households the meter is installed by the grid company or the guaranteeing supplier.
Modern meters are part of a smart metering system: readings are sent automatically and your
consumption data are shown in your personal account.

## Replacement

If the meter is broken, lost or its verification period has expired, tell us through an
appeal on the portal or at a customer office. Do not remove the meter yourself and do not
break the seals.

## Sealing

After repairs of the wiring, or whenever a seal was removed, request sealing. Give the
address, the meter type and serial number and today's reading. Our employee comes at an
agreed time.

## Verification

The verification period is in the meter's passport. Check it in advance: after it expires
the meter's readings cannot be used for billing.

## Sending readings

If your meter is not connected to the smart metering system, send readings every month in
the way your contract with the guaranteeing supplier sets.
"""

PAYMENT = """\
За электрическую энергию вы платите гарантирующему поставщику (энергосбытовой компании)
по договору энергоснабжения. Стоимость услуг сетевой компании по передаче электроэнергии
уже входит в тариф.

## Как формируется счёт

Объём потребления определяется по показаниям прибора учёта. Тарифы для населения
устанавливает региональный орган регулирования тарифов.

## Как оплатить

Оплатить счёт можно способами, которые предлагает гарантирующий поставщик: в его личном
кабинете, в банке, через платёжные сервисы.

## Если не согласны с начислением

Вопросы о начислениях решает гарантирующий поставщик. Если причина — показания прибора
учёта или перерывы в электроснабжении, отправьте обращение в сетевую компанию: мы
проверим данные учёта и сведения об отключениях по вашему адресу.

## Плата за технологическое присоединение

Плата за присоединение вносится сетевой компании по счёту, который размещается в личном
кабинете вместе с условиями договора. Её размер устанавливает региональный орган
регулирования тарифов.
"""

PAYMENT_EN = """\
You pay for electricity to the guaranteeing supplier (the retail company) under your supply
contract. The grid company's transmission charge is already part of the tariff.

## How the bill is made

Consumption is taken from your meter's readings. Household tariffs are set by the regional
tariff authority.

## How to pay

Pay in any way the guaranteeing supplier offers: its personal account, a bank, payment
services.

## If you disagree with the bill

Billing questions are for the guaranteeing supplier. If the cause is the meter's readings or
interruptions of supply, send an appeal to the grid company: we will check the metering data
and the outages recorded at your address.

## The connection fee

The connection fee is paid to the grid company by the invoice posted in your personal account
together with the contract terms. Its amount is set by the regional tariff authority.
"""

OUTAGES = """\
Горячая линия сетевой компании работает круглосуточно. Информацию о плановых и внеплановых
отключениях мы публикуем на портале.

## Если пропал свет

1. Проверьте автоматические выключатели в квартире или щитке и спросите соседей, есть ли
   свет у них.
2. Проверьте на портале, известно ли об отключении по вашему адресу, и когда
   ожидается восстановление.
3. Если об отключении ещё не известно — сообщите о нём через портал или по горячей линии.

## Опасность

Увидели оборванный провод, искрящую опору или открытую трансформаторную подстанцию?
Не подходите ближе 8 метров, предупредите окружающих и сразу сообщите нам по горячей
линии. При угрозе жизни звоните 112.

## Плановые отключения

Для ремонта сетей мы заранее публикуем график плановых отключений. Подпишитесь на
уведомления по своему адресу, чтобы получать их по e-mail или SMS.

## Если отключение затянулось или повредилась техника

Отправьте обращение: укажите адрес, время отключения и что произошло. Жалобы на
надёжность электроснабжения и качество электроэнергии рассматриваются в порядке,
установленном постановлением Правительства РФ от 04.05.2012 № 442.
"""

OUTAGES_EN = """\
The grid company's hotline works around the clock. We publish planned and emergency outages on
the portal.

## If the power is off

1. Check the circuit breakers in your flat or panel and ask your neighbours whether they
   have power.
2. Check on the portal whether an outage at your address is known and when power is
   expected back.
3. If the outage is not known yet, report it on the portal or by the hotline.

## Danger

A broken wire, a sparking pole or an open transformer substation? Keep at least 8 metres
away, warn others and call our hotline at once. If life is in danger, call 112.

## Planned outages

We publish planned work in advance. Subscribe to notifications for your address to get them by
e-mail or SMS.

## If the outage lasts long or equipment was damaged

Send an appeal with the address, the time of the outage and what happened. Complaints about the
reliability of supply and the quality of electricity are considered under Government Decree
No. 442 of 04.05.2012.
"""

GUIDES = [
    # slug, stage, title, title_en, body, body_en
    (
        "connection",
        "connection",
        "Как подключиться к электрическим сетям",
        "How to get connected to the grid",
        CONNECTION,
        CONNECTION_EN,
    ),
    (
        "metering",
        "metering",
        "Приборы учёта: установка, замена, опломбирование, поверка",
        "Meters: installation, replacement, sealing, verification",
        METERING,
        METERING_EN,
    ),
    (
        "payment",
        "payment",
        "Оплата электроэнергии",
        "Paying for electricity",
        PAYMENT,
        PAYMENT_EN,
    ),
    (
        "outages",
        "outages",
        "Отключения электроснабжения: что делать",
        "Power outages: what to do",
        OUTAGES,
        OUTAGES_EN,
    ),
]
