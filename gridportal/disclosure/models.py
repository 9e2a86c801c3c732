"""Tables of information disclosure: normative documents, guides, the disclosure calendar."""

from contextlib import contextmanager

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gridportal.core.models import Branch, TimeStampedModel, bilingual

from .choices import (
    DocumentKind,
    DocumentStatus,
    FileKind,
    Frequency,
    GuideStage,
    GuideStatus,
    PublicationSource,
    Topic,
)
from .periods import period_label
from .slugs import slug_of


class Category(models.Model):
    """A heading of the «Normative documents» section; headings nest."""

    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent heading"),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(pgettext_lazy("disclosure", "name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("document heading")
        verbose_name_plural = _("document headings")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return bilingual(self.name, self.name_en)


@contextmanager
def _index_plan(alias):
    """Plan a full-text query on PostgreSQL without a sequential scan.

    The planner does not count reading each row's vector from TOAST, so for a common word
    it scans all documents (or walks another index) and unpacks every vector — half a
    second at 10,000 documents; the GIN index answers the same match without reading a
    vector at all.
    """
    connection = connections[alias]
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        # Bitmap scans only: they need a condition the index answers (the match itself, or
        # a filter of kind and status), never a walk over every row of another index.
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
        try:
            yield
        finally:
            cursor.execute("SET LOCAL enable_seqscan = on; SET LOCAL enable_indexscan = on")


class DocumentQuerySet(models.QuerySet):
    _prefer_index = False

    def published(self):
        return self.filter(published_at__isnull=False)

    def prefer_index(self):
        """Evaluate through the full-text index (see `_index_plan`)."""
        clone = self._chain()
        clone._prefer_index = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._prefer_index = self._prefer_index
        return clone

    def _fetch_all(self):
        if self._prefer_index and self._result_cache is None:
            with _index_plan(self.db):
                super()._fetch_all()
        else:
            super()._fetch_all()

    def count(self):
        if self._prefer_index and self._result_cache is None:
            with _index_plan(self.db):
                return super().count()
        return super().count()


class Document(TimeStampedModel):
    """A normative document in the registry: one version of a law, order, standard or form."""

    # Company-wide documents have no branch; a branch's own (a regional tariff decision) do.
    branch_path = "branch"

    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    number = models.CharField(pgettext_lazy("disclosure", "number"), max_length=60, blank=True)
    date = models.DateField(_("date"))
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    # The full title of ПП № 861 alone is over 600 characters.
    title = models.CharField(_("title"), max_length=1000)
    title_en = models.CharField(_("title in English"), max_length=1000, blank=True)
    summary = models.TextField(pgettext_lazy("disclosure", "summary"), blank=True)
    summary_en = models.TextField(pgettext_lazy("disclosure", "summary in English"), blank=True)
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    effective_until = models.DateField(_("in force until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.IN_FORCE
    )
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("previous version"),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("heading"),
    )
    branch = models.ForeignKey(
        Branch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("branch"),
        help_text=_("Empty for company-wide documents."),
    )
    file_name = models.CharField(_("stored file"), max_length=200, blank=True)
    file_original_name = models.CharField(_("file name"), max_length=200, blank=True)
    file_kind = models.CharField(_("file type"), max_length=8, choices=FileKind.choices, blank=True)
    file_size = models.PositiveIntegerField(_("file size, bytes"), default=0)
    file_text = models.TextField(_("text of the file"), blank=True)
    # Search: the PostgreSQL document vector (GIN-indexed, migration 0002) and, for other
    # databases, the stems of the same text (services/search_index.py keeps both fresh).
    search_vector = SearchVectorField(null=True, editable=False)
    # Ranking reads only the number and title: a small vector kept in the row ranks
    # thousands of matches fast, where the whole file's vector comes from TOAST for each.
    rank_vector = SearchVectorField(null=True, editable=False)
    search_stems = models.TextField(blank=True, editable=False)
    # No index: a full-text query must reach its rows through the GIN index (_index_plan).
    published_at = models.DateTimeField(
        pgettext_lazy("disclosure", "published"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("normative document")
        verbose_name_plural = _("normative documents")
        indexes = [models.Index(fields=["kind", "status"]), models.Index(fields=["number"])]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        """«Приказ … от 15.04.2014 № 186» as a short line."""
        number = f" № {self.number}" if self.number else ""
        return f"{self.get_kind_display()} {self.date:%d.%m.%Y}{number}"

    @property
    def display_title(self):
        return bilingual(self.title, self.title_en)

    @property
    def display_summary(self):
        return bilingual(self.summary, self.summary_en)

    @property
    def slug(self):
        return slug_of(self.number or "", self.title)

    @property
    def is_published(self):
        return self.published_at is not None

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("disclosure:document", args=[self.pk, self.slug])


class DocumentTopic(models.Model):
    """One topic a document is about (connection, metering, …)."""

    branch_path = "document__branch"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "topic"], name="disclosure_topic_once")
        ]
        verbose_name = _("document topic")
        verbose_name_plural = _("document topics")

    def __str__(self):
        return self.get_topic_display()


class Guide(models.Model):
    """A service-stage guide («how to get connected»), written in Markdown by content editors."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    stage = models.CharField(_("service stage"), max_length=16, choices=GuideStage.choices)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    body = models.TextField(_("text (Markdown)"))
    body_en = models.TextField(_("text in English (Markdown)"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=GuideStatus.choices, default=GuideStatus.DRAFT
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published_at = models.DateTimeField(
        pgettext_lazy("disclosure", "published"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("service-stage guide")
        verbose_name_plural = _("service-stage guides")

    def __str__(self):
        return self.title

    @property
    def display_title(self):
        return bilingual(self.title, self.title_en)

    @property
    def display_body(self):
        return bilingual(self.body, self.body_en)


class GuideRevision(models.Model):
    """One saved version of a guide, kept for its history."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    body = models.TextField(_("text (Markdown)"))
    body_en = models.TextField(_("text in English (Markdown)"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=GuideStatus.choices)
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved by"),
    )

    class Meta:
        ordering = ["-saved_at", "-id"]
        verbose_name = _("guide version")
        verbose_name_plural = _("guide versions")

    def __str__(self):
        return f"{self.guide.slug} {self.saved_at:%Y-%m-%d %H:%M}"


class GuideFeedback(models.Model):
    """A reader's answer to «was this helpful?» on a guide."""

    guide = models.ForeignKey(Guide, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField(_("helpful"))
    answered_at = models.DateTimeField(
        pgettext_lazy("disclosure", "answered"), default=timezone.now
    )

    class Meta:
        verbose_name = _("guide feedback")
        verbose_name_plural = _("guide feedback")

    def __str__(self):
        return f"{self.guide.slug}: {self.helpful}"


class DisclosureItem(TimeStampedModel):
    """Something the company must publish on fixed dates (ПП РФ № 24): free capacity, …"""

    branch_path = "branch"

    code = models.SlugField(_("code"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=300)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    legal_source = models.CharField(_("legal source"), max_length=300)
    frequency = models.CharField(_("frequency"), max_length=16, choices=Frequency.choices)
    due_offset_days = models.SmallIntegerField(
        _("due, days after the period ends"),
        default=30,
        help_text=_("Negative: within the period (e.g. −75 for a quarter: two weeks in)."),
    )
    tracked_from = models.DateField(_("tracked from"), default=timezone.localdate)
    remind_days_before = models.PositiveSmallIntegerField(_("remind, days before"), default=7)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible"),
    )
    branch = models.ForeignKey(
        Branch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("branch"),
        help_text=_("Empty for company-wide items."),
    )
    page_url = models.CharField(_("where it is published"), max_length=300, blank=True)
    reminded_for = models.CharField(_("reminded for period"), max_length=16, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("disclosure item")
        verbose_name_plural = _("disclosure items")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return bilingual(self.title, self.title_en)


class Publication(models.Model):
    """An item published for one period: when, and where to read it."""

    branch_path = "item__branch"

    item = models.ForeignKey(DisclosureItem, on_delete=models.CASCADE, related_name="publications")
    period = models.CharField(_("period"), max_length=16)
    published_at = models.DateTimeField(
        pgettext_lazy("disclosure", "published"), default=timezone.now
    )
    url = models.CharField(_("link"), max_length=300, blank=True)
    document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("document"),
    )
    source = models.CharField(
        _("source"),
        max_length=8,
        choices=PublicationSource.choices,
        default=PublicationSource.MANUAL,
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "period"], name="disclosure_publication_once")
        ]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self):
        return f"{self.item.code} {self.period}"

    @property
    def period_label(self) -> str:
        return period_label(self.period)
