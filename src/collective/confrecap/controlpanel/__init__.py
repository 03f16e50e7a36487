"""The "Conference coverage" control panel (Site Setup → Add-on configuration)."""
