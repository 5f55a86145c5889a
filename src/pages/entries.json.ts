import type { APIRoute } from 'astro';
import { getEntries } from '../lib/entries.ts';
import { DATA_SCHEMA_VERSION } from '../lib/site.ts';
import { entryPath, sitePath } from '../lib/urls.ts';
import { routes } from '../lib/routes.ts';

/** Every entry's frontmatter and address, for scripts and other sites. */
export const GET: APIRoute = async ({ site }) => {
	const entries = await getEntries();
	return Response.json({
		schemaVersion: DATA_SCHEMA_VERSION,
		frontmatterSchema: new URL(sitePath(routes.frontmatterSchema()), site).href,
		entries: entries.map((entry) => ({
			id: entry.id,
			page: new URL(entryPath(entry.id), site).href,
			...entry.data,
		})),
	});
};
