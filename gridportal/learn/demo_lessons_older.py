"""Demo lessons for ages 10–14 (Russian and English); see demo_lessons.py."""

LESSONS = [
    {
        "slug": "doma-starshim",
        "age_group": "10-14",
        "topic": "home",
        "illustration": "home",
        "order": 0,
        "title": "Дома: удлинители, вода и щиток",
        "title_en": "At home: extension leads, water and the switchboard",
        "summary": "Почему перегружать удлинитель опасно и что делать, если прибор упал в воду.",
        "summary_en": "Why an overloaded extension lead is dangerous and what to do if an appliance falls into water.",
        "body": """## Розетки и удлинители

- Не включай в один удлинитель или тройник несколько мощных приборов — обогреватель, чайник, утюг: провод перегревается и может загореться.
- Не пользуйся прибором с повреждённым проводом или треснувшей вилкой и не чини его сам.
- Не прокладывай провода под коврами и не зажимай их дверью.

## Вода

- Не трогай выключатели и приборы мокрыми руками, не ставь приборы у раковины или ванны.
- Если прибор упал в воду, **не доставай его**: сначала взрослый должен выключить автомат в щитке или вынуть вилку.

## Щиток и автоматы

- В квартире или доме есть электрический щиток с автоматическими выключателями. Если автомат «выбивает», значит, где-то перегрузка или неисправность: скажи взрослым и не включай его снова и снова.
- Запах горелой изоляции, треск или искры в розетке — отключи прибор, если это безопасно, и сообщи взрослым.
""",
        "body_en": """## Sockets and extension leads

- Never plug several powerful appliances — a heater, a kettle, an iron — into one extension lead or adapter: the cable overheats and can catch fire.
- Do not use an appliance with a damaged cord or a cracked plug, and do not repair it yourself.
- Do not run cables under carpets or shut them in a door.

## Water

- Do not touch switches or appliances with wet hands; keep appliances away from the sink and the bath.
- If an appliance falls into water, **do not reach for it**: an adult must first switch off the breaker in the switchboard or pull the plug.

## The switchboard and breakers

- A flat or a house has a switchboard with circuit breakers. If a breaker trips, something is overloaded or faulty: tell an adult and do not switch it on again and again.
- A smell of burning insulation, crackling or sparks in a socket — switch the appliance off if it is safe to do so and tell an adult.
""",
        "questions": [
            (
                "Можно ли включить обогреватель, чайник и утюг в один удлинитель?",
                "May you plug a heater, a kettle and an iron into one extension lead?",
                "Нет: удлинитель перегреется, а это частая причина пожаров.",
                "No: the lead overheats, a common cause of fires.",
                [
                    ("Да, если удлинитель новый", "Yes, if the lead is new", False),
                    ("Нет", "No", True),
                ],
            ),
            (
                "Фен упал в ванну с водой. Что делать?",
                "A hair dryer has fallen into a bath of water. What do you do?",
                "Не трогать воду и прибор: сначала взрослый выключает автомат или вынимает вилку.",
                "Touch neither the water nor the dryer: first an adult switches off the breaker or pulls the plug.",
                [
                    ("Быстро достать его", "Pull it out quickly", False),
                    ("Сначала отключить электричество", "Switch the power off first", True),
                ],
            ),
            (
                "Автомат в щитке часто «выбивает». Что это значит?",
                "The breaker keeps tripping. What does it mean?",
                "Где-то перегрузка или неисправность — об этом нужно сказать взрослым.",
                "Something is overloaded or faulty — tell an adult.",
                [
                    ("Перегрузка или неисправность", "An overload or a fault", True),
                    ("Так и должно быть", "That is normal", False),
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
