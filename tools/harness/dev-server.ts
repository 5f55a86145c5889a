import { spawn } from 'node:child_process';
import { freePort } from './free-port.ts';
import { ASTRO_BIN, buildEnvironment } from './project-copy.ts';

const HOST = '127.0.0.1';
const POLL_MS = 100;
const GIVE_UP_MS = 5 * 60_000;

export interface DevServer {
	/** The server's root address, ending in "/". */
	url: string;
	/** A page's status and HTML, or nothing while the server does not listen yet. */
	fetchPage(path: string): Promise<{ status: number; html: string } | undefined>;
	/** Polls `done` until it holds; throws, with the server's last output, if it stops or time runs out. */
	until(done: () => Promise<boolean>, giveUpMs?: number): Promise<void>;
	/** Everything the server has printed so far. */
	output(): string;
	stop(): Promise<void>;
}

/**
 * Starts `astro dev` in the project at `root` on a free port of 127.0.0.1, as `npm run dev` would,
 * in its own process group, so that stopping it stops whatever it started.
 */
export async function startDevServer(root: string): Promise<DevServer> {
	const port = await freePort();
	const server = spawn(
		process.execPath,
		[ASTRO_BIN, 'dev', '--host', HOST, '--port', String(port)],
		{
			cwd: root,
			detached: true,
			env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let output = '';
	let exited = false;
	server.stdout.on('data', (chunk) => (output += chunk));
	server.stderr.on('data', (chunk) => (output += chunk));
	const exit = new Promise<void>((done) =>
		server.on('exit', () => {
			exited = true;
			done();
		}),
	);
	/** Signals the server's whole group, which may have ended on its own meanwhile. */
	const signal = (name: NodeJS.Signals) => {
		try {
			process.kill(-server.pid!, name);
		} catch {
			// Already gone.
		}
	};
	const url = `http://${HOST}:${port}/`;
	return {
		url,
		output: () => output,
		fetchPage: async (path) => {
			try {
				const response = await fetch(url + path.replace(/^\//, ''), {
					signal: AbortSignal.timeout(60_000),
				});
				return { status: response.status, html: await response.text() };
			} catch {
				return undefined;
			}
		},
		until: async (done, giveUpMs = GIVE_UP_MS) => {
			const deadline = performance.now() + giveUpMs;
			while (!(await done())) {
				const problem = exited
					? 'The dev server stopped'
					: performance.now() > deadline && `No answer in ${giveUpMs / 1000} s`;
				if (problem)
					throw new Error(`${problem}; it said:\n${withoutRepeats(output).slice(-4000)}`);
				await new Promise((wait) => setTimeout(wait, POLL_MS));
			}
		},
		stop: async () => {
			if (exited) return;
			signal('SIGTERM');
			const killer = setTimeout(() => signal('SIGKILL'), 5000);
			await exit;
			clearTimeout(killer);
		},
	};
}

/**
 * The server's output without the lines that repeat one of the ten before them, times aside:
 * a page polled until it appears logs the same 404 ten times a second, which would push what went
 * wrong out of the message.
 */
function withoutRepeats(output: string): string {
	const plain = (line: string) =>
		line
			.replace(/\x1b\[[\d;]*m/g, '')
			.replace(/\d\d:\d\d:\d\d|\d+ms/g, '')
			.trim();
	const recent: string[] = [];
	const kept: string[] = [];
	for (const line of output.split('\n')) {
		const key = plain(line);
		if (key && recent.includes(key)) continue;
		kept.push(line);
		recent.push(key);
		if (recent.length > 10) recent.shift();
	}
	return kept.join('\n');
}
