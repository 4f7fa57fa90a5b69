"""The `mobileathlete` subcommands, one module each, registered by cli.py."""
