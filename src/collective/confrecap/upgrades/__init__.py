"""Upgrade steps, one module per profile version (``toNNNN.py``)."""
