"""Detectors: each turns a scanned text into candidates behind one small protocol (`base.Detector`).

The registry is `registry.DETECTORS`; importing this package loads no detector.
"""
