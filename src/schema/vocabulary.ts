/**
 * The site's closed vocabularies. Everything that lists topics, kinds, statuses or relation types
 * (schema, pages, search filters, CLIs) reads them from here.
 */

export const TOPICS = ['orchestration', 'paas', 'datacenter-as-computer', 'networking'] as const;
export type Topic = (typeof TOPICS)[number];

export const KINDS = ['tool', 'paper', 'article', 'book', 'talk', 'spec'] as const;
export type Kind = (typeof KINDS)[number];

/** Kinds that are read rather than run: they have a year of publication, not a lifespan. */
export const WRITING_KINDS: readonly Kind[] = ['paper', 'article', 'book', 'talk'];

/** Plural headings used when a page groups entries by kind. */
export const KIND_LABELS: Record<Kind, string> = {
	tool: 'Tools',
	paper: 'Papers',
	article: 'Articles',
	book: 'Books',
	talk: 'Talks',
	spec: 'Specifications',
};

/** Singular names, for one entry ("Tool · Orchestration"). */
export const KIND_NAMES: Record<Kind, string> = {
	tool: 'Tool',
	paper: 'Paper',
	article: 'Article',
	book: 'Book',
	talk: 'Talk',
	spec: 'Specification',
};

/** Kinds that are software or standards, so have a status; the others are publications with a venue and year. */
export const LIVING_KINDS: readonly Kind[] = ['tool', 'spec'];

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
 * Typed relations between entries, and everything the site says or draws about each. A relation is
 * stored on one entry and shown on both: `forward` reads "<this entry> <forward> <other>", `inverse`
 * reads "<other> <inverse> <this entry>". A `symmetric` relation reads the same from both sides.
 * `lineage` says how the timeline draws it: `from-this` as an arrow from the entry that stores it to
 * the other, `from-other` the other way round, so that arrows follow ideas forward; `null` if it is
 * not history and is not drawn.
 */
export const RELATIONS = {
	inspiredBy: {
		forward: 'Inspired by',
		inverse: 'Inspired',
		symmetric: false,
		lineage: 'from-other',
	},
	buildsOn: {
		forward: 'Builds on',
		inverse: 'Built upon by',
		symmetric: false,
		lineage: 'from-other',
	},
	supersededBy: {
		forward: 'Superseded by',
		inverse: 'Supersedes',
		symmetric: false,
		lineage: 'from-this',
	},
	describes: {
		forward: 'Describes',
		inverse: 'Described by',
		symmetric: false,
		lineage: 'from-this',
	},
	alternativeTo: {
		forward: 'Alternative to',
		inverse: 'Alternative to',
		symmetric: true,
		lineage: null,
	},
	related: { forward: 'Related', inverse: 'Related', symmetric: true, lineage: null },
} as const satisfies Record<
	string,
	{
		forward: string;
		inverse: string;
		symmetric: boolean;
		lineage: 'from-this' | 'from-other' | null;
	}
>;
export type RelationType = keyof typeof RELATIONS;
export const RELATION_TYPES = Object.keys(RELATIONS) as RelationType[];

/** The relations the lineage timeline draws. */
export const LINEAGE_RELATIONS = RELATION_TYPES.filter((type) => RELATIONS[type].lineage);

/** A drawn relation as an arrow, `from` the earlier idea `to` the later one. */
export function lineageArrow(type: RelationType, storedOn: string, other: string) {
	return RELATIONS[type].lineage === 'from-this'
		? { from: storedOn, to: other }
		: { from: other, to: storedOn };
}

/** How an arrow of `type` reads from its tail to its head ("Borg paper inspired Kubernetes"). */
export function arrowWording(type: RelationType): string {
	const { forward, inverse, lineage } = RELATIONS[type];
	return (lineage === 'from-this' ? forward : inverse).toLowerCase();
}

/** How long a `reviewed` date stays fresh before `npm run check` asks for another look. */
export const REVIEW_MAX_AGE_DAYS = 365;
