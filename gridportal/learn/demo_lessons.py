"""The lessons of «Подружись с электричеством» shipped with the demo (Russian and English).

The safety content follows the usual guidance of Russian grid companies and МЧС: keep 8 m
from a fallen wire, leave «гусиным шагом», never climb into substations or onto poles,
do not touch a person under current, call 112.
"""

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
    {
        "slug": "shagovoe-napryazhenie",
        "age_group": "10-14",
        "topic": "fallen_wire",
        "illustration": "fallen_wire",
        "hazard": True,
        "order": 1,
        "title": "Линии, подстанции и шаговое напряжение",
        "title_en": "Lines, substations and step voltage",
        "summary": "Охранные зоны, правило восьми метров и почему уходить надо гусиным шагом.",
        "summary_en": "Protection zones, the 8-metre rule and why you leave with goose steps.",
        "body": """## Линии и подстанции

Воздушные линии электропередачи (ВЛ) работают под напряжением от 0,4 до сотен киловольт. Вокруг них установлены **охранные зоны**: для линий 1–20 кВ — 10 метров по обе стороны, для 110 кВ — 20 метров. В охранной зоне нельзя разводить костры, запускать змеев и дроны, залезать на опоры.

Трансформаторные подстанции (ТП) закрыты на замок. Открытая дверь ТП, повреждённое ограждение — опасность: сообщи взрослым или в электросетевую компанию.

## Шаговое напряжение

Когда провод лежит на земле, ток растекается по грунту. Чем ближе к проводу, тем выше потенциал земли. Если ноги стоят на разном расстоянии от провода, между ними возникает **шаговое напряжение** — ток проходит через ноги.

- Не приближайся к упавшему проводу ближе **8 метров** (в помещении — 4 метров).
- Если ты уже в этой зоне, уходи **гусиным шагом**: пятка шагающей ноги приставляется к носку другой, ноги не отрываются от земли и не расставляются широко.
- Не беги и не прыгай широко.
- Сообщи о проводе в электросетевую компанию или по номеру **112**, предупреди прохожих.
""",
        "body_en": """## Lines and substations

Overhead power lines carry from 0.4 up to hundreds of kilovolts. They have **protection zones**: 10 metres each side for 1–20 kV lines, 20 metres for 110 kV. In a protection zone you must not light fires, fly kites or drones or climb the towers.

Transformer substations are kept locked. An open substation door or a broken fence is a danger: tell an adult or the grid company.

## Step voltage

When a wire lies on the ground, current spreads through the soil. The closer to the wire, the higher the ground's potential. If your feet stand at different distances from the wire, there is a **step voltage** between them and current flows through your legs.

- Never come closer than **8 metres** to a fallen wire (4 metres indoors).
- If you are already inside that zone, leave with **goose steps**: the heel of the moving foot touches the toe of the other, feet never leave the ground and never spread wide.
- Do not run or take long jumps.
- Report the wire to the grid company or to **112** and warn passers-by.
""",
        "questions": [
            (
                "Что такое шаговое напряжение?",
                "What is step voltage?",
                "Это разность потенциалов между точками земли, на которых стоят ноги, рядом с упавшим проводом.",
                "It is the voltage between the two points of ground your feet stand on near a fallen wire.",
                [
                    (
                        "Напряжение между ногами на земле возле упавшего провода",
                        "The voltage between your feet near a fallen wire",
                        True,
                    ),
                    ("Напряжение в розетке", "The voltage in a socket", False),
                    ("Напряжение батарейки", "A battery's voltage", False),
                ],
            ),
            (
                "На каком расстоянии от упавшего провода начинается безопасная зона на улице?",
                "How far from a fallen wire outdoors is it safe?",
                "Опасная зона — 8 метров вокруг провода на улице, 4 метра в помещении.",
                "The danger zone is 8 metres around the wire outdoors, 4 metres indoors.",
                [
                    ("2 метра", "2 metres", False),
                    ("8 метров", "8 metres", True),
                    ("50 сантиметров", "50 centimetres", False),
                ],
            ),
            (
                "Как выходить из зоны шагового напряжения?",
                "How do you leave the step-voltage zone?",
                "Гусиным шагом: при коротком шаге разность потенциалов между ногами мала.",
                "With goose steps: with a short step the voltage between your feet stays small.",
                [
                    ("Бегом", "Running", False),
                    (
                        "Гусиным шагом, не отрывая ног от земли",
                        "Goose steps, feet on the ground",
                        True,
                    ),
                    ("Широкими прыжками", "Long jumps", False),
                ],
            ),
            (
                "Дверь трансформаторной подстанции открыта. Что делать?",
                "A substation door is open. What do you do?",
                "Не заходить, отойти и сообщить в электросетевую компанию (или попросить взрослых).",
                "Do not go in; walk away and report it to the grid company (or ask an adult to).",
                [
                    ("Зайти и закрыть изнутри", "Go in and close it from inside", False),
                    ("Отойти и сообщить в электросети", "Walk away and report it", True),
                ],
            ),
            (
                "Можно ли разводить костёр под линией электропередачи?",
                "May you light a fire under a power line?",
                "Нет: в охранной зоне линии костры запрещены — дым и жар могут вызвать пробой.",
                "No: fires are forbidden in a line's protection zone — smoke and heat can cause a flashover.",
                [("Да", "Yes", False), ("Нет", "No", True)],
            ),
        ],
    },
    {
        "slug": "zimoy",
        "age_group": "10-14",
        "topic": "winter",
        "illustration": "winter",
        "order": 2,
        "title": "Зимой",
        "title_en": "In winter",
        "summary": "Снег, лёд и провода: почему зимой у линий вдвойне осторожно.",
        "summary_en": "Snow, ice and wires: why you take double care near lines in winter.",
        "body": """Зимой на проводах нарастает лёд и налипает снег. Провода провисают ниже, а иногда обрываются.

## Правила

- Не катайся с горок и не строй снежные крепости под линиями и рядом с подстанциями.
- Не сбивай сосульки и снег с проводов, не бросай в них снежки и палки.
- Обходи провисшие провода стороной, не касайся их лыжными палками.
- Упавший провод в снегу может быть не виден: если рядом лежит ветка или висит оборванный провод — обойди место подальше (не ближе **8 метров**).
- Обогреватели дома не накрывай одеждой и не ставь рядом с занавесками.
""",
        "body_en": """In winter ice grows on wires and snow sticks to them. Wires sag lower and sometimes break.

## Rules

- Do not sledge or build snow forts under lines or near substations.
- Never knock icicles or snow off wires, never throw snowballs or sticks at them.
- Keep clear of sagging wires; do not touch them with ski poles.
- A fallen wire may be hidden in snow: if a branch lies there or a broken wire hangs nearby, go round well away (no closer than **8 metres**).
- At home, never cover a heater with clothes or put it near curtains.
""",
        "questions": [
            (
                "Можно ли строить горку под линией электропередачи?",
                "May you build a snow slide under a power line?",
                "Нет: сверху провод ближе, а обледеневший провод может оборваться.",
                "No: the wire gets closer from above, and an iced wire can break.",
                [("Да", "Yes", False), ("Нет", "No", True)],
            ),
            (
                "Провод низко провис под снегом. Что делать?",
                "A wire sags low under snow. What do you do?",
                "Обойти подальше и сообщить взрослым или в электросети.",
                "Go round well away and tell an adult or the grid company.",
                [
                    ("Стряхнуть снег палкой", "Knock the snow off with a stick", False),
                    ("Обойти и сообщить", "Go round and report it", True),
                ],
            ),
            (
                "Где нельзя ставить обогреватель?",
                "Where must a heater not stand?",
                "Рядом с занавесками и под одеждой: ткань может загореться.",
                "Near curtains or under clothes: the fabric can catch fire.",
                [
                    ("Рядом с занавесками", "Next to curtains", True),
                    ("На полу у стены, на свободном месте", "On the floor by a bare wall", False),
                ],
            ),
        ],
    },
    {
        "slug": "rybalka-i-zmei",
        "age_group": "10-14",
        "topic": "fishing_kites",
        "illustration": "kite",
        "order": 3,
        "title": "Рыбалка, воздушные змеи и дроны",
        "title_en": "Fishing, kites and drones",
        "summary": "Удочка из карбона проводит ток. Змеев и дронов запускают вдали от линий.",
        "summary_en": "A carbon rod conducts electricity. Fly kites and drones far from lines.",
        "body": """## Рыбалка

Современные удилища из **углепластика (карбона)** хорошо проводят ток. Мокрая леска — тоже. Поднятое удилище может коснуться провода или оказаться так близко, что ток «перепрыгнет» дугой.

- Не рыбачь под линиями электропередачи и рядом с ними.
- Носи удочку в сложенном виде и опущенной.
- Не забрасывай снасть в сторону проводов.

## Змеи и дроны

- Запускай воздушного змея и дрон только на открытом месте, **далеко от линий** и подстанций.
- Если змей зацепился за провода, **не тяни** за нить и не пытайся снять его: отпусти нить и сообщи в электросетевую компанию.
- Нельзя запускать дроны и змеев в охранной зоне линии.
""",
        "body_en": """## Fishing

Modern **carbon fibre** rods conduct electricity well. A wet line does too. A raised rod can touch a wire or come so close that current jumps as an arc.

- Do not fish under or near power lines.
- Carry your rod folded and lowered.
- Never cast towards wires.

## Kites and drones

- Fly a kite or a drone only in open ground, **far from lines** and substations.
- If a kite is caught in wires, **do not pull** the string or try to get it down: let go of the string and report it to the grid company.
- Kites and drones must not be flown in a line's protection zone.
""",
        "questions": [
            (
                "Почему карбоновая удочка опасна у проводов?",
                "Why is a carbon rod dangerous near wires?",
                "Углепластик проводит ток, как металл.",
                "Carbon fibre conducts current like metal.",
                [
                    ("Она проводит ток", "It conducts electricity", True),
                    ("Она слишком лёгкая", "It is too light", False),
                ],
            ),
            (
                "Змей зацепился за провод. Что делать?",
                "Your kite is caught in a wire. What do you do?",
                "Отпустить нить, не тянуть и сообщить в электросети: по мокрой нити может пройти ток.",
                "Let go of the string, do not pull, and report it: current can run down a wet string.",
                [
                    ("Потянуть сильнее", "Pull harder", False),
                    ("Залезть на опору", "Climb the tower", False),
                    ("Отпустить нить и сообщить", "Let go and report it", True),
                ],
            ),
            (
                "Где запускать дрон?",
                "Where do you fly a drone?",
                "На открытом месте вдали от линий и подстанций.",
                "In open ground far from lines and substations.",
                [
                    ("Под линией — там просторно", "Under a line — it is open there", False),
                    ("Вдали от линий", "Far from lines", True),
                ],
            ),
        ],
    },
    {
        "slug": "pervaya-pomosch",
        "age_group": "10-14",
        "topic": "first_aid",
        "illustration": "call_112",
        "order": 4,
        "title": "Помощь при поражении током",
        "title_en": "Helping someone hit by current",
        "summary": "Сначала своя безопасность, потом помощь: не трогай, отключи, звони 112.",
        "summary_en": "Your own safety first, then help: do not touch, switch off, call 112.",
        "body": """## Сначала — не стать вторым пострадавшим

- **Не прикасайся** к человеку, пока он касается провода или прибора.
- Дома — попроси взрослого **отключить ток**: выключить автомат в щитке или вынуть вилку из розетки.
- На улице у упавшего провода не подходи ближе **8 метров**: там шаговое напряжение. Освобождать пострадавшего от провода должны спасатели или специалисты электросетей.

## Позвони

Звони **112** (с мобильного — бесплатно, даже без денег на счёте). Скажи: что случилось, адрес, сколько пострадавших, в сознании ли человек.

## Когда ток отключён

Взрослые, умеющие оказывать первую помощь, проверяют дыхание и при необходимости начинают сердечно-лёгочную реанимацию до приезда скорой.
""",
        "body_en": """## First — do not become the second victim

- **Do not touch** the person while they are in contact with a wire or appliance.
- At home, ask an adult to **switch the power off**: the breaker in the switchboard, or pull the plug.
- Outdoors, near a fallen wire, stay **8 metres** away: there is step voltage. Rescuers or grid engineers free a person from a wire.

## Call

Dial **112** (free from a mobile, even without credit). Say what happened, the address, how many are hurt and whether the person is conscious.

## Once the power is off

Adults trained in first aid check breathing and start CPR if needed until the ambulance arrives.
""",
        "questions": [
            (
                "Что сделать первым, если человека бьёт током дома?",
                "What comes first if someone is getting a shock at home?",
                "Отключить ток (автомат или вилка) — только тогда к человеку можно прикасаться.",
                "Switch off the power (breaker or plug) — only then may anyone touch the person.",
                [
                    ("Схватить его за руку", "Grab his hand", False),
                    ("Отключить ток", "Switch off the power", True),
                    ("Полить водой", "Pour water on him", False),
                ],
            ),
            (
                "Человек лежит у упавшего провода на улице. Можно подбежать?",
                "A person lies by a fallen wire outside. May you run to him?",
                "Нет: в 8 метрах от провода шаговое напряжение. Звони 112 и жди спасателей.",
                "No: step voltage within 8 metres of the wire. Call 112 and wait for rescuers.",
                [("Да", "Yes", False), ("Нет, звонить 112", "No, call 112", True)],
            ),
            (
                "Нужны ли деньги на телефоне, чтобы позвонить 112?",
                "Do you need credit on your phone to call 112?",
                "Нет: звонок на 112 бесплатный.",
                "No: calls to 112 are free.",
                [("Нет", "No", True), ("Да", "Yes", False)],
            ),
        ],
    },
]
