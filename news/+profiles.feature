Uninstall profile; profile version 1000 with an ``upgrades`` package.
