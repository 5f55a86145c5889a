import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPublicAddress } from '../../tools/link-health/addresses.ts';
import { main as checkLinksCli } from '../../tools/cli/check-links.ts';
import {
	checkLinks,
	formatLinkResult,
	type LinkCheckOptions,
	type LinkTarget,
} from '../../tools/link-health/link-health.ts';

/** Every request the server received since the last test began. */
const requests: { method: string; path: string }[] = [];
let inFlight = 0;
let maxInFlight = 0;

const redirect = (response: ServerResponse, status: number, location: string) =>
	response.writeHead(status, { location }).end();

const server = createServer((request, response) => {
	const path = new URL(request.url!, 'http://127.0.0.1').pathname;
	requests.push({ method: request.method!, path });
	const hits = requests.filter((seen) => seen.path === path).length;
	const hops = /^\/hops\/(\d+)$/.exec(path);
	if (hops) {
		const left = Number(hops[1]);
		return left ? redirect(response, 302, `/hops/${left - 1}`) : response.end('ok');
	}
	if (path.startsWith('/busy/')) {
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		setTimeout(() => {
			inFlight--;
			response.end('ok');
		}, 40);
		return;
	}
	switch (path) {
		case '/ok':
			return response.end('ok');
		case '/moved':
			return redirect(response, 301, '/ok');
		case '/to-metadata':
			return redirect(response, 302, 'http://169.254.169.254/latest/meta-data/');
		case '/to-intranet':
			return redirect(response, 301, 'http://intranet.example/');
		case '/found':
			return redirect(response, 302, '/ok');
		case '/moved-then-found':
			return redirect(response, 308, '/found');
		case '/missing':
			return response.writeHead(404).end();
		case '/broken':
			return response.writeHead(500).end();
		case '/flaky':
			return response.writeHead(hits === 1 ? 500 : 200).end();
		case '/limited':
			return hits === 1
				? response.writeHead(429, { 'retry-after': '1' }).end()
				: response.end('ok');
		case '/slow': {
			const timer = setTimeout(() => response.end('late'), 2000);
			response.on('close', () => clearTimeout(timer));
			return;
		}
		case '/reset':
			return request.socket.destroy();
		case '/no-head':
			return response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
		case '/loop-a':
			return redirect(response, 302, '/loop-b');
		case '/loop-b':
			return redirect(response, 302, '/loop-a');
		default:
			return response.writeHead(404).end();
	}
});

let base = '';
beforeAll(async () => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	requests.length = 0;
	inFlight = maxInFlight = 0;
});
afterEach(() => {
	vi.unstubAllGlobals();
});

const FILE = 'content/entries/paas/example.mdx';
/** The test server listens on loopback, which the checker refuses unless told, as here, explicitly. */
const FAST: LinkCheckOptions = {
	timeoutMs: 200,
	retries: 2,
	backoffMs: 5,
	allowAddresses: ['127.0.0.1'],
};
const notFound = (host: string) =>
	Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });

async function check(
	path: string,
	options: LinkCheckOptions = {},
	target: Partial<LinkTarget> = {},
) {
	const [result] = await checkLinks([{ file: FILE, url: base + path, line: 2, ...target }], {
		...FAST,
		...options,
	});
	return result!;
}

const methodsFor = (path: string) =>
	requests.filter((seen) => seen.path === path).map((seen) => seen.method);

describe('checkLinks', () => {
	it('reports a 200 as ok after one HEAD request', async () => {
		const result = await check('/ok');
		expect(result).toEqual({
			file: FILE,
			url: `${base}/ok`,
			line: 2,
			outcome: 'ok',
			status: 200,
			attempts: 1,
			detail: 'HTTP 200',
		});
		expect(methodsFor('/ok')).toEqual(['HEAD']);
	});

	it('reports a permanent redirect as moved, with the final URL as the suggestion', async () => {
		const result = await check('/moved');
		expect(result).toMatchObject({
			outcome: 'moved',
			status: 200,
			finalUrl: `${base}/ok`,
			attempts: 1,
		});
		expect(result.suggestion).toBe(`update url to ${base}/ok`);
	});

	it('suggests the address the permanent redirects lead to, not where a temporary one goes next', async () => {
		const result = await check('/moved-then-found');
		expect(result).toMatchObject({ outcome: 'moved', finalUrl: `${base}/ok` });
		expect(result.suggestion).toBe(`update url to ${base}/found`);
	});

	it('counts a temporary redirect that ends in 200 as ok', async () => {
		const result = await check('/found');
		expect(result).toMatchObject({ outcome: 'ok', status: 200, finalUrl: `${base}/ok` });
		expect(result.suggestion).toBeUndefined();
	});

	it('reports a 404 as dead and suggests an archived copy', async () => {
		const result = await check('/missing');
		expect(result).toMatchObject({ outcome: 'dead', status: 404, attempts: 1, detail: 'HTTP 404' });
		expect(result.suggestion).toBe(
			`add archiveUrl: https://web.archive.org/web/2024/${base}/missing, after checking the archived copy`,
		);
		expect(methodsFor('/missing')).toEqual(['HEAD']);
	});

	it('names the field in suggestions, and never suggests archiving an archive copy', async () => {
		const moved = await check('/moved', {}, { field: 'archiveUrl' });
		expect(moved.suggestion).toBe(`update archiveUrl to ${base}/ok`);
		const dead = await check('/missing', {}, { field: 'archiveUrl' });
		expect(dead.outcome).toBe('dead');
		expect(dead.suggestion).toMatch(/^replace archiveUrl with a copy that loads/);
	});

	it('gives up on a server that always fails after the configured retries', async () => {
		const result = await check('/broken', { retries: 2 });
		expect(result).toMatchObject({ outcome: 'error', status: 500, attempts: 3 });
		expect(result.detail).toBe('HTTP 500, 3 attempts');
		expect(methodsFor('/broken')).toEqual(['HEAD', 'HEAD', 'HEAD']);
	});

	it('retries a 500 and reports ok when the second attempt succeeds', async () => {
		const result = await check('/flaky');
		expect(result).toMatchObject({ outcome: 'ok', status: 200, attempts: 2 });
	});

	it('waits as long as Retry-After asks, up to the cap', async () => {
		const started = performance.now();
		const result = await check('/limited', { backoffMs: 1, maxRetryAfterMs: 250 });
		const waited = performance.now() - started;
		expect(result).toMatchObject({ outcome: 'ok', attempts: 2 });
		expect(waited).toBeGreaterThanOrEqual(240);
		expect(waited).toBeLessThan(900);
	});

	it('reports a response slower than the timeout as an error', async () => {
		const result = await check('/slow', { timeoutMs: 100, retries: 1 });
		expect(result).toMatchObject({ outcome: 'error', attempts: 2 });
		expect(result.status).toBeUndefined();
		expect(result.detail).toBe('timed out after 100 ms, 2 attempts');
		expect(methodsFor('/slow')).toEqual(['HEAD', 'GET', 'GET']);
	});

	it('reports a connection reset as an error after retrying', async () => {
		const result = await check('/reset', { retries: 2 });
		expect(result).toMatchObject({ outcome: 'error', attempts: 3 });
		expect(result.detail).toMatch(/^connection failed: .+, 3 attempts$/);
		expect(methodsFor('/reset')).toEqual(['HEAD', 'GET', 'GET', 'GET']);
	});

	it('falls back to GET when the server refuses HEAD', async () => {
		const result = await check('/no-head');
		expect(result).toMatchObject({ outcome: 'ok', status: 200, attempts: 1 });
		expect(result.detail).toMatch(/via GET/);
		expect(methodsFor('/no-head')).toEqual(['HEAD', 'GET']);
	});

	it('stops at a redirect loop', async () => {
		const result = await check('/loop-a');
		expect(result).toMatchObject({ outcome: 'error', status: 302, finalUrl: `${base}/loop-b` });
		expect(result.detail).toBe(`redirect loop back to ${base}/loop-a`);
		expect(requests).toHaveLength(2);
	});

	it('follows five redirects but not six', async () => {
		expect(await check('/hops/5')).toMatchObject({ outcome: 'ok', finalUrl: `${base}/hops/0` });
		const tooMany = await check('/hops/6');
		expect(tooMany).toMatchObject({ outcome: 'error', detail: 'more than 5 redirects' });
	});

	it('reports a host that does not resolve as dead, without retrying', async () => {
		const resolve = vi.fn(async (host: string) => {
			throw notFound(host);
		});
		const [gone, ok] = await checkLinks(
			[
				{ file: FILE, url: 'https://gone.invalid/' },
				{ file: FILE, url: `${base}/ok` },
			],
			{ ...FAST, resolve },
		);
		expect(gone).toMatchObject({
			outcome: 'dead',
			attempts: 1,
			detail: 'DNS lookup failed: getaddrinfo ENOTFOUND gone.invalid',
		});
		expect(gone!.suggestion).toMatch(/web\.archive\.org/);
		expect(ok!.outcome).toBe('ok');
		expect(resolve).toHaveBeenCalledTimes(1);
	});

	it('reports failed lookups as errors, not dead links, when no host answers at all', async () => {
		const results = await checkLinks(
			[
				{ file: FILE, url: 'https://one.example/' },
				{ file: FILE, url: 'https://two.example/' },
			],
			{
				...FAST,
				resolve: async (host) => {
					throw notFound(host);
				},
			},
		);
		expect(results.map((result) => result.outcome)).toEqual(['error', 'error']);
		expect(results[0]!.detail).toMatch(/no host answered/);
		expect(results[0]!.suggestion).not.toMatch(/archiveUrl/);
	});

	it('never has more than perHost requests in flight to one host', async () => {
		const targets = Array.from({ length: 12 }, (_, index) => ({
			file: FILE,
			url: `${base}/busy/${index}`,
		}));
		const results = await checkLinks(targets, { ...FAST, concurrency: 8, perHost: 2 });
		expect(results.map((result) => result.outcome)).toEqual(Array(12).fill('ok'));
		expect(maxInFlight).toBe(2);
	});

	it('never has more than concurrency requests in flight in all', async () => {
		const targets = Array.from({ length: 12 }, (_, index) => ({
			file: FILE,
			url: `${base}/busy/${index}`,
		}));
		await checkLinks(targets, { ...FAST, concurrency: 3, perHost: 10 });
		expect(requests).toHaveLength(12);
		expect(maxInFlight).toBe(3);
	});

	it('requests a URL listed twice once, and answers for both targets in order', async () => {
		const results = await checkLinks(
			[
				{ file: 'a.mdx', url: `${base}/ok` },
				{ file: 'b.mdx', url: `${base}/missing` },
				{ file: 'c.mdx', url: `${base}/ok` },
			],
			FAST,
		);
		expect(results.map(({ file, outcome }) => [file, outcome])).toEqual([
			['a.mdx', 'ok'],
			['b.mdx', 'dead'],
			['c.mdx', 'ok'],
		]);
		expect(methodsFor('/ok')).toEqual(['HEAD']);
	});

	it('formats a result as one line with its fix', async () => {
		expect(formatLinkResult(await check('/moved'))).toBe(
			`${FILE}: ${base}/moved: moved (HTTP 301, then 200) — update url to ${base}/ok`,
		);
	});

	describe('the link checker never reaches private networks', () => {
		it('tells public addresses from loopback, private, link-local, multicast and reserved ones', () => {
			expect(['93.184.215.14', '2606:4700::1111', '8.8.8.8'].every(isPublicAddress)).toBe(true);
			expect(
				[
					'127.0.0.1',
					'10.1.2.3',
					'172.20.0.1',
					'192.168.1.1',
					'169.254.169.254',
					'100.64.0.1',
					'224.0.0.251',
					'0.0.0.0',
					'255.255.255.255',
					'::1',
					'::',
					'fe80::1',
					'fd00::1',
					'ff02::1',
					'::ffff:127.0.0.1',
					'not-an-address',
				].some(isPublicAddress),
			).toBe(false);
		});

		it('refuses loopback unless the caller names it', async () => {
			const [result] = await checkLinks([{ file: FILE, url: `${base}/ok` }], {
				...FAST,
				allowAddresses: [],
			});
			expect(result).toMatchObject({
				outcome: 'error',
				detail: 'refused to connect: 127.0.0.1 is not a public address',
			});
			expect(requests).toEqual([]);
		});

		it('checks the address again after every redirect', async () => {
			expect(await check('/to-metadata')).toMatchObject({
				outcome: 'error',
				detail: 'refused to connect: 169.254.169.254 is not a public address',
			});
			const resolve = async () => [{ address: '10.0.0.7', family: 4 }];
			expect(await check('/to-intranet', { resolve })).toMatchObject({
				outcome: 'error',
				detail:
					'refused to connect: intranet.example resolves to 10.0.0.7, which is not a public address',
			});
		});

		it('stops at the overall deadline and says what it did not check', async () => {
			const results = await checkLinks(
				[
					{ file: FILE, url: `${base}/slow` },
					{ file: FILE, url: `${base}/ok` },
				],
				{ ...FAST, retries: 0, deadlineMs: 100, concurrency: 1, perHost: 1 },
			);
			for (const result of results)
				expect(result).toMatchObject({
					outcome: 'error',
					detail: "stopped: the run's 100 ms deadline passed",
				});
		});

		it('validates its options with a usage line', async () => {
			const errors: string[] = [];
			const spy = vi
				.spyOn(console, 'error')
				.mockImplementation((line: string) => void errors.push(line));
			try {
				expect(await checkLinksCli(['--timeout', '99999999999'])).toBe(2);
				expect(await checkLinksCli(['--concurrency', '0'])).toBe(2);
				expect(await checkLinksCli(['--bogus'])).toBe(2);
				expect(await checkLinksCli(['--changed-since', 'no-such-ref'], tmpdir())).toBe(2);
			} finally {
				spy.mockRestore();
			}
			expect(errors).toEqual([
				'--timeout must be a whole number from 1 to 600000, not "99999999999"\nusage: npm run check:links -- [--json] [--report file.md] [--changed-since <git ref>] [--timeout ms] [--concurrency n] [--deadline ms]',
				'--concurrency must be a whole number from 1 to 64, not "0"\nusage: npm run check:links -- [--json] [--report file.md] [--changed-since <git ref>] [--timeout ms] [--concurrency n] [--deadline ms]',
				"Unknown option '--bogus'\nusage: npm run check:links -- [--json] [--report file.md] [--changed-since <git ref>] [--timeout ms] [--concurrency n] [--deadline ms]",
				`--changed-since: git cannot compare with "no-such-ref"; fetch it first\nusage: npm run check:links -- [--json] [--report file.md] [--changed-since <git ref>] [--timeout ms] [--concurrency n] [--deadline ms]`,
			]);
		});
	});
});
