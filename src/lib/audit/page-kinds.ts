/** One address of each kind of page the site has, relative to its base. */
export const PAGE_KINDS = {
	home: '',
	topic: 'topics/orchestration/',
	entry: 'entries/kubernetes/',
	search: 'search/',
	lineage: 'lineage/',
	path: 'paths/from-borg-to-kubernetes/',
	contributing: 'contributing/',
	'404': '404.html',
} as const;

export type PageKind = keyof typeof PAGE_KINDS;
