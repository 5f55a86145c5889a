import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { inert } from '../../src/check/problems.ts';
import { BlockedAddressError, safeAddress, systemResolve, type Resolve } from './addresses.ts';

/**
 * Asks every address the list points at whether it still answers, politely: HEAD first, a few
 * requests per host at a time, retries with back-off for failures that may pass. Redirects are
 * followed one hop at a time so a permanent move can be told apart from a temporary one.
 */

export interface LinkTarget {
	/** Path of the file the link is in, relative to the project root. */
	file: string;
	url: string;
	/** 1-based line of the link in `file`. */
	line?: number;
	/** Frontmatter field the link is in, named in suggestions; `url` unless given. */
	field?: string;
}

export type LinkOutcome = 'ok' | 'moved' | 'dead' | 'error';

export interface LinkResult {
	file: string;
	url: string;
	line?: number;
	/**
	 * `ok`: answered 2xx, directly or through temporary redirects. `moved`: answered 2xx after a
	 * permanent redirect. `dead`: answered 4xx (other than 429), or its host does not exist. `error`:
	 * still failing after the retries (timeouts, resets, 5xx, 429, redirect loops).
	 */
	outcome: LinkOutcome;
	/** HTTP status of the last response, when there was one. */
	status?: number;
	/** Where the redirects ended, when there were any. */
	finalUrl?: string;
	/** Tries: 1 plus the retries used. Redirect hops, and a GET after a refused HEAD, are one try. */
	attempts: number;
	detail: string;
	/** How to fix the entry; set for every outcome but `ok`. */
	suggestion?: string;
}

export interface LinkCheckOptions {
	/** Time allowed for each request to answer with its headers. Default 10000. */
	timeoutMs?: number;
	/** Extra tries per link for timeouts, resets, 5xx and 429. Default 2. */
	retries?: number;
	/** Wait before the first retry, doubled for each one after. Default 500. */
	backoffMs?: number;
	/** Longest wait a server's Retry-After header can impose. Default 30000. */
	maxRetryAfterMs?: number;
	/** Requests in flight at once, in all. Default 8. */
	concurrency?: number;
	/** Requests in flight at once to any one host name. Default 2. */
	perHost?: number;
	/** Time allowed for the whole run; links not answered by then are errors. Default 600000. */
	deadlineMs?: number;
	/** How host names become addresses; the system resolver unless a test injects one. */
	resolve?: Resolve;
	/** Non-public addresses a caller explicitly allows (tests: a server on 127.0.0.1). */
	allowAddresses?: readonly string[];
}

/** Bounds for the numeric options; a timer cannot wait longer than about 24.8 days anyway. */
export const OPTION_LIMITS = {
	timeoutMs: { min: 1, max: 600_000 },
	retries: { min: 0, max: 10 },
	backoffMs: { min: 0, max: 60_000 },
	maxRetryAfterMs: { min: 0, max: 600_000 },
	concurrency: { min: 1, max: 64 },
	perHost: { min: 1, max: 16 },
	deadlineMs: { min: 1, max: 86_400_000 },
} as const;

type NumericOption = keyof typeof OPTION_LIMITS;
const DEFAULTS: Record<NumericOption, number> = {
	timeoutMs: 10_000,
	retries: 2,
	backoffMs: 500,
	maxRetryAfterMs: 30_000,
	concurrency: 8,
	perHost: 2,
	deadlineMs: 600_000,
};
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECTS = new Set([301, 308]);
/** Statuses with which a server says it does not do HEAD, though GET may work. */
const HEAD_REFUSED = new Set([405, 501]);
const HEADERS = {
	// Some sites refuse clients that do not look like a browser at all.
	'user-agent': 'Mozilla/5.0 (compatible; reading-list-link-check)',
	accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
};

/**
 * Checks each target's URL and returns one result per target, in the same order. A URL listed by
 * several targets is requested once.
 */
export async function checkLinks(
	targets: LinkTarget[],
	options: LinkCheckOptions = {},
): Promise<LinkResult[]> {
	const settings = { ...DEFAULTS };
	for (const key of Object.keys(DEFAULTS) as NumericOption[]) {
		const value = options[key] ?? DEFAULTS[key];
		const { min, max } = OPTION_LIMITS[key];
		if (!Number.isInteger(value) || value < min || value > max)
			throw new RangeError(`${key} must be a whole number from ${min} to ${max}, not ${value}`);
		settings[key] = value;
	}
	const session: Session = {
		settings,
		limit: createLimit(settings.concurrency, settings.perHost),
		answered: false,
		deadline: Date.now() + settings.deadlineMs,
		connect: {
			resolve: options.resolve ?? systemResolve,
			allowed: options.allowAddresses ?? [],
		},
	};
	const pending = new Map<string, Promise<Verdict>>();
	for (const { url } of targets) if (!pending.has(url)) pending.set(url, checkUrl(url, session));
	const verdicts = new Map<string, Verdict>();
	for (const [url, verdict] of pending) verdicts.set(url, await verdict);

	return targets.map(({ file, url, line, field = 'url' }) => {
		const { movedTo, unresolved, ...found } = verdicts.get(url)!;
		// When no host answered at all, failed lookups say the network is down, not the links.
		const verdict: typeof found =
			unresolved && !session.answered
				? { ...found, outcome: 'error', detail: `${found.detail}, and no host answered: offline?` }
				: found;
		const suggestion = suggest(verdict.outcome, url, field, movedTo);
		return {
			file,
			url,
			...(line !== undefined && { line }),
			...verdict,
			...(suggestion && { suggestion }),
		};
	});
}

/** One line per link: `file: url: outcome (detail) — suggestion`. */
export function formatLinkResult(result: LinkResult): string {
	const suggestion = result.suggestion ? ` — ${result.suggestion}` : '';
	return inert(`${result.file}: ${result.url}: ${result.outcome} (${result.detail})${suggestion}`);
}

type Verdict = Omit<LinkResult, 'file' | 'url' | 'line' | 'suggestion'> & {
	movedTo?: string;
	/** Dead because the host name did not resolve. */
	unresolved?: boolean;
};

interface Session {
	settings: Record<NumericOption, number>;
	limit: Limit;
	/** Whether any request of the run got an HTTP response. */
	answered: boolean;
	/** When the run must stop asking (epoch ms). */
	deadline: number;
	connect: Connect;
}

interface Connect {
	resolve: Resolve;
	allowed: readonly string[];
}

function suggest(outcome: LinkOutcome, url: string, field: string, movedTo: string | undefined) {
	switch (outcome) {
		case 'ok':
			return undefined;
		case 'moved':
			return `update ${field} to ${movedTo}`;
		case 'dead':
			return field === 'archiveUrl'
				? 'replace archiveUrl with a copy that loads, e.g. from https://web.archive.org/'
				: `add archiveUrl: https://web.archive.org/web/2024/${url}, after checking the archived copy`;
		case 'error':
			return 'open it in a browser; if it fails there too, treat it as dead';
	}
}

async function checkUrl(url: string, session: Session): Promise<Verdict> {
	const { settings, limit } = session;
	let current: URL;
	try {
		current = new URL(url);
	} catch {
		return { outcome: 'error', attempts: 0, detail: 'not a valid URL' };
	}
	const visited = new Set([current.href]);
	let method: 'HEAD' | 'GET' = 'HEAD';
	let retriesUsed = 0;
	let redirects = 0;
	// The URL reached through the permanent redirects that come before any temporary one: that is
	// the address to write down, even if it then redirects temporarily (to a login page, a mirror…).
	let movedTo: string | undefined;
	let movedWith = 0;
	let onlyPermanent = true;

	for (;;) {
		const attempts = retriesUsed + 1;
		const end = (verdict: Omit<Verdict, 'attempts'>): Verdict => ({
			...verdict,
			...(redirects > 0 && { finalUrl: current.href }),
			attempts,
		});
		if (current.protocol !== 'https:' && current.protocol !== 'http:') {
			return end({ outcome: 'error', detail: `unsupported ${current.protocol} address` });
		}
		if (current.username || current.password) {
			return end({ outcome: 'error', detail: 'an address with user info ("…@") is not checked' });
		}
		const ask = (how: 'HEAD' | 'GET') =>
			limit(current.hostname, () => {
				const left = session.deadline - Date.now();
				if (left <= 0) return Promise.resolve(PAST_DEADLINE(settings.deadlineMs));
				return send(current, how, Math.min(settings.timeoutMs, left), session.connect);
			});
		let reply = await ask(method);
		const refused =
			'failure' in reply
				? !['dns', 'blocked', 'deadline'].includes(reply.failure.kind)
				: HEAD_REFUSED.has(reply.status);
		if (method === 'HEAD' && refused) {
			method = 'GET';
			reply = await ask('GET');
		}
		const via = method === 'GET' ? ', via GET as HEAD failed' : '';
		const tries = attempts > 1 ? `, ${attempts} attempts` : '';

		if ('failure' in reply) {
			const { kind, detail } = reply.failure;
			if (kind === 'dns') return end({ outcome: 'dead', detail, unresolved: true });
			if (kind === 'transient' && retriesUsed < settings.retries && Date.now() < session.deadline) {
				await sleep(settings.backoffMs * 2 ** retriesUsed++);
				continue;
			}
			return end({ outcome: 'error', detail: `${detail}${tries}` });
		}

		session.answered = true;
		const { status } = reply;
		if (REDIRECTS.has(status)) {
			if (!reply.location) {
				return end({ outcome: 'error', status, detail: `HTTP ${status} without a Location` });
			}
			let next: URL;
			try {
				next = new URL(reply.location, current);
			} catch {
				return end({ outcome: 'error', status, detail: `HTTP ${status} to an invalid address` });
			}
			if (visited.has(next.href)) {
				return end({ outcome: 'error', status, detail: `redirect loop back to ${next.href}` });
			}
			if (redirects === MAX_REDIRECTS) {
				return end({ outcome: 'error', status, detail: `more than ${MAX_REDIRECTS} redirects` });
			}
			if (onlyPermanent && PERMANENT_REDIRECTS.has(status)) {
				movedTo = next.href;
				movedWith ||= status;
			} else onlyPermanent = false;
			visited.add(next.href);
			redirects++;
			current = next;
			continue;
		}
		if (status >= 200 && status < 300) {
			if (movedTo) {
				return end({
					outcome: 'moved',
					status,
					detail: `HTTP ${movedWith}, then ${status}`,
					movedTo,
				});
			}
			const after = redirects ? `, after ${redirects} temporary redirect(s)` : '';
			return end({ outcome: 'ok', status, detail: `HTTP ${status}${after}${via}` });
		}
		if (status === 429 || status >= 500) {
			if (retriesUsed < settings.retries) {
				const backoff = settings.backoffMs * 2 ** retriesUsed++;
				const retryAfter = /^\s*\d+\s*$/.test(reply.retryAfter ?? '')
					? Number(reply.retryAfter) * 1000
					: undefined;
				await sleep(
					retryAfter === undefined ? backoff : Math.min(retryAfter, settings.maxRetryAfterMs),
				);
				continue;
			}
			return end({ outcome: 'error', status, detail: `HTTP ${status}${tries}` });
		}
		if (status >= 400) return end({ outcome: 'dead', status, detail: `HTTP ${status}${via}` });
		return end({ outcome: 'error', status, detail: `unexpected HTTP ${status}` });
	}
}

type Reply =
	{ status: number; location: string | null; retryAfter: string | null } | { failure: Failure };

interface Failure {
	/**
	 * `dns`: the host does not exist; `transient`: worth a retry; `fatal`: retrying will not help;
	 * `blocked`: the host is not a public address; `deadline`: the run's time is up.
	 */
	kind: 'dns' | 'transient' | 'fatal' | 'blocked' | 'deadline';
	detail: string;
}

const PAST_DEADLINE = (deadlineMs: number): Reply => ({
	failure: { kind: 'deadline', detail: `stopped: the run's ${deadlineMs} ms deadline passed` },
});

class TimeoutError extends Error {}

/**
 * One request, with no redirect followed. The connection goes to the very address that was
 * checked (the lookup hands it over), so a second DNS answer cannot swap in a private one.
 */
async function send(
	url: URL,
	method: 'HEAD' | 'GET',
	timeoutMs: number,
	connect: Connect,
): Promise<Reply> {
	// Node connects to a literal IP host without calling the lookup: check it here.
	if (isIP(url.hostname.replace(/^\[|\]$/g, ''))) {
		try {
			await safeAddress(url.hostname, connect.resolve, connect.allowed);
		} catch (error) {
			return { failure: describeFailure(error, timeoutMs) };
		}
	}
	return new Promise<Reply>((done) => {
		const pinnedLookup: LookupFunction = (hostname, options, callback) => {
			safeAddress(hostname, connect.resolve, connect.allowed).then(
				({ address, family }) =>
					options.all ? callback(null, [{ address, family }]) : callback(null, address, family),
				(error: NodeJS.ErrnoException) => callback(error, '', 0),
			);
		};
		const fail = (error: unknown) => done({ failure: describeFailure(error, timeoutMs) });
		const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
			url,
			{ method, headers: HEADERS, lookup: pinnedLookup },
			(response: IncomingMessage) => {
				clearTimeout(timer);
				// Only the status and headers matter; dropping the body frees the connection.
				response.destroy();
				done({
					status: response.statusCode ?? 0,
					location: response.headers.location ?? null,
					retryAfter: (response.headers['retry-after'] as string | undefined) ?? null,
				});
			},
		);
		const timer = setTimeout(() => request.destroy(new TimeoutError()), timeoutMs);
		request.on('error', (error) => {
			clearTimeout(timer);
			fail(error);
		});
		request.end();
	});
}

function describeFailure(error: unknown, timeoutMs: number): Failure {
	if (!(error instanceof Error)) return { kind: 'fatal', detail: String(error) };
	if (error instanceof TimeoutError)
		return { kind: 'transient', detail: `timed out after ${timeoutMs} ms` };
	if (error instanceof BlockedAddressError)
		return { kind: 'blocked', detail: `refused to connect: ${error.message}` };
	const code = (error as NodeJS.ErrnoException).code ?? '';
	const message =
		code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
	if (code === 'ENOTFOUND') return { kind: 'dns', detail: `DNS lookup failed: ${message}` };
	if (/CERT|TLS|SSL/.test(code)) return { kind: 'fatal', detail: `TLS failed: ${message}` };
	return { kind: 'transient', detail: `connection failed: ${message}` };
}

type Limit = <T>(host: string, task: () => Promise<T>) => Promise<T>;

/** Runs tasks with at most `total` in flight, and at most `perHost` for any one host. */
function createLimit(total: number, perHost: number): Limit {
	let running = 0;
	const runningByHost = new Map<string, number>();
	const queue: { host: string; start: () => void }[] = [];
	const startWhatFits = () => {
		for (let index = 0; index < queue.length && running < total;) {
			const { host, start } = queue[index]!;
			const busy = runningByHost.get(host) ?? 0;
			if (busy >= perHost) {
				index++;
				continue;
			}
			queue.splice(index, 1);
			running++;
			runningByHost.set(host, busy + 1);
			start();
		}
	};
	return async (host, task) => {
		await new Promise<void>((start) => {
			queue.push({ host, start });
			startWhatFits();
		});
		try {
			return await task();
		} finally {
			running--;
			const left = runningByHost.get(host)! - 1;
			if (left) runningByHost.set(host, left);
			else runningByHost.delete(host);
			startWhatFits();
		}
	};
}

function sleep(ms: number) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
