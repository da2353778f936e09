"""Readers for platform exports and mapped spreadsheets; writers for run sheets and reports."""
