"""The appliance catalogue and tariffs of the energy reference; lessons, quizzes and classes."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gridportal.core.models import BilingualNameMixin, TimeStampedModel, bilingual

from .choices import (
    AgeGroup,
    ApplianceCategory,
    EfficiencyClass,
    Half,
    Illustration,
    LessonStatus,
    TariffKind,
    Topic,
    UseProfile,
)


class Appliance(BilingualNameMixin, TimeStampedModel):
    """A typical household appliance of the catalogue, with the power it usually draws."""

    slug = models.SlugField(_("code"), max_length=48, unique=True)
    category = models.CharField(_("category"), max_length=16, choices=ApplianceCategory.choices)
    power_w = models.DecimalField(_("power, W"), max_digits=7, decimal_places=1)
    standby_w = models.DecimalField(
        _("standby power, W"), max_digits=5, decimal_places=1, default=Decimal(0)
    )
    usual_hours = models.DecimalField(
        _("usual hours a day"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(24)],
    )
    profile = models.CharField(
        _("when it is usually on"), max_length=16, choices=UseProfile.choices
    )
    efficiency_class = models.CharField(
        _("efficiency class"), max_length=4, choices=EfficiencyClass.choices, blank=True
    )
    movable = models.BooleanField(
        _("can run at night"), default=False, help_text=_("Washing machines, dishwashers, boilers.")
    )
    better = models.ForeignKey(
        "self",
        verbose_name=_("more efficient replacement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lamp_lumens = models.PositiveIntegerField(
        _("light output, lm"), null=True, blank=True, help_text=_("Lamps only.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("appliance")
        verbose_name_plural = _("appliances")
        ordering = ["category", "order", "name"]


class Tariff(TimeStampedModel):
    """A household electricity tariff of a region for one half-year (tariffs change on 1 July)."""

    region = models.SlugField(
        _("region"), max_length=32, help_text=_("The code of the branch serving the region.")
    )
    region_name = models.CharField(_("region name"), max_length=200)
    region_name_en = models.CharField(_("region name in English"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(_("half-year"), choices=Half.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=TariffKind.choices)
    rates = models.JSONField(_("rates per zone, RUB/kWh"), help_text='{"day": "6.12", …}')
    zone_hours = models.JSONField(
        _("zone hours"),
        default=dict,
        blank=True,
        help_text=_("Empty: the standard zones. Otherwise {zone: [[start, end], …]}."),
    )
    norm_kwh = models.DecimalField(
        _("social norm, kWh a month"), max_digits=7, decimal_places=1, null=True, blank=True
    )
    above_norm_rates = models.JSONField(_("rates above the social norm"), default=dict, blank=True)
    source = models.CharField(_("source"), max_length=300)
    verified = models.BooleanField(
        _("verified"),
        default=False,
        help_text=_("Checked against the regional tariff order. Unverified rates are examples."),
    )

    class Meta:
        verbose_name = _("tariff")
        verbose_name_plural = _("tariffs")
        ordering = ["region", "-year", "-half", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "half", "kind"], name="learn_tariff_once_per_half"
            )
        ]

    def __str__(self):
        return f"{self.region} {self.year}/{self.half} {self.kind}"

    @property
    def display_region(self) -> str:
        return bilingual(self.region_name, self.region_name_en)


class Lesson(TimeStampedModel):
    """A safety lesson of «Подружись с электричеством»; its text is the latest version."""

    slug = models.SlugField(_("address"), max_length=64, unique=True)
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    illustration = models.CharField(
        _("illustration"), max_length=20, choices=Illustration.choices, blank=True
    )
    hazard = models.BooleanField(
        _("about a danger to report"),
        default=False,
        help_text=_("Shows «Report a danger» with a link to the hotline's report form."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=LessonStatus.choices, default=LessonStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary in English"), max_length=300, blank=True)
    body = models.TextField(_("text (Markdown)"))
    body_en = models.TextField(_("text in English (Markdown)"), blank=True)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["age_group", "order", "title"]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return bilingual(self.title, self.title_en)

    @property
    def display_summary(self) -> str:
        return bilingual(self.summary, self.summary_en)

    @property
    def display_body(self) -> str:
        return bilingual(self.body, self.body_en)


class LessonVersion(models.Model):
    """One saved text of a lesson, kept so that an editor can see what changed and by whom."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary in English"), max_length=300, blank=True)
    body = models.TextField(_("text (Markdown)"))
    body_en = models.TextField(_("text in English (Markdown)"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=LessonStatus.choices)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson version")
        verbose_name_plural = _("lesson versions")
        ordering = ["lesson", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "number"], name="learn_version_once")
        ]

    def __str__(self):
        return f"{self.title} v{self.number}"


class Question(models.Model):
    """A quiz question of a lesson, with the explanation shown once it is answered."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("question"), max_length=300)
    text_en = models.CharField(_("question in English"), max_length=300, blank=True)
    explanation = models.CharField(_("explanation"), max_length=500)
    explanation_en = models.CharField(_("explanation in English"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["lesson", "order", "pk"]

    def __str__(self):
        return self.display_text

    @property
    def display_text(self) -> str:
        return bilingual(self.text, self.text_en)

    @property
    def display_explanation(self) -> str:
        return bilingual(self.explanation, self.explanation_en)


class Choice(models.Model):
    """An answer to a quiz question; exactly one of a question's choices is right."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("answer"), max_length=200)
    text_en = models.CharField(_("answer in English"), max_length=200, blank=True)
    correct = models.BooleanField(_("right answer"), default=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["question", "order", "pk"]

    def __str__(self):
        return self.display_text

    @property
    def display_text(self) -> str:
        return bilingual(self.text, self.text_en)


class ClassCode(TimeStampedModel):
    """A teacher's class: children enter its code with a quiz, the teacher sees the scores."""

    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learn_classes"
    )
    code = models.CharField(_("class code"), max_length=8, unique=True)
    label = models.CharField(_("class"), max_length=60, help_text=_("For example, 3 «Б»."))

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.label} ({self.code})"


class ClassResult(models.Model):
    """One child's quiz score in a class: anonymous by design (no name, no contact, no IP)."""

    class_code = models.ForeignKey(ClassCode, on_delete=models.CASCADE, related_name="results")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("right answers"))
    total = models.PositiveSmallIntegerField(_("questions"))
    created_at = models.DateTimeField(_("taken"), auto_now_add=True)

    class Meta:
        verbose_name = _("class result")
        verbose_name_plural = _("class results")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.score}/{self.total}"
