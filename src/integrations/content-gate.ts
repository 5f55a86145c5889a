import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { checkContent, formatProblem } from '../check/index.ts';
import { parseSourceFile } from '../check/source-files.ts';
import { findUnsafeMdx } from '../check/mdx-safety.ts';

/**
 * Makes the build refuse exactly what `npm run check` refuses, before Astro compiles any MDX: a
 * broken or unsafe entry stops the build with one readable line per problem, never a stack trace.
 * In the dev server, a Vite guard re-checks each entry body as it is edited.
 */
export function contentGate(): AstroIntegration {
	return {
		name: 'wlm:content-gate',
		hooks: {
			'astro:config:setup': ({ command, config, logger, updateConfig }) => {
				// Vitest loads this config through getViteConfig, which reports itself as "dev": the tests
				// check the content themselves, so that one broken entry does not stop every other test.
				if ((command !== 'build' && command !== 'dev') || process.env.VITEST) return;
				const root = fileURLToPath(config.root);
				const { problems } = checkContent(root);
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
				// A build has just checked every file; only the dev server sees files change after start.
				if (command === 'dev') updateConfig({ vite: { plugins: [unsafeMdxGuard(root)] } });
			},
		},
	};
}

function unsafeMdxGuard(root: string) {
	const entriesDir = join(root, 'content/entries/');
	return {
		name: 'wlm:unsafe-mdx-guard',
		enforce: 'pre' as const,
		transform(_code: string, id: string) {
			// Astro also loads each entry through virtual wrappers (`?…` ids); the file itself is checked once.
			if (id.includes('?') || !id.startsWith(entriesDir) || !id.endsWith('.mdx')) return;
			const source = parseSourceFile(relative(root, id), readFileSync(id, 'utf8'));
			const problems = findUnsafeMdx(source.body).map((problem) =>
				formatProblem({
					severity: 'error',
					file: source.path,
					line: source.bodyStartLine + problem.line - 1,
					field: 'body',
					message: problem.message,
					fix: problem.fix,
				}),
			);
			if (problems.length) throw new AstroError(problems.join('\n'));
		},
	};
}
