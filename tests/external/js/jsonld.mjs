// Reads one JSON-LD document with jsonld.js in safe mode and prints its RDF.
//
// Usage: jsonld.mjs URL — fetches URL asking for application/ld+json, expands it and converts
// it to RDF (toRDF), both with `safe: true`: any term that would be dropped or left undefined
// (an unmapped property, a relative IRI, an invalid language tag) is an error, not a silent loss.
// Output: {"url", "contentType", "expanded": nodes after expansion, "count": quads, "nquads"}.
import { createRequire } from 'node:module';
import { fetchAs } from './fetch.mjs';

const require = createRequire(import.meta.url);
const jsonld = require('jsonld');

// Remote contexts are fetched from the local server only, never from elsewhere.
async function documentLoader(url) {
  const got = await fetchAs(url, 'application/ld+json');
  return { contextUrl: null, documentUrl: got.url, document: JSON.parse(got.text) };
}

const [url] = process.argv.slice(2);
const got = await fetchAs(url, 'application/ld+json');
const doc = JSON.parse(got.text);
const options = { safe: true, base: got.url, documentLoader };
const expanded = await jsonld.expand(doc, options);
const nquads = await jsonld.toRDF(doc, { ...options, format: 'application/n-quads' });
const count = nquads.split('\n').filter((line) => line.trim()).length;
process.stdout.write(JSON.stringify({
  url: got.url, contentType: got.contentType, expanded: expanded.length, count, nquads,
}));
