/** Query parameters that only track where a click came from; they never make two pages different. */
const TRACKING_PARAMETERS = /^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref|ref_src)$/i;

/**
 * Reduces a URL to the form two entries would share if they pointed at the same page: scheme and
 * host case, `www.`, default ports, trailing slashes, tracking parameters and fragments do not count.
 */
export function normalizeUrl(input: string): string {
	let url: URL;
	try {
		url = new URL(input.trim());
	} catch {
		return input.trim().toLowerCase();
	}
	const host = url.hostname.toLowerCase().replace(/^www\./, '');
	const port = url.port && !['80', '443'].includes(url.port) ? `:${url.port}` : '';
	const path = url.pathname.replace(/\/+$/, '');
	const query = [...url.searchParams]
		.filter(([name]) => !TRACKING_PARAMETERS.test(name))
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
	return `${host}${port}${path}${query ? `?${query}` : ''}`;
}
