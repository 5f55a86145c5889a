import { pageAddress, type DistSite } from './dist-site.ts';

export interface BrokenLink {
	/** The HTML file the link is in, relative to the build output. */
	page: string;
	href: string;
	reason: string;
}

export interface LinkReport {
	base: string;
	pages: number;
	/** Internal addresses checked: links, stylesheets, scripts, icons, form targets. */
	links: number;
	broken: BrokenLink[];
}

/** Schemes that never name a file of the site. */
const NOT_A_PAGE = /^(mailto|tel|data|javascript|blob):/i;

/**
 * Resolves every internal address in the built site against its files, the way the static server
 * does (a file, or a folder's index.html, under the base path), and every `#fragment` against the
 * anchors of the page it lands on. Absolute links to the site's own origin, such as canonical links,
 * are internal too: that is where a wrong base path shows.
 */
export function checkInternalLinks(site: DistSite): LinkReport {
	const broken: BrokenLink[] = [];
	let links = 0;
	for (const [page, { references }] of site.pages) {
		const from = pageAddress(site, page);
		for (const { value } of references) {
			if (NOT_A_PAGE.test(value)) continue;
			const target = URL.parse(value, from);
			if (!target) {
				broken.push({ page, href: value, reason: 'is not a valid address' });
				continue;
			}
			if (target.origin !== from.origin) continue;
			links++;
			const reason = findProblem(site, target);
			if (reason) broken.push({ page, href: value, reason });
		}
	}
	return { base: site.base, pages: site.pages.size, links, broken };
}

function findProblem(site: DistSite, target: URL): string | undefined {
	if (!target.pathname.startsWith(site.base)) return `is outside the base path ${site.base}`;
	const path = decodeURIComponent(target.pathname.slice(site.base.length));
	const file = [path, `${path}${path && !path.endsWith('/') ? '/' : ''}index.html`].find(
		(candidate) => site.files.has(candidate),
	);
	if (!file) return 'names no file in the build';
	const fragment = decodeURIComponent(target.hash.slice(1));
	// Browsers scroll to the top for an empty fragment or "#top" without needing an element.
	if (!fragment || fragment.toLowerCase() === 'top') return undefined;
	const anchors = site.pages.get(file)?.anchors;
	if (!anchors) return `points into ${file}, which is not a page`;
	return anchors.has(fragment) ? undefined : `has no element with id "${fragment}" in ${file}`;
}
