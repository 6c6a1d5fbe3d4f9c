"""WordPress in and out: a WXR export read as a stream (``wxr``), its post content turned
into body blocks (``content``), and the import that writes it all (``importer``)."""
