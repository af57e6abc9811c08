"""aipdesk: steer a Jobcenter's yearly labour-market and integration programme (AIP)."""

__version__ = "0.1.0"
