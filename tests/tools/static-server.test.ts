import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticSite } from '../../tools/harness/static-server.ts';

const dist = mkdtempSync(join(tmpdir(), 'wlm-static-'));
const PAGE = `<!doctype html><title>Kubernetes</title>${'<p>container orchestration</p>'.repeat(50)}`;
const FRAGMENT = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);
let site: StaticSite;

/** A GET with node:http, which leaves decoding to the caller, unlike fetch. */
function get(path: string, acceptEncoding?: string) {
	return new Promise<{ status: number; encoding: string | undefined; body: Buffer }>(
		(resolve, reject) => {
			const url = new URL(path, site.url);
			const headers = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {};
			request(url, { headers }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode!,
						encoding: response.headers['content-encoding'],
						body: Buffer.concat(chunks),
					}),
				);
			})
				.on('error', reject)
				.end();
		},
	);
}

beforeAll(async () => {
	mkdirSync(join(dist, 'entries/kubernetes'), { recursive: true });
	mkdirSync(join(dist, 'pagefind'));
	writeFileSync(join(dist, 'entries/kubernetes/index.html'), PAGE);
	writeFileSync(join(dist, '404.html'), '<!doctype html><title>Not found</title>');
	writeFileSync(join(dist, 'pagefind/en_1.pf_fragment'), FRAGMENT);
	site = await serveStatic(dist, '/wlm/');
});

afterAll(async () => {
	await site.close();
	rmSync(dist, { recursive: true, force: true });
});

describe('serveStatic', () => {
	it('sends text gzipped to a client that accepts gzip, and as is to one that does not', async () => {
		const gzipped = await get('entries/kubernetes/', 'gzip, deflate, br');
		expect(gzipped.status).toBe(200);
		expect(gzipped.encoding).toBe('gzip');
		expect(gzipped.body.length).toBeLessThan(PAGE.length / 4);
		expect(gunzipSync(gzipped.body).toString()).toBe(PAGE);

		const plain = await get('entries/kubernetes/');
		expect(plain.encoding).toBeUndefined();
		expect(plain.body.toString()).toBe(PAGE);
	});

	it('sends files that come compressed already byte for byte', async () => {
		const fragment = await get('pagefind/en_1.pf_fragment', 'gzip');
		expect(fragment.encoding).toBeUndefined();
		expect(fragment.body).toEqual(FRAGMENT);
	});

	it("answers outside the base path or for a missing file with the site's 404 page", async () => {
		for (const path of ['/entries/kubernetes/', '/wlm/entries/nomad/']) {
			const missing = await get(path);
			expect(missing.status).toBe(404);
			expect(missing.body.toString()).toContain('<title>Not found</title>');
		}
	});
});
