import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { checkContent } from '../check/index.ts';
import { formatProblem } from '../check/problems.ts';

/**
 * Makes the build refuse exactly what `npm run check` refuses, before Astro compiles any MDX: a
 * broken or unsafe entry stops the build with one readable line per problem, never a stack trace.
 * The allow-list also runs inside the Markdown processor itself (astro.config.mjs), so the dev
 * server refuses an unsafe edit as it is compiled. A build that does not finish leaves no site.
 */
export function contentGate(): AstroIntegration {
	let outDir: string | undefined;
	let finished = false;
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
					rmSync(outDir, { recursive: true, force: true });
					process.once('exit', removeUnfinishedSite);
				}
				const root = fileURLToPath(config.root);
				const { problems } = await checkContent(root);
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
			},
			'astro:build:done': () => {
				finished = true;
			},
		},
	};
}
