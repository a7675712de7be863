"""EDGAR XML import: ownershipDocument (Forms 3/4/5) and Form D edgarSubmission -> SCHEMA.md records.

Modules: ``safe_xml`` (the one hardened parser and value readers), ``ownership`` and ``formd`` (the
mappings), ``submission`` (XML blocks inside full EDGAR ``.txt``/``.nc`` submissions), ``importer``
(one input file -> envelopes), ``commands`` (the ``import-xml`` command).
"""

from extractor.edgar_xml.importer import FileImport, import_file, import_xml_bytes

__all__ = ["FileImport", "import_file", "import_xml_bytes"]
