// Validates a release with rdf-validate-shacl, the way the build validates it with pyshacl.
//
// Usage: shacl.mjs DATASET.nq SHAPES-GRAPH-IRI — the shapes are the triples of the shapes graph;
// the data graph is every other graph of the dataset merged into one (the ontology included, so
// that sh:class and sh:targetClass follow rdfs:subClassOf), exactly as publisher/build.py does.
// rdf-validate-shacl implements SHACL Core only: it stops at the first SHACL-SPARQL constraint
// (sh:sparql) and ignores SPARQL-based targets (sh:target). Both are taken out of the shapes it
// gets and listed in "unsupported", so that the caller knows which checks only pyshacl makes.
// Output: {"conforms", "shapes": triples, "data": triples, "unsupported": [{"shape",
// "property"}], "results": [{"focus", "path", "component", "severity", "shape", "message"}]}
// (blank nodes printed as null: they have no name to compare across engines).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';

const require = createRequire(import.meta.url);
const { Parser } = require('n3');

const [path, shapesGraph] = process.argv.slice(2);
const shapes = rdf.dataset();
const data = rdf.dataset();
for (const quad of new Parser({ format: 'application/n-quads' }).parse(readFileSync(path, 'utf8'))) {
  const triple = rdf.quad(quad.subject, quad.predicate, quad.object);
  (quad.graph.value === shapesGraph ? shapes : data).add(triple);
}
if (shapes.size === 0) throw new Error(`${path} has no graph <${shapesGraph}>`);

const SH = 'http://www.w3.org/ns/shacl#';
const unsupported = [];
for (const quad of [...shapes]) {
  if (quad.predicate.value === SH + 'sparql' || quad.predicate.value === SH + 'target') {
    shapes.delete(quad);
    unsupported.push({ shape: quad.subject.value, property: quad.predicate.value });
  }
}

const named = (term) => (term && term.termType === 'NamedNode' ? term.value : null);
const validator = new SHACLValidator(shapes, { factory: rdf });
const report = await validator.validate(data);
const results = report.results.map((result) => ({
  focus: result.focusNode ? result.focusNode.value : null,
  path: named(result.path),
  component: named(result.sourceConstraintComponent),
  severity: named(result.severity),
  shape: named(result.sourceShape),
  message: result.message.map((m) => m.value).join(' '),
}));
process.stdout.write(JSON.stringify({
  conforms: report.conforms, shapes: shapes.size, data: data.size, unsupported, results,
}));
