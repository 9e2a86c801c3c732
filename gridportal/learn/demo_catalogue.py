"""Demo data of the energy reference: a catalogue of typical appliances and example tariffs.

Powers are typical averages (a fridge's is its daily energy spread over 24 hours). The
tariffs are EXAMPLES in the range of 2026 household rates, not the rates a regional
tariff committee approved: each row says so (`verified=False`, the source below).
"""

from decimal import Decimal as D

# slug, name, name_en, category, power W, standby W, hours, profile, class, movable, better, lumens
APPLIANCES = [
    ("lamp-incandescent-60", "Лампа накаливания 60 Вт", "Incandescent lamp, 60 W", "lighting", 60, 0, 5, "evening", "", False, "lamp-led-8", 710),
    ("lamp-halogen-42", "Галогенная лампа 42 Вт", "Halogen lamp, 42 W", "lighting", 42, 0, 5, "evening", "", False, "lamp-led-8", 630),
    ("lamp-cfl-13", "Компактная люминесцентная лампа 13 Вт", "Compact fluorescent lamp, 13 W", "lighting", 13, 0, 5, "evening", "A", False, "lamp-led-8", 750),
    ("lamp-led-8", "Светодиодная лампа 8 Вт", "LED lamp, 8 W", "lighting", 8, 0, 5, "evening", "A", False, None, 806),
    ("lamp-incandescent-100", "Лампа накаливания 100 Вт", "Incandescent lamp, 100 W", "lighting", 100, 0, 4, "evening", "", False, "lamp-led-13", None),
    ("lamp-led-13", "Светодиодная лампа 13 Вт", "LED lamp, 13 W", "lighting", 13, 0, 4, "evening", "A", False, None, None),
    ("kettle", "Электрочайник", "Electric kettle", "kitchen", 2000, 0, D("0.3"), "morning_evening", "", False, None, None),
    ("microwave", "Микроволновая печь", "Microwave oven", "kitchen", 800, 2, D("0.2"), "morning_evening", "", False, None, None),
    ("cooker", "Электроплита (4 конфорки)", "Electric cooker (4 rings)", "kitchen", 2000, 1, D("1.5"), "morning_evening", "", False, None, None),
    ("oven", "Духовой шкаф", "Electric oven", "kitchen", 2500, 1, D("0.5"), "morning_evening", "A", False, None, None),
    ("dishwasher", "Посудомоечная машина", "Dishwasher", "kitchen", 1800, 1, 1, "evening", "A++", True, None, None),
    ("coffee-maker", "Кофеварка", "Coffee maker", "kitchen", 1000, 1, D("0.2"), "morning_evening", "", False, None, None),
    ("toaster", "Тостер", "Toaster", "kitchen", 800, 0, D("0.1"), "morning_evening", "", False, None, None),
    ("multicooker", "Мультиварка", "Multicooker", "kitchen", 700, 2, 1, "evening", "", False, None, None),
    ("cooker-hood", "Кухонная вытяжка", "Cooker hood", "kitchen", 150, 0, 1, "morning_evening", "", False, None, None),
    ("fridge-old", "Холодильник старый (класс C)", "Old refrigerator (class C)", "cold", 45, 0, 24, "continuous", "C", False, "fridge-a3", None),
    ("fridge-a", "Холодильник (класс A)", "Refrigerator (class A)", "cold", 28, 0, 24, "continuous", "A", False, "fridge-a3", None),
    ("fridge-a3", "Холодильник (класс A+++)", "Refrigerator (class A+++)", "cold", 15, 0, 24, "continuous", "A+++", False, None, None),
    ("freezer", "Морозильный ларь", "Chest freezer", "cold", 30, 0, 24, "continuous", "A+", False, None, None),
    ("washer", "Стиральная машина", "Washing machine", "laundry", 2000, 1, 1, "daytime", "A", True, None, None),
    ("dryer", "Сушильная машина", "Tumble dryer", "laundry", 2500, 1, D("0.5"), "daytime", "B", True, None, None),
    ("iron", "Утюг", "Iron", "laundry", 1500, 0, D("0.3"), "daytime", "", False, None, None),
    ("vacuum", "Пылесос", "Vacuum cleaner", "laundry", 1600, 0, D("0.3"), "daytime", "", False, None, None),
    ("water-heater", "Водонагреватель (бойлер) 80 л", "Water heater (boiler), 80 l", "climate", 2000, 0, 2, "morning_evening", "", True, None, None),
    ("oil-heater", "Масляный радиатор", "Oil-filled radiator", "climate", 1000, 0, 8, "continuous", "", False, None, None),
    ("fan-heater", "Тепловентилятор", "Fan heater", "climate", 2000, 0, 2, "evening", "", False, None, None),
    ("air-conditioner", "Кондиционер", "Air conditioner", "climate", 1000, 3, 4, "daytime", "A", False, None, None),
    ("fan", "Вентилятор", "Electric fan", "climate", 50, 0, 4, "daytime", "", False, None, None),
    ("towel-rail", "Электрический полотенцесушитель", "Electric towel rail", "climate", 100, 0, 12, "continuous", "", False, None, None),
    ("tv-old", "Телевизор старый (плазменный)", "Old TV (plasma)", "entertainment", 250, 5, 4, "evening", "D", False, "tv-led", None),
    ("tv-led", "Телевизор LED 43″", "LED TV, 43″", "entertainment", 70, D("0.5"), 4, "evening", "A", False, None, None),
    ("desktop-pc", "Настольный компьютер с монитором", "Desktop computer with monitor", "entertainment", 200, 3, 4, "evening", "", False, "laptop", None),
    ("laptop", "Ноутбук", "Laptop", "entertainment", 50, 1, 4, "evening", "", False, None, None),
    ("router", "Wi-Fi роутер", "Wi-Fi router", "entertainment", 10, 0, 24, "continuous", "", False, None, None),
    ("console", "Игровая приставка", "Game console", "entertainment", 150, 10, 2, "evening", "", False, None, None),
    ("set-top-box", "ТВ-приставка", "TV set-top box", "entertainment", 15, 8, 4, "evening", "", False, None, None),
    ("phone-charger", "Зарядка телефона", "Phone charger", "entertainment", 10, D("0.3"), 2, "night", "", False, None, None),
    ("aquarium", "Аквариум (фильтр, свет, обогрев)", "Aquarium (filter, light, heater)", "other", 50, 0, 24, "continuous", "", False, None, None),
    ("well-pump", "Насос скважины", "Well pump", "other", 800, 0, 1, "daytime", "", False, None, None),
    ("scooter-charger", "Зарядка электросамоката", "E-scooter charger", "other", 100, 0, 4, "evening", "", True, None, None),
]  # fmt: skip

EXAMPLE_SOURCE = (
    "Пример для демонстрации (не утверждённый тариф); проверьте приказ регионального органа "
    "регулирования тарифов"
)

# code, region, region_en, single-rate RUB/kWh in the first half of 2026, social norm kWh or None
REGIONS = [
    ("arkh", "Архангельская область", "Arkhangelsk Oblast", D("6.12"), None),
    ("vologda", "Вологодская область", "Vologda Oblast", D("5.84"), D("150")),
    ("karelia", "Республика Карелия", "Republic of Karelia", D("5.06"), None),
    ("kola", "Мурманская область", "Murmansk Oblast", D("3.91"), None),
    ("komi", "Республика Коми", "Komi Republic", D("5.48"), None),
    ("novgorod", "Новгородская область", "Novgorod Oblast", D("5.97"), D("120")),
    ("pskov", "Псковская область", "Pskov Oblast", D("6.25"), None),
]

# Zone rates as shares of the single rate (in the range regions use), and the 1 July rise.
ZONE_FACTORS = {
    "single": {"all_day": D("1")},
    "two_zone": {"day": D("1.15"), "night": D("0.55")},
    "three_zone": {"peak": D("1.30"), "half_peak": D("1.00"), "night": D("0.55")},
}
ABOVE_NORM_FACTOR = D("1.35")
JULY_RISE = D("1.099")


def tariff_rows(year: int = 2026):
    """Every example tariff of the demo regions for both halves of `year`."""
    for code, region, region_en, base, norm in REGIONS:
        for half, factor in ((1, D(1)), (2, JULY_RISE)):
            for kind, zones in ZONE_FACTORS.items():
                rates = {z: (base * factor * f).quantize(D("0.01")) for z, f in zones.items()}
                yield {
                    "region": code,
                    "region_name": region,
                    "region_name_en": region_en,
                    "year": year,
                    "half": half,
                    "kind": kind,
                    "rates": {z: str(r) for z, r in rates.items()},
                    "norm_kwh": norm,
                    "above_norm_rates": (
                        {
                            z: str((r * ABOVE_NORM_FACTOR).quantize(D("0.01")))
                            for z, r in rates.items()
                        }
                        if norm
                        else {}
                    ),
                    "source": EXAMPLE_SOURCE,
                    "verified": False,
                }
