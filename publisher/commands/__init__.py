"""Sub-commands of the `publisher` CLI, one module each (see publisher.cli).

The CLI imports every command module to build its parser, so a command module imports what
its work needs inside `run`, not at the top: `publisher --help` or `publisher reload` then
starts without loading Flask, pyshacl or rdflib. That is the only reason for imports inside
functions in this package; no import anywhere hides a cycle.
"""
