import { appendFileSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../tools/harness/dev-server.ts';
import { copyProject, type ProjectCopy } from '../../tools/harness/project-copy.ts';
import { ALPHA, FIXTURE } from '../support/fixture-project.ts';

/** `astro dev` on a copy of the mini fixture: the edit loop a contributor lives in, and its safety. */

let copy: ProjectCopy;
let server: DevServer;
const ALPHA_PAGE = 'entries/alpha-scheduler/';

beforeAll(async () => {
	copy = copyProject(join(FIXTURE, 'content'), 'wlm-dev');
	server = await startDevServer(copy.root);
	await server.until(async () => (await server.fetchPage(ALPHA_PAGE))?.status === 200);
}, 240_000);
afterAll(async () => {
	await server?.stop();
	copy?.remove();
});

/** The fixture's alpha entry under another title, as a contributor's new file. */
const alphaTitled = (title: string) =>
	readFileSync(join(FIXTURE, ALPHA), 'utf8').replace('title: Alpha Scheduler', `title: ${title}`);
const statusOf = async (path: string) => (await server.fetchPage(path))?.status;
/** Waits well inside the test's own time-out, so that a miss fails with what the server said. */
const until = (done: () => Promise<boolean>) => server.until(done, 40_000);

it('shows an edit to an entry, as text, once the file is saved', async () => {
	appendFileSync(join(copy.root, ALPHA), '\nA sentence added while the server runs.\n');
	await until(
		async () =>
			(await server.fetchPage(ALPHA_PAGE))?.html.includes(
				'<p>A sentence added while the server runs.</p>',
			) ?? false,
	);
});

it('never serves an edit that adds HTML, and names the file, line and fix in the terminal', async () => {
	appendFileSync(join(copy.root, ALPHA), '\n<script>document.title = "ran"</script>\n');
	await until(async () => /alpha-scheduler\.mdx:\d+: body: contains HTML/.test(server.output()));
	expect(server.output()).toContain('write Markdown instead');
	expect((await server.fetchPage(ALPHA_PAGE))?.html ?? '').not.toContain('document.title');
});

it('serves an entry added while the server runs', async () => {
	// Moved in whole, as most editors save, so the watcher never sees the file half-written.
	const draft = join(copy.root, 'plain-alpha.draft');
	writeFileSync(draft, alphaTitled('Alpha Copy'));
	renameSync(draft, join(copy.root, 'content/entries/orchestration/plain-alpha.mdx'));
	await until(async () => (await statusOf('entries/plain-alpha/')) === 200);
});

it('refuses an entry added as a symbolic link, as the build does, and names it in the terminal', async () => {
	const outside = join(copy.root, 'outside.mdx');
	writeFileSync(outside, alphaTitled('Linked Alpha'));
	symlinkSync(outside, join(copy.root, 'content/entries/orchestration/linked-alpha.mdx'));
	await until(async () =>
		server
			.output()
			.includes('content/entries/orchestration/linked-alpha.mdx:1: file: is a symbolic link'),
	);
	expect(await statusOf('entries/linked-alpha/')).toBe(404);
});
