import type { HealthData } from '../../src/schema/health.ts';

/**
 * Asks GitHub's GraphQL API about many repositories, a batch of aliased `repository` fields per
 * request. Waits out rate limits, retries server errors and network failures, and reports a
 * repository that GitHub does not know as missing. Anything it cannot make sense of is a
 * `RefreshError`, so that the caller changes nothing.
 */

export interface GitHubOptions {
	endpoint: string;
	token: string;
	/** The date written as `checked`, YYYY-MM-DD. */
	today: string;
	/** Repositories per request; GitHub charges one point per request of this shape. */
	batchSize?: number;
	/** Attempts per request when GitHub answers 5xx or cannot be reached. */
	attempts?: number;
	/** Pause before the second attempt; doubled for each further one. */
	retryDelayMs?: number;
	/** The longest rate-limit reset the run waits for before giving up. */
	maxWaitMs?: number;
	sleep?: (ms: number) => Promise<void>;
	now?: () => number;
}

export type RepositoryAnswer =
	{ outcome: 'checked'; health: HealthData } | { outcome: 'failed'; reason: string };

export class RefreshError extends Error {}

const REPOSITORY_FIELDS = `nameWithOwner isArchived licenseInfo { spdxId }
latestRelease { tagName publishedAt }
defaultBranchRef { target { ... on Commit { committedDate } } }`;

/** GitHub's answer for one repository, as far as this client reads it. */
interface RepositoryNode {
	nameWithOwner: string;
	isArchived: boolean;
	licenseInfo: { spdxId: string | null } | null;
	latestRelease: { tagName: string; publishedAt: string | null } | null;
	defaultBranchRef: { target: { committedDate?: string } | null } | null;
}

interface GraphQLAnswer {
	data?: Record<string, unknown> & { rateLimit?: { remaining: number; resetAt: string } };
	errors?: { type?: string; path?: (string | number)[]; message?: string }[];
}

export function batchQuery(count: number): string {
	const variables = Array.from({ length: count }, (_, i) => `$o${i}: String!, $n${i}: String!`);
	const fields = Array.from(
		{ length: count },
		(_, i) => `r${i}: repository(owner: $o${i}, name: $n${i}) { ${REPOSITORY_FIELDS} }`,
	);
	return `query Health(${variables.join(', ')}) {\nrateLimit { remaining resetAt }\n${fields.join('\n')}\n}`;
}

const DEFAULTS = {
	batchSize: 50,
	attempts: 3,
	retryDelayMs: 2000,
	maxWaitMs: 15 * 60_000,
	sleep: (ms: number) => new Promise<void>((done) => setTimeout(done, ms)),
	now: Date.now,
} satisfies Partial<GitHubOptions>;

type Settings = GitHubOptions & typeof DEFAULTS;

export async function fetchHealth(
	repositories: string[],
	options: GitHubOptions,
): Promise<Map<string, RepositoryAnswer>> {
	const settings: Settings = { ...DEFAULTS, ...options };
	const { batchSize, sleep, now, maxWaitMs } = settings;
	const answers = new Map<string, RepositoryAnswer>();
	for (let start = 0; start < repositories.length; start += batchSize) {
		const batch = repositories.slice(start, start + batchSize);
		const answer = await request(batch, settings);
		for (const [index, repository] of batch.entries()) {
			answers.set(repository, readRepository(answer, `r${index}`, repository, options.today));
		}
		const limit = answer.data?.rateLimit;
		if (limit && limit.remaining < 1 && start + batchSize < repositories.length) {
			await sleep(resetWait(Date.parse(limit.resetAt), now(), maxWaitMs));
		}
	}
	return answers;
}

async function request(batch: string[], options: Settings): Promise<GraphQLAnswer> {
	const { attempts, retryDelayMs, maxWaitMs, sleep, now } = options;
	const variables = Object.fromEntries(
		batch.flatMap((repository, i) => {
			const [owner, name] = repository.split('/');
			return [
				[`o${i}`, owner],
				[`n${i}`, name],
			];
		}),
	);
	const body = JSON.stringify({ query: batchQuery(batch.length), variables });
	let failures = 0;
	let waits = 0;
	for (;;) {
		let response: Response;
		try {
			response = await fetch(options.endpoint, {
				method: 'POST',
				headers: {
					authorization: `bearer ${options.token}`,
					'content-type': 'application/json',
					'user-agent': 'wrangling-lots-of-machines-refresh',
				},
				body,
				signal: AbortSignal.timeout(60_000),
			});
		} catch (error) {
			if (++failures >= attempts) {
				throw new RefreshError(`could not reach ${options.endpoint} (${describe(error)})`);
			}
			await sleep(retryDelayMs * 2 ** (failures - 1));
			continue;
		}
		if (response.status >= 500) {
			if (++failures >= attempts) {
				throw new RefreshError(`GitHub answered ${response.status} ${attempts} times`);
			}
			await sleep(retryDelayMs * 2 ** (failures - 1));
			continue;
		}
		if (response.status === 401) {
			throw new RefreshError('GitHub refused the token (401): check GITHUB_TOKEN');
		}
		const text = await response.text();
		const answer = parseAnswer(text, response.status);
		const limited =
			response.status === 403 ||
			response.status === 429 ||
			answer?.errors?.some((error) => error.type === 'RATE_LIMITED');
		if (limited) {
			if (++waits > 3) throw new RefreshError('GitHub kept answering "rate limited"');
			await sleep(rateLimitWait(response.headers, now(), maxWaitMs));
			continue;
		}
		if (response.status !== 200 || !answer) {
			throw new RefreshError(
				`GitHub answered ${response.status} with something that is not a GraphQL answer`,
			);
		}
		if (!answer.data || typeof answer.data !== 'object') {
			const reason = answer.errors?.map((error) => error.message).join('; ');
			throw new RefreshError(`GitHub's answer has no data${reason ? `: ${reason}` : ''}`);
		}
		return answer;
	}
}

function parseAnswer(text: string, status: number): GraphQLAnswer | undefined {
	try {
		const parsed: unknown = JSON.parse(text);
		return parsed && typeof parsed === 'object' ? (parsed as GraphQLAnswer) : undefined;
	} catch {
		if (status === 200) throw new RefreshError("GitHub's answer is not JSON");
		return undefined;
	}
}

/** How long to wait before asking again, from GitHub's Retry-After or rate-limit reset headers. */
function rateLimitWait(headers: Headers, now: number, maxWaitMs: number): number {
	const retryAfter = Number(headers.get('retry-after'));
	if (retryAfter > 0) return within(retryAfter * 1000, maxWaitMs);
	const reset = Number(headers.get('x-ratelimit-reset'));
	if (reset > 0) return resetWait(reset * 1000, now, maxWaitMs);
	// GitHub's advice for a secondary limit without either header: wait at least a minute.
	return within(60_000, maxWaitMs);
}

function resetWait(resetAt: number, now: number, maxWaitMs: number): number {
	return within(Math.max(0, resetAt - now) + 1000, maxWaitMs);
}

function within(waitMs: number, maxWaitMs: number): number {
	if (waitMs > maxWaitMs) {
		throw new RefreshError(
			`GitHub's rate limit resets in ${Math.ceil(waitMs / 60_000)} min, longer than the ${Math.round(maxWaitMs / 60_000)} min this run waits`,
		);
	}
	return waitMs;
}

function readRepository(
	answer: GraphQLAnswer,
	alias: string,
	repository: string,
	today: string,
): RepositoryAnswer {
	const node = answer.data![alias];
	const error = answer.errors?.find((candidate) => candidate.path?.[0] === alias);
	if (node === null || node === undefined) {
		if (error?.type === 'NOT_FOUND') {
			return { outcome: 'checked', health: { repository, checked: today, missing: true } };
		}
		return { outcome: 'failed', reason: error?.message ?? 'GitHub gave no answer for it' };
	}
	if (!isRepositoryNode(node)) {
		throw new RefreshError(`GitHub's answer for ${repository} is not shaped like a repository`);
	}
	const health: HealthData = { repository, checked: today, archived: node.isArchived };
	if (node.nameWithOwner.toLowerCase() !== repository.toLowerCase()) {
		health.movedTo = node.nameWithOwner;
	}
	const license = node.licenseInfo?.spdxId;
	if (license && license !== 'NOASSERTION') health.license = license;
	const release = node.latestRelease;
	if (release?.publishedAt) {
		health.latestRelease = { tag: release.tagName, date: release.publishedAt.slice(0, 10) };
	}
	const committed = node.defaultBranchRef?.target?.committedDate;
	if (committed) health.lastCommit = committed.slice(0, 10);
	return { outcome: 'checked', health };
}

const isDateTime = (value: unknown) =>
	typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value);

function isRepositoryNode(value: unknown): value is RepositoryNode {
	const node = value as RepositoryNode;
	return (
		typeof node === 'object' &&
		typeof node.nameWithOwner === 'string' &&
		typeof node.isArchived === 'boolean' &&
		(node.licenseInfo === null || typeof node.licenseInfo === 'object') &&
		(node.latestRelease === null ||
			(typeof node.latestRelease === 'object' &&
				typeof node.latestRelease.tagName === 'string' &&
				(node.latestRelease.publishedAt === null || isDateTime(node.latestRelease.publishedAt)))) &&
		(node.defaultBranchRef === null ||
			(typeof node.defaultBranchRef === 'object' &&
				(node.defaultBranchRef.target === null ||
					node.defaultBranchRef.target.committedDate === undefined ||
					isDateTime(node.defaultBranchRef.target.committedDate))))
	);
}

function describe(error: unknown): string {
	const cause = (error as { cause?: { code?: string } }).cause?.code;
	return cause ?? (error as Error).message;
}
