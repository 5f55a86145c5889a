/**
 * The site's address scheme, without the base path: pages, components and Node tools all build
 * their addresses here (`urls.ts` adds the base for pages; tools join these to a server's URL).
 */
export const routes = {
	home: () => '',
	entry: (id: string) => `entries/${id}/`,
	citation: (id: string) => `entries/${id}/citation.bib`,
	topic: (topic: string, page = 1) => (page > 1 ? `topics/${topic}/${page}/` : `topics/${topic}/`),
	topicFeed: (topic: string) => `topics/${topic}/rss.xml`,
	readingPath: (id: string) => `paths/${id}/`,
	search: () => 'search/',
	nameShard: (key: string) => `search/names/${key}.json`,
	pagefind: () => 'pagefind/pagefind.js',
	lineage: () => 'lineage/',
	topicLineage: (topic: string) => `lineage/${topic}/`,
	contributing: () => 'contributing/',
	feed: () => 'rss.xml',
	data: () => 'entries.json',
	papersBib: () => 'papers.bib',
	frontmatterSchema: () => 'schema/entry.schema.json',
	sitemap: () => 'sitemap-index.xml',
	favicon: () => 'favicon.svg',
} as const;
