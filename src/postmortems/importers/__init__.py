"""Importers: read exports of chat, paging, alerting, deploy, metric and VCS tools into events.

Each source is one module registered by name; this package does I/O and sits outside the core.
"""
