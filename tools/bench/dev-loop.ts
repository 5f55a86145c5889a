import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDevServer } from '../harness/dev-server.ts';

/** How long a contributor waits in `npm run dev`, in milliseconds. */
export interface DevLoop {
	/** From starting the dev server to its first 200 answer for an entry page. */
	firstPageMs: number;
	/** From appending a sentence to that entry's file to the page's HTML holding it. */
	editMs: number;
}

/**
 * Starts `astro dev` in the project at `root` and times the two waits of the edit loop on one
 * entry: the first page, then an edit of `entryFile` (a path under `root`) showing on `entryPath`.
 * The entry's file is left edited; the server is stopped either way.
 */
export async function measureDevLoop(
	root: string,
	entryFile: string,
	entryPath: string,
): Promise<DevLoop> {
	const started = performance.now();
	const server = await startDevServer(root);
	try {
		await server.until(async () => (await server.fetchPage(entryPath))?.status === 200);
		const firstPageMs = performance.now() - started;

		const sentence = `This sentence was added by the benchmark at ${Date.now()}.`;
		const edited = performance.now();
		appendFileSync(join(root, entryFile), `\n${sentence}\n`);
		await server.until(
			async () => (await server.fetchPage(entryPath))?.html.includes(sentence) ?? false,
		);
		return { firstPageMs, editMs: performance.now() - edited };
	} finally {
		await server.stop();
	}
}
