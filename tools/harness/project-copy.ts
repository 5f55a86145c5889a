import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The project root, whichever file imports this. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** Astro's command line, run with the project's Node. */
export const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

/** What a copy takes from the real project: its code, never its content. */
const CODE = [
	'src',
	'public',
	'astro.config.mjs',
	'tsconfig.json',
	'package.json',
	'CONTRIBUTING.md',
];

/**
 * What Astro and Vite may keep in `node_modules/` between builds: Astro's cache (`.astro/`, where
 * the content data store lived before astro.config.mjs moved it to `.cache/astro/`) and Vite's
 * pre-bundled dependencies (`.vite/`). Each copy starts without them.
 */
const BUILD_CACHES = new Set(['.astro', '.vite']);

export interface ProjectCopy {
	root: string;
	/** Runs `astro build` in the copy; resolves with its exit code and output, never throws on failure. */
	build(
		env?: Record<string, string>,
		options?: { timeReport?: string },
	): Promise<{ code: number; output: string }>;
	remove(): void;
}

/**
 * A throwaway project that runs the real code over other content: a fixture, a bad entry, or
 * thousands of generated ones. The real `content/` is never touched.
 */
export function copyProject(contentDir: string, label = 'wlm'): ProjectCopy {
	const root = mkdtempSync(join(tmpdir(), `${label}-`));
	// Code is copied, not linked: Vite resolves links to real paths, which would mix the two projects.
	for (const name of CODE) cpSync(join(PROJECT_ROOT, name), join(root, name), { recursive: true });
	// The packages are linked one by one rather than through one link to node_modules/, so that the
	// caches written there belong to this copy: a link to the whole folder would hand every copy the
	// last one's, and no build would be cold.
	mkdirSync(join(root, 'node_modules'));
	for (const name of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
		if (!BUILD_CACHES.has(name))
			symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(root, 'node_modules', name));
	}
	cpSync(contentDir, join(root, 'content'), { recursive: true });
	return {
		root,
		build: (env = {}, options = {}) => runAstroBuild(root, env, options),
		remove: () => rmSync(root, { recursive: true, force: true }),
	};
}

/**
 * The environment a build inherits, less what a test runner injects: Vitest sets Vite's own
 * variables (BASE_URL above all), which would override the child build's configuration.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
	const injected = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'NODE_ENV']);
	return Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => !injected.has(name) && !name.startsWith('VITEST'),
		),
	);
}

/**
 * Builds the project at `root` in a child process, as `npm run build` would. With `timeReport`,
 * the build runs under GNU `/usr/bin/time -v`, which writes its usage to that file.
 */
export function runAstroBuild(
	root: string,
	env: Record<string, string> = {},
	{ timeReport }: { timeReport?: string } = {},
) {
	const build = [process.execPath, ASTRO_BIN, 'build'];
	const [command, ...args] = timeReport
		? ['/usr/bin/time', '-v', '-o', timeReport, ...build]
		: build;
	return new Promise<{ code: number; output: string }>((done) => {
		const child = spawn(command!, args, {
			cwd: root,
			env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => done({ code: code ?? 1, output }));
	});
}
