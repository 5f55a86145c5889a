import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, runAstroBuild } from '../../src/lib/project-copy.ts';
import { serveStatic } from '../../src/lib/static-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Absolute path of the real build's output. */
		distDir: string;
		/** The real build served on 127.0.0.1, ending in "/". */
		siteUrl: string;
	}
}

/** Builds the real site once for every build and browser test, and serves it on a free port. */
export default async function setup(project: TestProject) {
	const { code, output } = await runAstroBuild(PROJECT_ROOT);
	if (code !== 0) throw new Error(`The site did not build:\n${output}`);
	const distDir = join(PROJECT_ROOT, 'dist');
	const site = await serveStatic(distDir);
	project.provide('distDir', distDir);
	project.provide('siteUrl', site.url);
	return () => site.close();
}
