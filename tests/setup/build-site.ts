import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, runAstroBuild } from '../../tools/harness/project-copy.ts';
import { serveStatic } from '../../tools/harness/static-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Absolute path of the real build's output, or '' when the build was refused. */
		distDir: string;
		/** The real build served on 127.0.0.1, ending in "/"; '' when the build was refused. */
		siteUrl: string;
		/** The build's output when it was refused; '' when it succeeded. */
		buildFailure: string;
	}
}

/**
 * Builds the real site once for every build and browser test, and serves it on a free port. A
 * refused build does not abort the run: each site test file reports it (see tests/support/site.ts)
 * and the unit tests still run.
 */
export default async function setup(project: TestProject) {
	const { code, output } = await runAstroBuild(PROJECT_ROOT);
	if (code !== 0) {
		project.provide('buildFailure', output);
		project.provide('distDir', '');
		project.provide('siteUrl', '');
		return;
	}
	const distDir = join(PROJECT_ROOT, 'dist');
	const site = await serveStatic(distDir);
	project.provide('buildFailure', '');
	project.provide('distDir', distDir);
	project.provide('siteUrl', site.url);
	return () => site.close();
}
