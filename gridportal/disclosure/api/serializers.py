from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..markdown import markdown_html
from ..models import DisclosureItem, Document, Guide, Publication


class DocumentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    file_url = serializers.SerializerMethodField()
    topics = serializers.SerializerMethodField()
    supersedes = serializers.PrimaryKeyRelatedField(read_only=True)
    superseded_by = serializers.SerializerMethodField()
    headline = serializers.SerializerMethodField()
    branch = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Document
        fields = [
            "id", "kind", "number", "date", "issuing_body", "title", "title_en", "summary",
            "summary_en", "effective_from", "effective_until", "status", "topics", "branch",
            "supersedes", "superseded_by", "url", "file_url", "file_kind", "file_size",
            "published_at", "updated_at", "headline",
        ]  # fmt: skip

    @extend_schema_field(serializers.CharField())
    def get_url(self, obj):
        return obj.get_absolute_url()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_file_url(self, obj):
        from django.urls import reverse

        return reverse("disclosure:file", args=[obj.pk]) if obj.file_kind else None

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_topics(self, obj):
        return [link.topic for link in obj.topic_links.all()]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_superseded_by(self, obj):
        return self.context.get("successors", {}).get(obj.pk)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_headline(self, obj):
        """An excerpt with the matches in <mark> (the rest HTML-escaped), with `q` only."""
        headline = self.context.get("headlines", {}).get(obj.pk)
        return str(headline) if headline is not None else None


class GuideSerializer(serializers.ModelSerializer):
    html = serializers.SerializerMethodField()
    html_en = serializers.SerializerMethodField()

    class Meta:
        model = Guide
        fields = ["slug", "stage", "title", "title_en", "body", "body_en", "html", "html_en",
                  "published_at", "updated_at"]  # fmt: skip

    @extend_schema_field(serializers.CharField())
    def get_html(self, obj):
        return str(markdown_html(obj.body))

    @extend_schema_field(serializers.CharField())
    def get_html_en(self, obj):
        return str(markdown_html(obj.body_en))


class PublicationSerializer(serializers.ModelSerializer):
    document = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Publication
        fields = ["period", "published_at", "url", "document", "source"]


class DisclosureItemSerializer(serializers.ModelSerializer):
    publications = PublicationSerializer(many=True, read_only=True)
    branch = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = DisclosureItem
        fields = ["id", "code", "title", "title_en", "legal_source", "frequency", "branch",
                  "page_url", "publications"]  # fmt: skip
