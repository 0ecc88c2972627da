"""Sub-commands of the `publisher` CLI, one module each (see publisher.cli)."""
