// Reads one RDF document with N3.js and prints what it parsed.
//
// Usage: n3.mjs URL MEDIA-TYPE — fetches URL asking for MEDIA-TYPE (text/turtle,
// application/trig, application/n-quads, application/n-triples) and parses the answer with
// N3.js's parser for the media type the server answered with.
// Output: {"url": final URL, "contentType", "count": quads, "nquads": what N3.js's writer makes
// of them}.
import { createRequire } from 'node:module';
import { fetchAs } from './fetch.mjs';

const require = createRequire(import.meta.url);
const { Parser, Writer } = require('n3');

const [url, mediaType] = process.argv.slice(2);
const got = await fetchAs(url, mediaType);
const quads = new Parser({ format: got.contentType, baseIRI: got.url }).parse(got.text);
const nquads = new Writer({ format: 'N-Quads' }).quadsToString(quads);
process.stdout.write(JSON.stringify({ url: got.url, contentType: got.contentType, count: quads.length, nquads }));
