"""PostgreSQL storage for the documents' search (other databases search the stored stems,
see selectors/search.py):

- the GIN index of the full search vector;
- long values (the file's text, the full vector) go to TOAST from 256 bytes while the
  title and the small ranking vector stay in the row, so a search reading thousands of
  matching rows reads a few hundred pages (bench/documents_search.py).
"""

from django.db import migrations

INDEX = "disclosure_document_search_gin"
IN_ROW = ("title", "rank_vector")


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON disclosure_document USING gin (search_vector)"
    )
    schema_editor.execute("ALTER TABLE disclosure_document SET (toast_tuple_target = 256)")
    for column in IN_ROW:
        schema_editor.execute(
            f"ALTER TABLE disclosure_document ALTER COLUMN {column} SET STORAGE MAIN"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute("ALTER TABLE disclosure_document RESET (toast_tuple_target)")
    for column in IN_ROW:
        schema_editor.execute(
            f"ALTER TABLE disclosure_document ALTER COLUMN {column} SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
