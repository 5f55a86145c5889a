import type { EntryData } from '../schema/entry.ts';
import { STATUS_LABELS, WRITING_KINDS } from '../schema/vocabulary.ts';
import { SITE_TITLE } from './site.ts';

/**
 * Social cards: the 1200 × 630 picture a shared link shows. Pages name theirs here; the
 * social-cards integration draws them after the build, from what each page's head says.
 */

export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** Where the card of the page at `pagePath` (base-free: '', 'entries/x/', '404') is published. */
export function socialCardRoute(pagePath: string): string {
	const page = pagePath.replace(/^\/+|\/+$/g, '').replace(/\/index\.html$|\.html$/, '');
	return `og/${page || 'index'}.png`;
}

/** What one card shows. */
export interface CardContent {
	site: string;
	title: string;
	/** Kind, topic and status of an entry; empty on other pages. */
	facts: string[];
	/** Shown under the title when there are no facts. */
	description: string;
}

/** The head tag that carries a card's facts line to the integration. */
export const CARD_FACTS_META = 'wlm:card-facts';

/**
 * What an entry's card says under its title: kind and topic, then status for tools and specs,
 * or the year for writing (a paper is not "active").
 */
export function entryCardFacts(
	{ kind, status, year }: Pick<EntryData, 'kind' | 'status' | 'year'>,
	topicTitle: string,
): string[] {
	const standing = WRITING_KINDS.includes(kind)
		? year
			? String(year)
			: null
		: STATUS_LABELS[status];
	return [kind[0]!.toUpperCase() + kind.slice(1), topicTitle, standing].filter(
		(fact): fact is string => Boolean(fact),
	);
}

/**
 * The card an entry page asks for, as its head will say it (src/pages/entries/[id].astro), known
 * from the checked content before any page is rendered: what lets the build draw entry cards
 * early, on a core the render leaves idle.
 */
export function entryCardContent(data: EntryData, topicTitle: string): CardContent {
	return {
		site: SITE_TITLE,
		title: data.title,
		facts: entryCardFacts(data, topicTitle),
		description: data.summary,
	};
}
