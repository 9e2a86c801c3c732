"""Demo lessons for ages 6–9 (Russian and English); see demo_lessons.py."""

LESSONS = [
    {
        "slug": "doma",
        "age_group": "6-9",
        "topic": "home",
        "illustration": "home",
        "order": 1,
        "title": "Электричество дома",
        "title_en": "Electricity at home",
        "summary": "Розетки, вилки, провода и вода: как дружить с электричеством дома.",
        "summary_en": "Sockets, plugs, cords and water: how to be friends with electricity at home.",
        "body": """Электричество живёт в проводах и приходит к нам через **розетки**. Оно помогает: светит, греет, готовит. Но оно может и больно ударить.

## Правила дома

- Ничего не засовывай в розетку: ни пальцы, ни шпильки, ни гвозди.
- Вынимай вилку, держась **за вилку**, а не за провод.
- Включай приборы только **сухими руками**. Вода и электричество — не друзья.
- Не бери с собой в ванную фен или телефон на зарядке.
- Видишь сломанную розетку, треснувшую вилку или оголённый провод — **не трогай** и скажи взрослым.
- Пахнет горелым или искрит — отойди и позови взрослых.
""",
        "body_en": """Electricity lives in wires and comes to us through **sockets**. It helps us: it lights, heats and cooks. But it can also hurt.

## Rules at home

- Never put anything into a socket: not fingers, not hairpins, not nails.
- Pull a plug out by holding **the plug**, not the cord.
- Switch appliances on only with **dry hands**. Water and electricity are not friends.
- Never take a hair dryer or a charging phone into the bath.
- A broken socket, a cracked plug or a bare wire — **do not touch it** and tell an adult.
- A burning smell or sparks — step away and call an adult.
""",
        "questions": [
            (
                "Как правильно вынуть вилку из розетки?",
                "How do you pull a plug out of a socket?",
                "Держись за вилку: если тянуть за провод, он может оборваться и оголиться.",
                "Hold the plug: pulling the cord can break it and leave the wire bare.",
                [
                    ("Держась за вилку", "Holding the plug", True),
                    ("Потянув за провод", "Pulling the cord", False),
                    ("Мокрой рукой", "With a wet hand", False),
                ],
            ),
            (
                "Можно ли брать фен в ванную?",
                "May you take a hair dryer into the bath?",
                "Нет: вода проводит ток, прибор в воде может ударить током.",
                "No: water conducts current; an appliance in water can give you a shock.",
                [
                    ("Нет, никогда", "No, never", True),
                    ("Да, если осторожно", "Yes, if careful", False),
                ],
            ),
            (
                "Ты увидел оголённый провод. Что делать?",
                "You see a bare wire. What do you do?",
                "Не трогай провод и сразу скажи взрослым: они выключат ток и починят.",
                "Do not touch the wire and tell an adult at once: they will switch it off and fix it.",
                [
                    ("Потрогать, чтобы проверить", "Touch it to check", False),
                    ("Не трогать и сказать взрослым", "Leave it and tell an adult", True),
                    ("Замотать самому", "Tape it up yourself", False),
                ],
            ),
        ],
    },
    {
        "slug": "na-ulice",
        "age_group": "6-9",
        "topic": "substation_door",
        "illustration": "substation",
        "hazard": True,
        "order": 2,
        "title": "На улице: подстанции и столбы",
        "title_en": "Outside: substations and poles",
        "summary": "Что значит знак с молнией и почему нельзя заходить в подстанцию.",
        "summary_en": "What the lightning sign means and why you must never go into a substation.",
        "body": """На улице электричество бежит по проводам на **столбах** и живёт в **трансформаторных подстанциях** — небольших домиках с железными дверями.

## Знак с молнией

Жёлтый треугольник с красной молнией и надписи **«Не влезай! Убьёт!»**, **«Стой! Напряжение»** значат: внутри очень сильный ток. Он опасен даже тогда, когда до провода не дотронулся — ток может «прыгнуть» по воздуху.

## Правила

- Не заходи в подстанцию и не заглядывай в неё, даже если дверь открыта.
- Не залезай на столбы, опоры и деревья рядом с проводами.
- Не трогай провода и упавшие ветки, которые их касаются.
- Увидел открытую дверь подстанции или провисший провод — **скажи взрослым**. Взрослые сообщат в электросетевую компанию.
""",
        "body_en": """Outside, electricity runs along the wires on **poles** and lives in **transformer substations** — small buildings with iron doors.

## The lightning sign

A yellow triangle with a red lightning bolt and the words **«Do not climb! It kills!»** and **«Stop! High voltage»** mean that there is a very strong current inside. It is dangerous even if you do not touch a wire — current can jump through the air.

## Rules

- Never go into a substation or look inside, even if the door is open.
- Do not climb poles, towers or trees near wires.
- Do not touch wires or fallen branches touching them.
- If you see an open substation door or a sagging wire, **tell an adult**. Adults will report it to the grid company.
""",
        "questions": [
            (
                "Дверь подстанции открыта. Что делать?",
                "A substation door is open. What do you do?",
                "Внутри опасное напряжение. Отойди и расскажи взрослым, чтобы они сообщили в электросети.",
                "There is dangerous voltage inside. Walk away and tell an adult so that they report it.",
                [
                    ("Зайти посмотреть", "Go in and look", False),
                    ("Отойти и сказать взрослым", "Walk away and tell an adult", True),
                    ("Закрыть дверь самому", "Close the door yourself", False),
                ],
            ),
            (
                "Что значит знак с молнией?",
                "What does the lightning sign mean?",
                "Знак предупреждает: рядом опасное напряжение.",
                "The sign warns: dangerous voltage nearby.",
                [
                    ("Здесь опасное напряжение", "Dangerous voltage here", True),
                    ("Здесь можно играть", "You may play here", False),
                ],
            ),
            (
                "Можно ли залезть на дерево, если рядом провода?",
                "May you climb a tree near wires?",
                "Нет: ветка может касаться провода, и ток пройдёт через тебя.",
                "No: a branch may touch a wire and the current would pass through you.",
                [("Да", "Yes", False), ("Нет", "No", True)],
            ),
        ],
    },
    {
        "slug": "upal-provod",
        "age_group": "6-9",
        "topic": "fallen_wire",
        "illustration": "fallen_wire",
        "hazard": True,
        "order": 3,
        "title": "Если провод упал",
        "title_en": "If a wire has fallen",
        "summary": "Восемь метров и маленькие шаги: как уйти от упавшего провода.",
        "summary_en": "Eight metres and tiny steps: how to get away from a fallen wire.",
        "body": """Иногда провод обрывается и падает на землю. Земля вокруг него становится опасной.

## Запомни

- Не подходи к упавшему проводу ближе **8 метров** — это примерно 10 больших шагов взрослого.
- Если ты оказался рядом, уходи **гусиным шагом**: маленькими шажками, пятка к носку, не отрывая ноги от земли. Не беги!
- Не трогай провод ничем, даже палкой.
- Попроси взрослых позвонить в электросетевую компанию или по номеру **112**.
""",
        "body_en": """Sometimes a wire breaks and falls to the ground. The ground around it becomes dangerous.

## Remember

- Never come closer than **8 metres** to a fallen wire — about 10 big steps of an adult.
- If you are near one, leave with **tiny «goose» steps**: heel to toe, feet never leaving the ground. Do not run!
- Do not touch the wire with anything, not even a stick.
- Ask an adult to call the grid company or **112**.
""",
        "questions": [
            (
                "Как близко можно подходить к упавшему проводу?",
                "How close may you come to a fallen wire?",
                "Не ближе 8 метров: земля вокруг провода под напряжением.",
                "No closer than 8 metres: the ground around the wire is live.",
                [
                    ("На 1 метр", "1 metre", False),
                    ("Не ближе 8 метров", "No closer than 8 metres", True),
                    ("Можно потрогать палкой", "Close enough to poke it with a stick", False),
                ],
            ),
            (
                "Как уходить от провода?",
                "How do you walk away from the wire?",
                "Маленькими шажками, не отрывая ног от земли: так между ногами не будет опасного напряжения.",
                "With tiny steps, feet on the ground: then there is no dangerous voltage between your feet.",
                [
                    ("Бегом, широкими шагами", "Running with big steps", False),
                    ("Гусиным шагом, пятка к носку", "Goose steps, heel to toe", True),
                ],
            ),
            (
                "Кому сказать об упавшем проводе?",
                "Whom do you tell about a fallen wire?",
                "Взрослым: они позвонят в электросети или по номеру 112.",
                "An adult: they will call the grid company or 112.",
                [("Взрослым", "An adult", True), ("Никому", "Nobody", False)],
            ),
        ],
    },
    {
        "slug": "pomosch-mladshim",
        "age_group": "6-9",
        "topic": "first_aid",
        "illustration": "call_112",
        "order": 4,
        "title": "Если человека ударило током",
        "title_en": "If someone gets an electric shock",
        "summary": "Не трогай — зови взрослых и звони 112.",
        "summary_en": "Do not touch — call an adult and dial 112.",
        "body": """Если человека ударило током, он может не отпускать провод или прибор.

## Что делать

1. **Не трогай** человека руками: ток пройдёт и через тебя.
2. Громко позови взрослых.
3. Звони **112** — это бесплатно с любого телефона. Скажи, что случилось и где ты.
""",
        "body_en": """A person who gets an electric shock may be unable to let go of the wire or appliance.

## What to do

1. **Do not touch** the person: the current would pass through you too.
2. Shout for an adult.
3. Call **112** — it is free from any phone. Say what happened and where you are.
""",
        "questions": [
            (
                "Можно ли трогать человека, которого бьёт током?",
                "May you touch a person who is getting a shock?",
                "Нет: ток пройдёт и через тебя. Зови взрослых и звони 112.",
                "No: the current would pass through you too. Call an adult and dial 112.",
                [
                    ("Да, сразу тянуть за руку", "Yes, pull his hand at once", False),
                    ("Нет", "No", True),
                ],
            ),
            (
                "По какому номеру звонить?",
                "Which number do you call?",
                "112 — единый номер экстренных служб, звонок бесплатный.",
                "112 is the emergency number; the call is free.",
                [("112", "112", True), ("100", "100", False)],
            ),
            (
                "Что сказать по телефону?",
                "What do you say on the phone?",
                "Что случилось и где ты: адрес или то, что видно вокруг.",
                "What happened and where you are: the address or what you see around you.",
                [
                    ("Что случилось и где", "What happened and where", True),
                    ("Ничего, сразу положить трубку", "Nothing, hang up", False),
                ],
            ),
        ],
    },
]
