import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../tools/cli/refresh.ts';
import { fetchHealth, RefreshError, type GitHubOptions } from '../../tools/health/github.ts';
import { ALPHA, fixtureProject, GAMMA } from '../support/fixture-project.ts';

/**
 * `npm run refresh` against a fake GitHub GraphQL endpoint on 127.0.0.1. The fake knows a few
 * repositories and plays a scripted sequence of answers: server errors, rate limits, garbage.
 */

interface Repository {
	nameWithOwner: string;
	isArchived: boolean;
	licenseInfo: { spdxId: string } | null;
	latestRelease: { tagName: string; publishedAt: string } | null;
	defaultBranchRef: { target: { committedDate: string } };
}

const KNOWN: Record<string, Repository> = {
	'delta-org/delta': {
		nameWithOwner: 'delta-org/delta',
		isArchived: false,
		licenseInfo: { spdxId: 'Apache-2.0' },
		latestRelease: { tagName: 'v1.31.0', publishedAt: '2026-08-12T10:00:00Z' },
		defaultBranchRef: { target: { committedDate: '2026-11-28T09:00:00Z' } },
	},
	'gamma-org/gamma': {
		nameWithOwner: 'gamma-org/gamma',
		isArchived: true,
		licenseInfo: { spdxId: 'MIT' },
		latestRelease: null,
		defaultBranchRef: { target: { committedDate: '2020-03-01T00:00:00Z' } },
	},
	'old-owner/renamed': {
		nameWithOwner: 'new-owner/renamed',
		isArchived: false,
		licenseInfo: null,
		latestRelease: null,
		defaultBranchRef: { target: { committedDate: '2026-10-01T00:00:00Z' } },
	},
};

/** What the next requests get, in order; once used up, every request is answered normally. */
let script: ((response: ServerResponse) => void)[] = [];
let requests: { variables: Record<string, string>; authorization: string | undefined }[] = [];

const server = createServer((request, response) => {
	let body = '';
	request.on('data', (chunk) => (body += chunk));
	request.on('end', () => {
		const { variables } = JSON.parse(body) as { variables: Record<string, string> };
		requests.push({ variables, authorization: request.headers.authorization });
		const scripted = script.shift();
		if (scripted) return scripted(response);
		const data: Record<string, unknown> = {
			rateLimit: { remaining: 4000, resetAt: '2026-12-01T12:00:00Z' },
		};
		const errors: unknown[] = [];
		for (let i = 0; `o${i}` in variables; i++) {
			const repository = `${variables[`o${i}`]}/${variables[`n${i}`]}`;
			data[`r${i}`] = KNOWN[repository] ?? null;
			if (!KNOWN[repository]) {
				errors.push({
					type: 'NOT_FOUND',
					path: [`r${i}`],
					message: `Could not resolve to a Repository with the name '${repository}'.`,
				});
			}
		}
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify(errors.length ? { data, errors } : { data }));
	});
});

let endpoint: string;
beforeAll(async () => {
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => {
	script = [];
	requests = [];
});

const waits: number[] = [];
const options = (extra: Partial<GitHubOptions> = {}): GitHubOptions => ({
	endpoint,
	token: 'test-token',
	today: '2026-12-01',
	retryDelayMs: 1,
	sleep: async (ms) => void waits.push(ms),
	...extra,
});

describe('the GitHub client', () => {
	beforeEach(() => void waits.splice(0));

	it('asks in batches, with the token, and reads each repository', async () => {
		const repositories = ['delta-org/delta', 'gamma-org/gamma', 'old-owner/renamed', 'gone/away'];
		const answers = await fetchHealth(repositories, options({ batchSize: 3 }));
		expect(requests.map(({ variables }) => Object.keys(variables).length / 2)).toEqual([3, 1]);
		expect(requests[0]!.authorization).toBe('bearer test-token');
		expect(answers.get('delta-org/delta')).toEqual({
			outcome: 'checked',
			health: {
				repository: 'delta-org/delta',
				checked: '2026-12-01',
				archived: false,
				license: 'Apache-2.0',
				latestRelease: { tag: 'v1.31.0', date: '2026-08-12' },
				lastCommit: '2026-11-28',
			},
		});
		expect(answers.get('gamma-org/gamma')).toMatchObject({ health: { archived: true } });
		expect(answers.get('old-owner/renamed')).toMatchObject({
			health: { movedTo: 'new-owner/renamed' },
		});
		expect(answers.get('gone/away')).toEqual({
			outcome: 'checked',
			health: { repository: 'gone/away', checked: '2026-12-01', missing: true },
		});
	});

	it('retries a 502 and then succeeds', async () => {
		script = [(response) => response.writeHead(502).end('Bad gateway')];
		const answers = await fetchHealth(['delta-org/delta'], options());
		expect(requests).toHaveLength(2);
		expect(waits).toEqual([1]);
		expect(answers.get('delta-org/delta')!.outcome).toBe('checked');
	});

	it('gives up after three server errors', async () => {
		script = Array(3).fill((response: ServerResponse) => response.writeHead(503).end());
		await expect(fetchHealth(['delta-org/delta'], options())).rejects.toThrow(
			new RefreshError('GitHub answered 503 3 times'),
		);
	});

	const now = Date.parse('2026-12-01T10:00:00Z');
	/** GitHub's answer once the hourly limit is spent, resetting `seconds` from now. */
	const limitedFor = (seconds: number) => (response: ServerResponse) =>
		response
			.writeHead(403, {
				'x-ratelimit-remaining': '0',
				'x-ratelimit-reset': String(now / 1000 + seconds),
			})
			.end('{"message":"API rate limit exceeded"}');

	it('waits for the rate limit to reset, then asks again', async () => {
		script = [limitedFor(30)];
		const answers = await fetchHealth(['delta-org/delta'], options({ now: () => now }));
		expect(waits).toEqual([31_000]);
		expect(requests).toHaveLength(2);
		expect(answers.get('delta-org/delta')!.outcome).toBe('checked');
	});

	it('refuses to wait longer than it may', async () => {
		script = [limitedFor(3600)];
		await expect(
			fetchHealth(['delta-org/delta'], options({ now: () => now, maxWaitMs: 60_000 })),
		).rejects.toThrow(/resets in 61 min, longer than the 1 min this run waits/);
	});

	it('keeps the rest of a batch when one repository fails', async () => {
		script = [
			(response) =>
				response.end(
					JSON.stringify({
						data: { r0: KNOWN['delta-org/delta'], r1: null },
						errors: [{ type: 'SERVICE_UNAVAILABLE', path: ['r1'], message: 'timed out' }],
					}),
				),
		];
		const answers = await fetchHealth(['delta-org/delta', 'gamma-org/gamma'], options());
		expect(answers.get('delta-org/delta')!.outcome).toBe('checked');
		expect(answers.get('gamma-org/gamma')).toEqual({ outcome: 'failed', reason: 'timed out' });
	});

	it.each([
		['not JSON', (response: ServerResponse) => response.end('<html>oops</html>'), 'not JSON'],
		[
			'no data',
			(response: ServerResponse) => response.end('{"errors":[{"message":"Bad query"}]}'),
			'no data: Bad query',
		],
		[
			'a repository of the wrong shape',
			(response: ServerResponse) => response.end('{"data":{"r0":{"nameWithOwner":7}}}'),
			'not shaped like a repository',
		],
	])('refuses an answer that is %s', async (_, answer, message) => {
		script = [answer];
		await expect(fetchHealth(['delta-org/delta'], options())).rejects.toThrow(message);
	});
});

describe('npm run refresh', () => {
	const project = () => {
		const fixture = fixtureProject();
		fixture.edit(GAMMA, 'topic: paas', 'topic: paas\nrepository: gamma-org/gamma');
		return fixture;
	};
	const healthDir = (root: string) => join(root, 'content/health');
	const snapshot = (root: string) =>
		Object.fromEntries(
			readdirSync(healthDir(root)).map((name) => [
				name,
				readFileSync(join(healthDir(root), name), 'utf8'),
			]),
		);
	const run = (root: string, env: NodeJS.ProcessEnv) => main([], root, env, '2026-12-01');

	it('writes one file per tracked entry, as the entry pages read them', async () => {
		const { root } = project();
		const log = vi.spyOn(console, 'log').mockImplementation(() => {});
		expect(await run(root, { GITHUB_TOKEN: 't', GITHUB_GRAPHQL_URL: endpoint })).toBe(0);
		expect(Object.keys(snapshot(root)).sort()).toEqual(['delta-mesh.json', 'gamma-platform.json']);
		expect(JSON.parse(snapshot(root)['gamma-platform.json']!)).toMatchObject({ archived: true });
		expect(log.mock.calls.at(-1)![0]).toBe(
			'refresh: 2 repositories asked: 1 archived, 0 moved, 0 missing, 0 not answered; 2 file(s) changed.',
		);
		log.mockRestore();
	});

	it('changes nothing and says why in one line without a token', async () => {
		const { root } = project();
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(await run(root, { GITHUB_GRAPHQL_URL: endpoint })).toBe(1);
		expect(error.mock.calls).toEqual([
			['refresh: set GITHUB_TOKEN (any token may read public repositories); nothing was changed.'],
		]);
		expect(requests).toEqual([]);
		error.mockRestore();
	});

	it('changes nothing when GitHub cannot be reached or answers garbage', async () => {
		const { root } = project();
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		await run(root, { GITHUB_TOKEN: 't', GITHUB_GRAPHQL_URL: endpoint });
		const before = snapshot(root);

		const closed = createServer();
		await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
		const unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql`;
		await new Promise<void>((done) => closed.close(() => done()));

		script = [(response) => response.end('{"data": 42}')];
		expect(await run(root, { GITHUB_TOKEN: 't', GITHUB_GRAPHQL_URL: endpoint })).toBe(1);
		expect(await run(root, { GITHUB_TOKEN: 't', GITHUB_GRAPHQL_URL: unreachable })).toBe(1);
		expect(error.mock.calls.map(([line]) => line)).toEqual([
			"refresh: GitHub's answer has no data; nothing was changed.",
			`refresh: could not reach ${unreachable} (ECONNREFUSED); nothing was changed.`,
		]);
		expect(snapshot(root)).toEqual(before);
		vi.restoreAllMocks();
	}, 20_000);
});

describe('npm run check, given health data', () => {
	it('warns where GitHub contradicts an entry, on the entry and its field', async () => {
		const fixture = fixtureProject();
		fixture.edit(
			ALPHA,
			'url: https://alpha.example.org/',
			'url: https://alpha.example.org/\nrepository: old-owner/renamed',
		);
		fixture.edit(ALPHA, 'license: Apache-2.0', 'license: MIT');
		fixture.edit(GAMMA, 'topic: paas', 'topic: paas\nrepository: gamma-org/gamma');
		fixture.edit(GAMMA, 'status: archived', 'status: active');
		fixture.write(
			'content/health/alpha-scheduler.json',
			JSON.stringify({
				repository: 'old-owner/renamed',
				checked: '2026-12-01',
				archived: false,
				movedTo: 'new-owner/renamed',
				license: 'Apache-2.0',
			}),
		);
		fixture.write(
			'content/health/gamma-platform.json',
			JSON.stringify({ repository: 'gamma-org/gamma', checked: '2026-12-01', archived: true }),
		);
		fixture.write('content/health/nobody.json', '{"repository": "a/b", "checked": "2026-12-01"}');
		fixture.write('content/health/broken.json', '{"repository": 1}');
		expect(
			(await fixture.problems(new Date('2026-12-01'))).filter(
				(line) => !line.includes('reviewed:'),
			),
		).toEqual([
			`${ALPHA}:4: warning: repository: names old-owner/renamed, which now answers as new-owner/renamed (GitHub, 2026-12-01) — write repository: new-owner/renamed`,
			`${ALPHA}:15: warning: license: is "MIT", but GitHub detects Apache-2.0 in old-owner/renamed (GitHub, 2026-12-01) — read the repository's licence file and write what it says`,
			`${GAMMA}:9: warning: status: is "active", but gamma-org/gamma is archived (GitHub, 2026-12-01) — write status: archived with a statusNote saying when, or point repository: at the living fork`,
			'content/health/broken.json:1: file: is not health data as `npm run refresh` writes it — delete it; only `npm run refresh` writes content/health/',
			'content/health/nobody.json:1: warning: file: belongs to no entry "nobody" — run `npm run refresh`, or delete the file',
		]);
	});
});
