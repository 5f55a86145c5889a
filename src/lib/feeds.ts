import rss from '@astrojs/rss';
import { recentlyAdded, type Entry } from './entries.ts';
import { entryPath } from './urls.ts';

/** An RSS feed of entries, newest additions first. */
export function entriesFeed(options: {
	title: string;
	description: string;
	site: URL;
	entries: Entry[];
}) {
	const items = recentlyAdded(options.entries).map((entry) => ({
		title: entry.data.title,
		link: entryPath(entry.id),
		description: entry.data.summary,
		pubDate: new Date(`${entry.data.added}T00:00:00Z`),
		categories: [entry.data.topic, entry.data.kind],
	}));
	return rss({ title: options.title, description: options.description, site: options.site, items });
}
