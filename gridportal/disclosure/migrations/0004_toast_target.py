"""Keep the documents' heap rows small on PostgreSQL: long values (the file's text and its
search vector) go to TOAST from 256 bytes while the title and the ranking vector stay in the
row, so a search reading thousands of matching rows
reads a few hundred pages instead of thousands (bench/documents_search.py)."""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE disclosure_document SET (toast_tuple_target = 256)")
        # What a result list reads for every match stays in the row (compressed if long).
        for column in ("title", "rank_vector"):
            schema_editor.execute(
                f"ALTER TABLE disclosure_document ALTER COLUMN {column} SET STORAGE MAIN"
            )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE disclosure_document RESET (toast_tuple_target)")
        for column in ("title", "rank_vector"):
            schema_editor.execute(
                f"ALTER TABLE disclosure_document ALTER COLUMN {column} SET STORAGE EXTENDED"
            )


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0003_rank_vector")]
    operations = [migrations.RunPython(forward, backward)]
