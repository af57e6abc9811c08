"""Excel export, entry template, import and merge of databases (openpyxl)."""
