"""Durable, locked, anonymous and tamper-evident TinyDB persistence for kaoping."""
