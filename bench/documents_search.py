"""Search of the normative-documents registry: 10,000 documents on PostgreSQL.

    python bench/documents_search.py            # BENCH_DOCS=10000 BENCH_QUERIES=400

Creates a temporary database (gp_bench_documents, dropped at the end), migrates it,
writes BENCH_DOCS documents with titles, summaries and a few pages of «file» text drawn
from a vocabulary of grid-company Russian, fills the stored search vectors in one
UPDATE, then runs the public page's search the way the page does: the count, the first
page of 20 ranked results and their highlighted headlines, for typical queries (single
words in another form, two words, a quoted phrase, a query with filters). Prints p50 and
p99 per query kind and overall. Target: p99 under 100 ms.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
NAME = "gp_bench_documents"
os.environ["DATABASE_URL"] = f"{SERVER}/{NAME}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

DOCS = int(os.environ.get("BENCH_DOCS", "10000"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "400"))
rng = random.Random(int(os.environ.get("BENCH_SEED", "42")))

WORDS = [
    "технологического",
    "присоединения",
    "присоединение",
    "присоединению",
    "заявитель",
    "заявителя",
    "заявки",
    "заявку",
    "сетевая",
    "сетевой",
    "организации",
    "организацией",
    "договора",
    "договор",
    "типового",
    "условия",
    "технические",
    "технических",
    "прибора",
    "приборов",
    "учёта",
    "учета",
    "электрической",
    "энергии",
    "энергии",
    "мощности",
    "мощность",
    "максимальной",
    "напряжения",
    "подстанции",
    "подстанций",
    "трансформаторной",
    "передачи",
    "услуг",
    "услуги",
    "потребителей",
    "потребителя",
    "гарантирующего",
    "поставщика",
    "поставщиком",
    "обращения",
    "обращений",
    "граждан",
    "жалобы",
    "жалоба",
    "рассмотрения",
    "срок",
    "сроки",
    "дней",
    "рабочих",
    "тарифов",
    "тарифа",
    "платы",
    "плата",
    "регионального",
    "органа",
    "регулирования",
    "надёжности",
    "качества",
    "показателей",
    "отключения",
    "отключений",
    "прекращения",
    "восстановления",
    "аварийного",
    "планового",
    "ремонта",
    "опломбирование",
    "поверки",
    "замены",
    "установки",
    "интеллектуальной",
    "системы",
    "учёта",
    "личного",
    "кабинета",
    "сайта",
    "информации",
    "раскрытия",
    "стандартов",
    "центров",
    "питания",
    "линии",
    "электропередачи",
    "объектов",
    "электросетевого",
    "хозяйства",
    "границы",
    "балансовой",
    "принадлежности",
]  # noqa: SIM905
KINDS = ["federal_law", "government_decree", "ministry_order", "company_standard", "form"]
STATUSES = ["in_force", "amended", "superseded"]


SYLLABLES = [
    "ка",
    "ли",
    "ро",
    "ва",
    "не",
    "му",
    "ст",
    "ор",
    "ен",
    "ти",
    "за",
    "пе",
    "ль",
    "но",
    "ра",
    "ми",
    "до",
    "гу",
    "ше",
    "ск",
    "ан",
    "ви",
]
# Filler words: real documents share few terms, so each domain word lands in a fraction
# of them; a text made only of domain words would match every query in every document.
FILLER = sorted(
    {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(6000)}
)


def sentence(n, terms=WORDS):
    words = [rng.choice(FILLER) for _ in range(n)]
    words[rng.randrange(n)] = rng.choice(terms)
    return " ".join(words).capitalize() + "."


# Phrases the phrase queries look for; a few documents carry each, so a phrase query
# has real matches to rank and highlight (not an empty answer, which is cheap).
PHRASES = ["типового договора", "личного кабинета", "центров питания"]


def text(sentences):
    terms = rng.sample(WORDS, 10)
    lines = [sentence(rng.randint(10, 20), terms) for _ in range(sentences)]
    if rng.random() < 0.15:
        words = lines[rng.randrange(len(lines))].rstrip(".").split()
        words.insert(rng.randrange(len(words)), rng.choice(PHRASES))
        lines.append(" ".join(words).capitalize() + ".")
    return "\n".join(lines)


def admin_connection():
    return psycopg.connect(f"{SERVER}/postgres", autocommit=True)


KEEP = os.environ.get("BENCH_KEEP") == "1"  # keep the database for another run


def main():
    with admin_connection() as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [NAME]).fetchone()
        if exists and not KEEP:
            conn.execute(f"DROP DATABASE {NAME} WITH (FORCE)")
        if not exists or not KEEP:
            conn.execute(f"CREATE DATABASE {NAME}")
    try:
        run(reuse=bool(exists and KEEP))
    finally:
        from django.db import connections

        connections.close_all()
        if not KEEP:
            with admin_connection() as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)")


def run(reuse=False):
    import datetime as dt

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrated in {time.perf_counter() - started:.1f} s")

    from gridportal.disclosure.models import Document, DocumentTopic
    from gridportal.disclosure.selectors import DocumentFilters, document_search, headlines
    from gridportal.disclosure.services.search_index import (
        rank_vector_expression,
        search_vector_expression,
    )

    started = time.perf_counter()
    # A kept database's documents and vectors are used as they are.
    write = not (reuse and Document.objects.count() >= DOCS)
    now = django.utils.timezone.now()
    docs = (
        []
        if not write
        else [
            Document(
                kind=rng.choice(KINDS),
                number=str(rng.randint(1, 2000)),
                date=dt.date(rng.randint(2003, 2026), rng.randint(1, 12), rng.randint(1, 28)),
                issuing_body="Правительство Российской Федерации",
                title=sentence(rng.randint(6, 14)),
                summary=text(3),
                file_text=text(rng.randint(20, 60)),
                status=rng.choice(STATUSES),
                published_at=now,
            )
            for _ in range(DOCS)
        ]
    )
    Document.objects.bulk_create(docs, batch_size=1000)
    DocumentTopic.objects.bulk_create(
        [
            DocumentTopic(document=d, topic=rng.choice(["connection", "metering", "quality"]))
            for d in docs
        ],
        batch_size=2000,
    )
    if write:
        Document.objects.update(
            search_vector=search_vector_expression(), rank_vector=rank_vector_expression()
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE disclosure_document; ANALYZE disclosure_documenttopic")
    print(f"{DOCS} documents written and indexed in {time.perf_counter() - started:.1f} s")

    kinds = {
        "word in another form": lambda: DocumentFilters(
            q=rng.choice(
                ["присоединение", "обращение", "тариф", "подстанция", "жалобу", "поставщик"]
            )
        ),
        "two words": lambda: DocumentFilters(
            q=rng.choice(
                [
                    "прибор учёта",
                    "технологическое присоединение",
                    "сетевая организация",
                    "гарантирующий поставщик",
                    "раскрытие информации",
                ]
            )
        ),
        "phrase": lambda: DocumentFilters(
            q=rng.choice(['"типового договора"', '"личного кабинета"', '"центров питания"'])
        ),
        "word and filters": lambda: DocumentFilters(
            q=rng.choice(["присоединение", "учёт", "надёжность"]),
            status=rng.choice(STATUSES),
            year=rng.randint(2003, 2026),
            topic="connection",
        ),
        "rare word": lambda: DocumentFilters(q="балансовой принадлежности границы"),
    }
    timings = {k: [] for k in kinds}
    for i in range(QUERIES):
        kind = list(kinds)[i % len(kinds)]
        filters = kinds[kind]()
        t0 = time.perf_counter()
        qs = document_search(filters)
        total = qs.count()
        page = list(qs[:20])
        headlines(page, filters.q)
        timings[kind].append((time.perf_counter() - t0) * 1000)
        if i < len(kinds):
            print(f"  {kind}: {filters.q!r} → {total} documents")

    def p(values, q):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]

    every = [t for ts in timings.values() for t in ts]
    for kind, ts in timings.items():
        print(
            f"{kind:22s} n={len(ts):4d}  p50 {statistics.median(ts):6.1f} ms  p99 {p(ts, 99):6.1f} ms"
        )
    print(
        f"{'all':22s} n={len(every):4d}  p50 {statistics.median(every):6.1f} ms  "
        f"p99 {p(every, 99):6.1f} ms  (target p99 < 100 ms)"
    )


if __name__ == "__main__":
    main()
