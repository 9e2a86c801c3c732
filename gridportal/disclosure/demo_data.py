"""Demo content: the federal acts a grid company lists (true numbers, dates, bodies and
titles; where a detail was not certain it is left out), the company's own documents, the
disclosure calendar's items. The guides' texts are in demo_guides.py."""

import datetime as dt

GOVERNMENT = "Правительство Российской Федерации"
PARLIAMENT = "Федеральное Собрание Российской Федерации"
MINENERGO = "Министерство энергетики Российской Федерации"

CATEGORIES = [
    # slug, name, name_en, parent slug
    ("federal", "Федеральное законодательство", "Federal legislation", None),
    ("laws", "Федеральные законы", "Federal laws", "federal"),
    ("decrees", "Постановления Правительства РФ", "Government decrees", "federal"),
    ("orders", "Приказы Минэнерго России", "Orders of the Ministry of Energy", "federal"),
    ("company", "Документы компании", "Company documents", None),
    ("passports", "Паспорта услуг", "Service passports", "company"),
    ("forms", "Формы и типовые договоры", "Forms and typical contracts", "company"),
]

# Each document: its versions oldest first; a version may change the summary and the date
# of its edition (in the summary: what amended it, as the reference notes say).
DOCUMENTS = [
    {
        "kind": "federal_law",
        "number": "35-ФЗ",
        "date": dt.date(2003, 3, 26),
        "issuing_body": PARLIAMENT,
        "title": "Об электроэнергетике",
        "title_en": "On the electric power industry",
        "category": "laws",
        "topics": ["connection", "payment", "quality"],
        "versions": [
            "Основы регулирования отношений в сфере электроэнергетики: полномочия органов "
            "власти, права и обязанности субъектов электроэнергетики и потребителей, "
            "технологическое присоединение к электрическим сетям на недискриминационной основе."
        ],
    },
    {
        "kind": "federal_law",
        "number": "59-ФЗ",
        "date": dt.date(2006, 5, 2),
        "issuing_body": PARLIAMENT,
        "title": "О порядке рассмотрения обращений граждан Российской Федерации",
        "title_en": "On the procedure for considering citizens' appeals in the Russian Federation",
        "category": "laws",
        "topics": ["appeals"],
        "versions": [
            "Порядок рассмотрения обращений граждан: регистрация письменного обращения, "
            "рассмотрение в течение 30 дней со дня регистрации, продление срока не более чем "
            "на 30 дней с уведомлением гражданина, ответ по существу поставленных вопросов."
        ],
    },
    {
        "kind": "federal_law",
        "number": "152-ФЗ",
        "date": dt.date(2006, 7, 27),
        "issuing_body": PARLIAMENT,
        "title": "О персональных данных",
        "title_en": "On personal data",
        "category": "laws",
        "topics": ["appeals", "quality"],
        "versions": [
            "Обработка персональных данных: принципы и условия обработки, согласие субъекта "
            "персональных данных, права субъекта, обязанности оператора.",
            "Редакция с изменениями, внесёнными Федеральным законом от 14.07.2022 № 266-ФЗ: "
            "уточнены требования к согласию на обработку персональных данных и обязанности "
            "оператора.",
        ],
    },
    {
        "kind": "government_decree",
        "number": "24",
        "date": dt.date(2004, 1, 21),
        "issuing_body": GOVERNMENT,
        "title": "Об утверждении стандартов раскрытия информации субъектами оптового и "
        "розничных рынков электрической энергии",
        "title_en": "On the standards of information disclosure by the participants of the "
        "wholesale and retail electricity markets",
        "category": "decrees",
        "topics": ["connection", "quality", "outages"],
        "versions": [
            "Какую информацию обязаны раскрывать сетевые организации: тарифы, основные "
            "потребительские характеристики услуг, наличие свободной мощности для "
            "технологического присоединения, поданные и исполненные заявки на присоединение, "
            "результаты контрольных замеров.",
            "Редакция с изменениями, внесёнными постановлением Правительства РФ от 31.08.2013 "
            "№ 758: с 01.10.2013 сетевая организация ежеквартально раскрывает на сайте "
            "свободную трансформаторную мощность подстанций и распределительных пунктов "
            "напряжением ниже 35 кВ с распределением по уровням напряжения.",
        ],
        "edition_from": [None, dt.date(2013, 10, 1)],
    },
    {
        "kind": "government_decree",
        "number": "861",
        "date": dt.date(2004, 12, 27),
        "issuing_body": GOVERNMENT,
        "title": "Об утверждении Правил недискриминационного доступа к услугам по передаче "
        "электрической энергии и оказания этих услуг, Правил недискриминационного доступа к "
        "услугам по оперативно-диспетчерскому управлению в электроэнергетике и оказания этих "
        "услуг, Правил недискриминационного доступа к услугам администратора торговой системы "
        "оптового рынка и оказания этих услуг и Правил технологического присоединения "
        "энергопринимающих устройств потребителей электрической энергии, объектов по "
        "производству электрической энергии, а также объектов электросетевого хозяйства, "
        "принадлежащих сетевым организациям и иным лицам, к электрическим сетям",
        "title_en": "On the rules of non-discriminatory access to electricity transmission "
        "services and the rules of technological connection to electric grids",
        "category": "decrees",
        "topics": ["connection", "outages", "quality"],
        "versions": [
            "Правила технологического присоединения: подача заявки, технические условия, "
            "договор об осуществлении технологического присоединения, выполнение мероприятий "
            "сторонами, фактическое присоединение и составление документов о присоединении.",
            "Редакция с изменениями, внесёнными постановлением Правительства РФ от 30.06.2022 "
            "№ 1178: заключение договора через личный кабинет заявителя — сетевая организация "
            "размещает условия типового договора и технические условия в личном кабинете, "
            "договор считается заключённым со дня оплаты заявителем счёта.",
        ],
    },
    {
        "kind": "government_decree",
        "number": "442",
        "date": dt.date(2012, 5, 4),
        "issuing_body": GOVERNMENT,
        "title": "О функционировании розничных рынков электрической энергии, полном и (или) "
        "частичном ограничении режима потребления электрической энергии",
        "title_en": "On the functioning of retail electricity markets and the full or partial "
        "limitation of electricity consumption",
        "category": "decrees",
        "topics": ["payment", "metering", "quality"],
        "versions": [
            "Основные положения функционирования розничных рынков электрической энергии: "
            "договоры энергоснабжения и оказания услуг по передаче, учёт электрической энергии, "
            "приборы учёта и их допуск в эксплуатацию, ограничение режима потребления.",
            "Редакция с изменениями, внесёнными постановлением Правительства РФ от 24.01.2024 "
            "№ 55: потребитель вправе направить жалобу на нарушение требований к надёжности "
            "электроснабжения и качеству электрической энергии через официальный сайт или "
            "личный кабинет сетевой организации либо гарантирующего поставщика.",
        ],
        "edition_from": [None, dt.date(2024, 2, 1)],
    },
    {
        "kind": "ministry_order",
        "number": "186",
        "date": dt.date(2014, 4, 15),
        "issuing_body": MINENERGO,
        "title": "О Единых стандартах качества обслуживания сетевыми организациями "
        "потребителей услуг сетевых организаций",
        "title_en": "On the Unified standards of the quality of service by grid companies",
        "category": "orders",
        "topics": ["quality", "appeals", "outages"],
        "versions": [
            "Единые стандарты качества обслуживания: очная, заочная (по телефону), электронная "
            "и письменная формы обслуживания; приём и рассмотрение обращений потребителей; "
            "паспорта услуг; информация о качестве обслуживания.",
            "Редакция с изменениями, внесёнными приказом Минэнерго России от 07.07.2021 № 541: "
            "сетевая организация обеспечивает удалённый доступ к минимальному набору функций "
            "интеллектуальных систем учёта через личный кабинет, доступный с главной страницы "
            "официального сайта.",
        ],
    },
    {
        "kind": "ministry_order",
        "number": "1256",
        "date": dt.date(2016, 11, 29),
        "issuing_body": MINENERGO,
        "title": "Об утверждении Методических указаний по расчету уровня надежности и качества "
        "поставляемых товаров и оказываемых услуг для организации по управлению единой "
        "национальной (общероссийской) электрической сетью и территориальных сетевых "
        "организаций",
        "title_en": "Methodological guidelines for calculating the level of reliability and "
        "quality of services of grid companies",
        "category": "orders",
        "topics": ["quality", "outages"],
        "versions": [
            "Показатели надёжности: средняя продолжительность прекращений передачи "
            "электрической энергии на точку поставки (Пsaidi) и средняя частота прекращений "
            "передачи электрической энергии на точку поставки (Пsaifi); показатели качества "
            "обслуживания потребителей.",
            "Редакция с изменениями, внесёнными приказом Минэнерго России от 14.06.2023 № 399, "
            "применяемая при установлении тарифов с 01.01.2024: показатели надёжности "
            "рассчитываются по уровням напряжения.",
        ],
    },
    # The demo company's own documents (not legal acts: invented for the demo company).
    {
        "kind": "service_passport",
        "number": "",
        "date": dt.date(2025, 1, 20),
        "issuing_body": "Демонстрационная сетевая компания",
        "title": "Паспорт услуги «Технологическое присоединение энергопринимающих устройств "
        "мощностью до 15 кВт включительно»",
        "title_en": "Service passport: connection of power-receiving devices up to 15 kW",
        "category": "passports",
        "topics": ["connection"],
        "versions": [
            "Этапы услуги: подача заявки через личный кабинет или в офисе обслуживания; "
            "размещение условий типового договора и технических условий в личном кабинете; "
            "оплата счёта; выполнение мероприятий; фактическое присоединение; размещение "
            "документов о технологическом присоединении в личном кабинете."
        ],
    },
    {
        "kind": "form",
        "number": "",
        "date": dt.date(2025, 1, 20),
        "issuing_body": "Демонстрационная сетевая компания",
        "title": "Форма заявки на опломбирование прибора учёта электрической энергии",
        "title_en": "Form: request to seal an electricity meter",
        "category": "forms",
        "topics": ["metering"],
        "branch": True,
        "versions": [
            "Заявка потребителя на опломбирование прибора учёта: адрес, тип и заводской номер "
            "прибора учёта, показания, удобная дата визита, контактный телефон."
        ],
    },
]

ITEMS = [
    # code, title, title_en, source, frequency, due offset (days after the period), page
    (
        "free_capacity",
        "Наличие свободной для технологического присоединения мощности (центры питания 35 кВ "
        "и выше)",
        "Free capacity for connection (power centres of 35 kV and above)",
        "ПП РФ от 21.01.2004 № 24",
        "quarterly",
        -75,
        "/capacity/",
    ),
    (
        "free_capacity_below_35",
        "Свободная трансформаторная мощность подстанций ниже 35 кВ по уровням напряжения",
        "Free transformer capacity of substations below 35 kV by voltage level",
        "ПП РФ от 21.01.2004 № 24 (в ред. ПП РФ от 31.08.2013 № 758)",
        "quarterly",
        -75,
        "/capacity/",
    ),
    (
        "connection_applications",
        "Поданные, аннулированные и исполненные заявки на технологическое присоединение",
        "Connection applications submitted, annulled and completed",
        "ПП РФ от 21.01.2004 № 24",
        "quarterly",
        30,
        "",
    ),
    (
        "control_measurements",
        "Результаты контрольных замеров электрических параметров режимов работы",
        "Results of the control measurements",
        "ПП РФ от 21.01.2004 № 24",
        "half_yearly",
        30,
        "",
    ),
    (
        "service_quality_report",
        "Информация о качестве обслуживания потребителей (приложение 7)",
        "Information on the quality of service (annex 7)",
        "Приказ Минэнерго России от 15.04.2014 № 186",
        "yearly",
        90,
        "",
    ),
    (
        "service_passports",
        "Паспорта услуг (процессов) сетевой организации",
        "Service passports of the grid company",
        "Приказ Минэнерго России от 15.04.2014 № 186",
        "on_change",
        0,
        "/documents/?kind=service_passport",
    ),
]
