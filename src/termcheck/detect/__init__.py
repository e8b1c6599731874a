"""Detectors: each turns a scanned text into candidates behind one small protocol."""
