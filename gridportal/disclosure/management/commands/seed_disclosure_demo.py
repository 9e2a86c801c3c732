"""Demo data for information disclosure: the federal acts a grid company lists, each with a
short generated PDF and its editions as versions; the company's own documents; the four
guides; the disclosure calendar with a few publications. Run after `seed_demo`."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from gridportal.accounts.models import User
from gridportal.core.models import Branch
from gridportal.core.uploads import upload_accept

from ...choices import DocumentStatus, GuideStatus
from ...demo_data import CATEGORIES, DOCUMENTS, ITEMS
from ...demo_guides import GUIDES
from ...models import Category, DisclosureItem, Document, Guide
from ...pdfgen import text_pdf
from ...periods import next_due
from ...services import DocumentData, document_create, guide_save, publication_record


def _pdf(spec, summary, edition):
    number = f" № {spec['number']}" if spec["number"] else ""
    heading = f"{spec['issuing_body']}\n{spec['date']:%d.%m.%Y}{number}\n«{spec['title']}»"
    paragraphs = [
        f"Редакция {edition}." if edition > 1 else "Первоначальная редакция.",
        summary,
        "Краткое изложение для демонстрационного портала. Официальный текст документа "
        "опубликован на официальном интернет-портале правовой информации.",
    ]
    name = f"document-{spec['number'] or 'company'}-{edition}.pdf"
    return upload_accept(
        name=name, content=text_pdf(title=heading, paragraphs=paragraphs), kinds=("pdf",)
    )


class Command(BaseCommand):
    help = "Demo normative documents, guides and the disclosure calendar."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if data exist.")

    @transaction.atomic
    def handle(self, *args, **options):
        if options["if_empty"] and Document.objects.exists():
            self.stdout.write("Disclosure demo data already present; skipped.")
            return
        categories = self._categories()
        branch = Branch.objects.order_by("code").first()
        documents = 0
        for spec in DOCUMENTS:
            documents += self._document(spec, categories, branch)
        self._guides()
        items = self._items()
        self.stdout.write(
            f"Disclosure demo: {documents} documents, {len(GUIDES)} guides, {items} items."
        )

    def _categories(self):
        made = {}
        for order, (slug, name, name_en, parent) in enumerate(CATEGORIES):
            made[slug], _ = Category.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_en": name_en,
                    "parent": made.get(parent),
                    "order": order,
                },
            )
        return made

    def _document(self, spec, categories, branch):
        previous = None
        editions = spec.get("edition_from", [None] * len(spec["versions"]))
        for index, summary in enumerate(spec["versions"], start=1):
            status = DocumentStatus.IN_FORCE if index == 1 else DocumentStatus.AMENDED
            data = DocumentData(
                kind=spec["kind"],
                number=spec["number"],
                date=spec["date"],
                issuing_body=spec["issuing_body"],
                title=spec["title"],
                title_en=spec.get("title_en", ""),
                summary=summary,
                effective_from=editions[index - 1],
                status=status,
                category=categories.get(spec["category"]),
                branch_id=branch.pk if spec.get("branch") and branch else None,
                topics=spec["topics"],
            )
            previous = document_create(
                data=data, upload=_pdf(spec, summary, index), supersedes=previous, publish=True
            )
        return len(spec["versions"])

    def _guides(self):
        for order, (slug, stage, title, title_en, body, body_en) in enumerate(GUIDES):
            guide, _ = Guide.objects.get_or_create(
                slug=slug,
                defaults={"stage": stage, "title": title, "body": body, "order": order},
            )
            guide_save(
                guide=guide,
                title=title,
                title_en=title_en,
                body=body,
                body_en=body_en,
                status=GuideStatus.PUBLISHED,
            )

    def _items(self):
        today = timezone.localdate()
        editor = User.objects.filter(username="demo-content-editor").first()
        tracked_from = dt.date(today.year - 1, 1, 1)
        count = 0
        for order, (code, title, title_en, source, frequency, offset, url) in enumerate(ITEMS):
            item, created = DisclosureItem.objects.get_or_create(
                code=code,
                defaults={
                    "title": title,
                    "title_en": title_en,
                    "legal_source": source,
                    "frequency": frequency,
                    "due_offset_days": offset,
                    "tracked_from": tracked_from,
                    "responsible": editor,
                    "page_url": url,
                    "order": order,
                },
            )
            count += 1
            if not created:
                continue
            if frequency == "on_change":
                publication_record(item=item, period=str(today.year), url=url)
                continue
            # Every period published on time except the latest one of connection
            # applications, so the calendar shows an overdue item in red.
            published: set[str] = set()
            while True:
                due = next_due(
                    frequency=frequency,
                    offset_days=offset,
                    tracked_from=tracked_from,
                    published=published,
                    today=today,
                )
                late = code == "connection_applications" and (today - due.due).days < 100
                if due.due > today or late:
                    break
                publication_record(
                    item=item,
                    period=due.period.code,
                    url=url,
                    published_at=timezone.make_aware(
                        dt.datetime.combine(due.due - dt.timedelta(days=2), dt.time(10))
                    ),
                )
                published.add(due.period.code)
        return count
