import { routes } from '../../src/lib/routes.ts';

/** One address of each kind of page the site has, relative to its base. */
export const PAGE_KINDS = {
	home: routes.home(),
	topic: routes.topic('orchestration'),
	entry: routes.entry('kubernetes'),
	search: routes.search(),
	lineage: routes.lineage(),
	// The heaviest topic lineage page: networking has the most entries of its own, but orchestration
	// draws the most, with its many guests from the platforms built on it.
	'lineage-topic': routes.topicLineage('orchestration'),
	path: routes.readingPath('from-borg-to-kubernetes'),
	contributing: routes.contributing(),
	'404': '404.html',
} as const;

export type PageKind = keyof typeof PAGE_KINDS;

/**
 * The kinds Lighthouse scores: every kind but the 404 page, which is noindex on purpose and so can
 * never reach 100 in Lighthouse's SEO category. axe, html-validate and the CSP check still cover it.
 */
export const LIGHTHOUSE_KINDS = (Object.keys(PAGE_KINDS) as PageKind[]).filter(
	(kind) => kind !== '404',
);
