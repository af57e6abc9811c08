"""The monthly Controllingbericht: a PDF/A file (`aipdesk report`, Datei → Bericht als
PDF…) and the same pages on a printer (Datei → Drucken…), charts in IBCS notation."""
