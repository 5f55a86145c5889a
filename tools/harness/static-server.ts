import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
	'.bib': 'application/x-bibtex; charset=utf-8',
};

/** Text is sent gzipped, as static hosts do; Pagefind's index files come compressed already. */
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.xml', '.svg', '.txt', '.bib']);

export interface StaticSite {
	/** Address of the site's base, ending in "/". */
	url: string;
	close(): Promise<void>;
}

/**
 * Serves a built `dist/` on 127.0.0.1 and a free port, as a static host would: directory indexes,
 * the site's 404 page, compressed text, and the site mounted under its base path. Used by tests, the audit and the
 * benchmark, which must not depend on a dev server.
 */
export async function serveStatic(dir: string, base = '/'): Promise<StaticSite> {
	const prefix = base.replace(/\/?$/, '/');
	const server: Server = createServer(async (request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		const send = async (file: string, status: number) => {
			const body = await readFile(file);
			const gzip =
				COMPRESSED.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
			response.writeHead(status, {
				'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
				Vary: 'Accept-Encoding',
				...(gzip && { 'Content-Encoding': 'gzip' }),
			});
			response.end(gzip ? gzipSync(body) : body);
		};
		if (pathname.startsWith(prefix)) {
			const relative = normalize(pathname.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
			const candidate = join(dir, relative);
			for (const file of [candidate, join(candidate, 'index.html')]) {
				const info = await stat(file).catch(() => undefined);
				if (info?.isFile()) return send(file, 200);
			}
		}
		const notFound = join(dir, '404.html');
		if (await stat(notFound).catch(() => undefined)) return send(notFound, 404);
		response.writeHead(404).end('Not found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${prefix}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
