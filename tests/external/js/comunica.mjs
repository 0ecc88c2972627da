// Runs one SPARQL query with Comunica and prints its answer as JSON on stdout.
//
// Input (JSON on stdin): {"engine": "sparql" | "traversal", "query": "...", "sources": [...],
//                         "lenient": false}
// "sparql" is @comunica/query-sparql (Comunica 5); "traversal" is
// @comunica/query-sparql-link-traversal, which follows the IRIs of the triples that match the
// query's patterns, starting from the sources (or from the IRIs in the query when none).
// Output: {"kind": "bindings", "variables": [...], "rows": [{var: term}]} with terms as
// {"type", "value", "language", "datatype"}; {"kind": "boolean", "value": true};
// {"kind": "quads", "nquads": "..."} for CONSTRUCT and DESCRIBE.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { Writer } = require('n3');

const input = JSON.parse(readFileSync(0, 'utf8'));
const { QueryEngine } = input.engine === 'traversal'
  ? require('@comunica/query-sparql-link-traversal')
  : require('@comunica/query-sparql');

function term(t) {
  const out = { type: t.termType, value: t.value };
  if (t.termType === 'Literal') {
    out.language = t.language || null;
    out.datatype = t.datatype ? t.datatype.value : null;
  }
  return out;
}

const engine = new QueryEngine();
const context = { lenient: Boolean(input.lenient) };
if (input.unionDefaultGraph) context.unionDefaultGraph = true;
if (input.sources && input.sources.length) context.sources = input.sources;
const result = await engine.query(input.query, context);

let answer;
if (result.resultType === 'bindings') {
  const stream = await result.execute();
  const metadata = await result.metadata();
  const variables = metadata.variables.map((v) => (v.variable || v).value);
  const rows = (await stream.toArray()).map((binding) => {
    const row = {};
    for (const [variable, value] of binding) row[variable.value] = term(value);
    return row;
  });
  answer = { kind: 'bindings', variables, rows };
} else if (result.resultType === 'boolean') {
  answer = { kind: 'boolean', value: await result.execute() };
} else {
  const quads = await (await result.execute()).toArray();
  const writer = new Writer({ format: 'N-Quads' });
  const nquads = writer.quadsToString(quads);
  answer = { kind: 'quads', count: quads.length, nquads };
}
// Comunica may keep sockets alive: end once the answer is flushed (a pipe is written to
// asynchronously; exiting before the callback would cut it at 64 KiB).
process.stdout.write(JSON.stringify(answer), () => process.exit(0));
