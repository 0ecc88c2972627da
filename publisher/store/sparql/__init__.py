"""Reading SPARQL text as the SPARQL 1.1 grammar reads it, without evaluating anything.

`lexer.py` cuts a query into the terminals of the grammar (SPARQL 1.1, section 19.8) in one
left-to-right scan; `iri.py` resolves relative IRIs (RFC 3986). The guard (store/guard.py)
builds on both the one reading of a query that the store is then given.
"""
