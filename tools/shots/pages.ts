import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_KINDS } from '../audit/page-kinds.ts';
import { routes } from '../../src/lib/routes.ts';

export interface ShotPage {
	/** Short name used in file names: a page kind, or `entry-<kind>`. */
	name: string;
	/** Address relative to the site's base. */
	path: string;
}

/**
 * Every page kind, and one entry page of each kind of entry the build holds (a paper's page
 * differs from a tool's), read from the build's own /entries.json.
 */
export function shotPages(distDir: string): ShotPage[] {
	const dataFile = join(distDir, routes.data());
	if (!existsSync(dataFile)) throw new Error(`${dataFile} is missing: run npm run build first`);
	const { entries } = JSON.parse(readFileSync(dataFile, 'utf8')) as {
		entries: { id: string; kind: string }[];
	};
	const firstOfKind = new Map<string, string>();
	for (const entry of entries)
		if (!firstOfKind.has(entry.kind)) firstOfKind.set(entry.kind, entry.id);
	return [
		...Object.entries(PAGE_KINDS).map(([name, path]) => ({ name, path })),
		...[...firstOfKind].map(([kind, id]) => ({ name: `entry-${kind}`, path: routes.entry(id) })),
	];
}
