from ...services import commitments_import
from ._file_import import FileImportCommand


class Command(FileImportCommand):
    help = (
        "Import committed capacity (CSV or XLSX: site, dispatch number, kW, contract or TU "
        "number, date). A file with any bad row is rejected whole."
    )
    importer = staticmethod(commitments_import)
    done = "Imported {created} new and {updated} changed commitments for {power_centres} power centres."
