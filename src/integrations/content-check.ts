import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { checkContent, formatProblem } from '../lib/content-check.ts';
import { parseSourceFile } from '../lib/content-files.ts';
import { findUnsafeMdx } from '../lib/mdx-safety.ts';

/**
 * Makes the build refuse exactly what `npm run check` refuses, before Astro compiles any MDX: a
 * broken or unsafe entry stops the build with one readable line per problem, never a stack trace.
 * In the dev server, a Vite guard re-checks each entry body as it is edited.
 */
export function contentCheck(): AstroIntegration {
	return {
		name: 'wlm:content-check',
		hooks: {
			'astro:config:setup': ({ command, config, logger, updateConfig }) => {
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
			const problems = findUnsafeMdx(source.body);
			if (problems.length) {
				const lines = problems.map(
					(problem) =>
						`${source.path}:${source.bodyStartLine + problem.line - 1}: body: ${problem.message} — ${problem.fix}`,
				);
				throw new AstroError(lines.join('\n'));
			}
		},
	};
}
