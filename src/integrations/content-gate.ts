import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { checkContent, type ContentReport } from '../check/index.ts';
import { formatProblem } from '../check/problems.ts';

/**
 * Makes the build refuse exactly what `npm run check` refuses, before Astro loads any content: a
 * broken or unsafe entry stops the build with one readable line per problem, never a stack trace.
 * The allow-list also runs inside the Markdown processor itself (astro.config.mjs), so the dev
 * server refuses an unsafe edit as it is rendered. A build that does not finish leaves no site.
 */
export function contentGate({
	onChecked,
}: {
	/** Given what a build checked, once it passed: what later steps can start from early. */
	onChecked?: (report: ContentReport) => void;
} = {}): AstroIntegration {
	let outDir: string | undefined;
	let finished = false;
	let staleSitesRemoved: Promise<unknown> = Promise.resolve();
	const removeUnfinishedSite = (code: number) => {
		if (!outDir || (finished && code === 0)) return;
		rmSync(outDir, { recursive: true, force: true });
		console.error('Nothing was built: dist/ holds no site until a build finishes.');
	};
	return {
		name: 'wlm:content-gate',
		hooks: {
			'astro:config:setup': async ({ command, config, logger }) => {
				// Vitest loads this config through getViteConfig, which reports itself as "dev": the tests
				// check the content themselves, so that one broken entry does not stop every other test.
				if ((command !== 'build' && command !== 'dev') || process.env.VITEST) return;
				if (command === 'build') {
					// No stale site survives a refused build, and no half-written one survives a crash.
					outDir = fileURLToPath(config.outDir);
					staleSitesRemoved = setStaleSiteAside(outDir, fileURLToPath(config.root));
					process.once('exit', removeUnfinishedSite);
				}
				const root = fileURLToPath(config.root);
				const started = performance.now();
				const report = await checkContent(root);
				const { problems, entrySources } = report;
				const seconds = ((performance.now() - started) / 1000).toFixed(2);
				logger.info(
					`Checked ${entrySources.length} entries, the topics and paths in ${seconds} s.`,
				);
				const errors = problems.filter((problem) => problem.severity === 'error');
				for (const problem of problems) {
					(problem.severity === 'error' ? logger.error : logger.warn).call(
						logger,
						formatProblem(problem),
					);
				}
				if (errors.length) {
					const summary = `${errors.length} content problem(s) listed above; nothing was built. Fix each line, then run \`npm run check\` to confirm.`;
					// In a build the lines above are the whole story: exit before Astro buries them under a stack trace.
					if (command === 'build') {
						logger.error(summary);
						process.exit(1);
					}
					throw new AstroError(summary);
				}
				if (command === 'build') onChecked?.(report);
			},
			'astro:build:done': async () => {
				await staleSitesRemoved;
				finished = true;
			},
		},
	};
}

/** Where a previous site waits to be deleted, from the project root (git-ignored). */
const STALE_SITES_DIR = '.cache/stale-sites';

/**
 * Moves the previous site out of `outDir` at once and deletes it while the build runs: deleting
 * 20,000 files took 9 s, in front of every phase. A folder left by a build that was killed is
 * deleted by the next one.
 */
function setStaleSiteAside(outDir: string, root: string): Promise<unknown> {
	const staleDir = join(root, STALE_SITES_DIR);
	mkdirSync(staleDir, { recursive: true });
	if (existsSync(outDir)) {
		try {
			renameSync(outDir, join(staleDir, `${process.pid}-${Date.now()}`));
		} catch {
			rmSync(outDir, { recursive: true, force: true }); // on another file system
		}
	}
	return Promise.all(
		readdirSync(staleDir).map((name) => rm(join(staleDir, name), { recursive: true, force: true })),
	);
}
