import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './report.ts';

export interface DistStats {
	files: number;
	bytes: number;
	/** Pagefind's index, script and WebAssembly: everything under `pagefind/`. */
	pagefindBytes: number;
	pagefindFiles: number;
	/** The name matcher's shards, `search/names/*.json`. */
	nameShardBytes: number;
	/** Entry pages (`entries/<id>/index.html`), which grow with the lineage drawn on each. */
	entryPages: { count: number; medianBytes: number; maxBytes: number };
}

/** Sizes of a build output, in bytes on disk (file lengths, not blocks). */
export function distStats(distDir: string): DistStats {
	const sizes = readdirSync(distDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const path = join(entry.parentPath, entry.name);
			return { path: path.slice(distDir.length).replace(/^\/+/, ''), bytes: statSync(path).size };
		});
	const sum = (list: typeof sizes) => list.reduce((total, file) => total + file.bytes, 0);
	const entryPages = sizes
		.filter((file) => /^entries\/[^/]+\/index\.html$/.test(file.path))
		.map((file) => file.bytes);
	const pagefind = sizes.filter((file) => file.path.startsWith('pagefind/'));
	return {
		files: sizes.length,
		bytes: sum(sizes),
		pagefindBytes: sum(pagefind),
		pagefindFiles: pagefind.length,
		nameShardBytes: sum(sizes.filter((file) => file.path.startsWith('search/names/'))),
		entryPages: {
			count: entryPages.length,
			medianBytes: median(entryPages),
			maxBytes: Math.max(0, ...entryPages),
		},
	};
}
