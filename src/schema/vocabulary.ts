/**
 * The site's closed vocabularies. Everything that lists topics, kinds, statuses or relation types
 * (schema, pages, search filters, CLIs) reads them from here.
 */

export const TOPICS = ['orchestration', 'paas', 'datacenter-as-computer', 'networking'] as const;
export type Topic = (typeof TOPICS)[number];

export const KINDS = ['tool', 'paper', 'article', 'book', 'talk', 'spec'] as const;
export type Kind = (typeof KINDS)[number];

/** Plural headings used when a page groups entries by kind. */
export const KIND_LABELS: Record<Kind, string> = {
	tool: 'Tools',
	paper: 'Papers',
	article: 'Articles',
	book: 'Books',
	talk: 'Talks',
	spec: 'Specifications',
};

export const STATUSES = ['active', 'maintenance', 'deprecated', 'archived', 'defunct'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses of entries that are no longer developed or published; they must explain themselves. */
export const RETIRED_STATUSES: readonly Status[] = ['deprecated', 'archived', 'defunct'];

export const STATUS_LABELS: Record<Status, string> = {
	active: 'Active',
	maintenance: 'Maintenance only',
	deprecated: 'Deprecated',
	archived: 'Archived',
	defunct: 'Defunct',
};

/**
 * Typed relations between entries. Each is stored on one entry and shown on both: `forward` reads
 * "<this entry> <forward> <other>", `inverse` reads "<other> <inverse> <this entry>".
 */
export const RELATIONS = {
	inspiredBy: { forward: 'Inspired by', inverse: 'Inspired' },
	buildsOn: { forward: 'Builds on', inverse: 'Built upon by' },
	supersededBy: { forward: 'Superseded by', inverse: 'Supersedes' },
	describes: { forward: 'Describes', inverse: 'Described by' },
	alternativeTo: { forward: 'Alternative to', inverse: 'Alternative to' },
	related: { forward: 'Related', inverse: 'Related' },
} as const;
export type RelationType = keyof typeof RELATIONS;
export const RELATION_TYPES = Object.keys(RELATIONS) as RelationType[];

/** How long a `reviewed` date stays fresh before `npm run check` asks for another look. */
export const REVIEW_MAX_AGE_DAYS = 365;
