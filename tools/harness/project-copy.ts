import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The project root, whichever file imports this. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** What a copy takes from the real project: its code, never its content. */
const CODE = [
	'src',
	'public',
	'astro.config.mjs',
	'tsconfig.json',
	'package.json',
	'CONTRIBUTING.md',
];

export interface ProjectCopy {
	root: string;
	/** Runs `astro build` in the copy; resolves with its exit code and output, never throws on failure. */
	build(env?: Record<string, string>): Promise<{ code: number; output: string }>;
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
	symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
	cpSync(contentDir, join(root, 'content'), { recursive: true });
	return {
		root,
		build: (env = {}) => runAstroBuild(root, env),
		remove: () => rmSync(root, { recursive: true, force: true }),
	};
}

/**
 * The environment a build inherits, less what a test runner injects: Vitest sets Vite's own
 * variables (BASE_URL above all), which would override the child build's configuration.
 */
function buildEnvironment(): NodeJS.ProcessEnv {
	const injected = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'NODE_ENV']);
	return Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => !injected.has(name) && !name.startsWith('VITEST'),
		),
	);
}

/** Builds the project at `root` in a child process, as `npm run build` would. */
export function runAstroBuild(root: string, env: Record<string, string> = {}) {
	return new Promise<{ code: number; output: string }>((done) => {
		const child = spawn(
			process.execPath,
			[join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
			{
				cwd: root,
				env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
			},
		);
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => done({ code: code ?? 1, output }));
	});
}
