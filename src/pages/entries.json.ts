import type { APIRoute } from 'astro';
import { getEntries, getTopics } from '../lib/entries.ts';
import { DATA_SCHEMA_VERSION } from '../lib/site.ts';
import { entryPath, sitePath } from '../lib/urls.ts';
import { routes } from '../lib/routes.ts';

/**
 * Every entry's frontmatter and address, and the topics' titles, for scripts and other sites; the
 * build writes the search's name shards from it too (src/integrations/name-shards.ts).
 */
export const GET: APIRoute = async ({ site }) => {
	const [entries, topics] = await Promise.all([getEntries(), getTopics()]);
	return Response.json({
		schemaVersion: DATA_SCHEMA_VERSION,
		frontmatterSchema: new URL(sitePath(routes.frontmatterSchema()), site).href,
		topics: topics.map((topic) => ({ id: topic.id, title: topic.data.title })),
		entries: entries.map((entry) => ({
			id: entry.id,
			page: new URL(entryPath(entry.id), site).href,
			...entry.data,
		})),
	});
};
