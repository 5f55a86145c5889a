import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticSite } from '../harness/static-server.ts';

/**
 * A page with a heading and a sentence, no CSS and no script: scored beside the site's pages, it
 * shows how far this machine alone keeps a page from 100 in the same run.
 */
const BLANK_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Control page</title>
<meta name="description" content="A page with nothing on it, scored to measure the machine.">
</head>
<body><h1>Control page</h1><p>Nothing to load.</p></body>
</html>
`;

export async function serveControlPage(): Promise<StaticSite> {
	const dir = mkdtempSync(join(tmpdir(), 'wlm-control-'));
	writeFileSync(join(dir, 'index.html'), BLANK_PAGE);
	const site = await serveStatic(dir);
	return {
		url: site.url,
		close: async () => {
			await site.close();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
