import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Kind, Topic } from '../../src/schema/vocabulary.ts';
import type { SyntheticEntry } from './synthetic/entries.ts';
import { readTimeReport, type ProcessUsage } from './time-report.ts';

/**
 * The Starlight peer kit (a copy of it: `peer.sh`, `gen-entries.mjs`), which the build is judged
 * against: its generator writes the same entries in both formats, and `peer.sh` builds them with
 * Starlight under /usr/bin/time. The kit lives outside the project; its folder is given on the
 * command line.
 */

/** The kit's entries in the project's format, read back so the bench can place them. */
export async function peerKitEntries(kitDir: string, count: number): Promise<SyntheticEntry[]> {
	const dir = mkdtempSync(join(tmpdir(), 'wlm-peer-entries-'));
	try {
		await run(process.execPath, [join(kitDir, 'gen-entries.mjs'), String(count), dir], {});
		const entries: SyntheticEntry[] = [];
		for (const topic of readdirSync(dir).sort()) {
			for (const name of readdirSync(join(dir, topic)).sort()) {
				const source = readFileSync(join(dir, topic, name), 'utf8');
				const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
				const data = parse(frontmatter) as { title: string; kind: Kind; topic: Topic };
				entries.push({
					id: name.replace(/\.mdx$/, ''),
					topic: data.topic,
					kind: data.kind,
					title: data.title,
					source,
				});
			}
		}
		return entries;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export interface PeerBuild extends ProcessUsage {
	htmlFiles: number;
	distBytes: number;
}

/**
 * Builds the peer with `count` entries in `outDir` (installed there on the first run). The
 * four-link sidebar is the kit's fair setting: Starlight's default lists every entry on every page.
 */
export async function buildPeer(kitDir: string, count: number, outDir: string): Promise<PeerBuild> {
	await run('bash', [join(kitDir, 'peer.sh'), String(count), outDir], { SIDEBAR: 'topics' });
	const info = JSON.parse(readFileSync(join(outDir, 'peer-info.json'), 'utf8')) as {
		html_files: number;
		dist_bytes: number;
	};
	return {
		...readTimeReport(readFileSync(join(outDir, 'build.time'), 'utf8')),
		htmlFiles: info.html_files,
		distBytes: info.dist_bytes,
	};
}

function run(command: string, args: string[], env: Record<string, string>) {
	return new Promise<void>((done, fail) => {
		const child = spawn(command, args, { env: { ...process.env, ...env } });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) =>
			code === 0
				? done()
				: fail(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-3000)}`)),
		);
	});
}
