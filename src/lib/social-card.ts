import type { Entry, TopicEntry } from './entries.ts';
import { STATUS_LABELS, WRITING_KINDS } from '../schema/vocabulary.ts';

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

/** The head tag that carries a card's facts line to the integration. */
export const CARD_FACTS_META = 'wlm:card-facts';

/**
 * What an entry's card says under its title: kind and topic, then status for tools and specs,
 * or the year for writing (a paper is not "active").
 */
export function entryCardFacts(entry: Entry, topic: TopicEntry): string[] {
	const { kind, status, year } = entry.data;
	const standing = WRITING_KINDS.includes(kind)
		? year
			? String(year)
			: null
		: STATUS_LABELS[status];
	return [kind[0]!.toUpperCase() + kind.slice(1), topic.data.title, standing].filter(
		(fact): fact is string => Boolean(fact),
	);
}
