import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/**
 * Builds the Pagefind index inside `astro build`, so every build ships a fresh index and an
 * indexing failure fails the build. Only pages marked `data-pagefind-body` (entry pages) are indexed.
 */
export function searchIndex(): AstroIntegration {
	return {
		name: 'wlm:search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const started = performance.now();
				try {
					const { index, errors } = await createIndex({ forceLanguage: 'en' });
					if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
					const added = await index.addDirectory({ path: outDir });
					if (added.errors.length)
						throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
					const written = await index.writeFiles({ outputPath: `${outDir}pagefind` });
					if (written.errors.length)
						throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
					const seconds = ((performance.now() - started) / 1000).toFixed(2);
					logger.info(`Indexed ${added.page_count} entry pages for search in ${seconds} s.`);
				} finally {
					await close();
				}
			},
		},
	};
}
