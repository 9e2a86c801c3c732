from ...services import measurements_import
from ._file_import import FileImportCommand


class Command(FileImportCommand):
    help = (
        "Import control measurements (CSV or XLSX: dispatch number, transformer, load MVA, date). "
        "A file with any bad row is rejected whole."
    )
    importer = staticmethod(measurements_import)
    done = "Imported {created} new and {updated} corrected measurements for {power_centres} power centres."
