import { pageAddress, type DistSite } from './dist-site.ts';

export interface UnguardedLink {
	page: string;
	href: string;
	rel: string;
}

export interface ExternalLinkReport {
	links: number;
	/** External links whose `rel` lacks `noopener` or `noreferrer`. */
	unguarded: UnguardedLink[];
}

const REQUIRED_REL = ['noopener', 'noreferrer'];

/**
 * Every link that leaves the site must carry rel="noopener noreferrer": the page it opens gets no
 * handle on ours and is not told which page the reader came from.
 */
export function checkExternalLinks(site: DistSite): ExternalLinkReport {
	const unguarded: UnguardedLink[] = [];
	let links = 0;
	for (const [page, { references }] of site.pages) {
		const from = pageAddress(site, page);
		for (const { tag, value, rel } of references) {
			if (tag !== 'a' && tag !== 'area') continue;
			const target = URL.parse(value, from);
			if (!target || !/^https?:$/.test(target.protocol) || target.origin === from.origin) continue;
			links++;
			if (!REQUIRED_REL.every((token) => rel.includes(token)))
				unguarded.push({ page, href: value, rel: rel.join(' ') });
		}
	}
	return { links, unguarded };
}
