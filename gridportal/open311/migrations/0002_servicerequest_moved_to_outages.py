from django.db import migrations


class Migration(migrations.Migration):
    """The service an Open311 client chose is now kept on the outage report itself."""

    dependencies = [
        ("open311", "0001_initial"),
        ("outages", "0005_open311_service"),
    ]

    operations = [
        migrations.DeleteModel(name="ServiceRequest"),
    ]
