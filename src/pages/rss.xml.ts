import type { APIRoute } from 'astro';
import { getEntries } from '../lib/entries.ts';
import { entriesFeed } from '../lib/feeds.ts';
import { SITE_TAGLINE, SITE_TITLE } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) =>
	entriesFeed({
		title: `${SITE_TITLE}: new entries`,
		description: SITE_TAGLINE,
		site: site!,
		entries: await getEntries(),
	});
