// Fetching with one Accept header, as a client negotiating that one format would; redirects
// (the 303 from a thing to its description) are followed. Only loopback addresses are fetched.
export async function fetchAs(url, accept) {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`refusing to fetch ${url}: the tests only talk to the local server`);
  }
  const response = await fetch(url, { headers: { Accept: accept }, redirect: 'follow' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return {
    url: response.url,
    contentType: (response.headers.get('content-type') || '').split(';')[0].trim(),
    text: await response.text(),
  };
}
