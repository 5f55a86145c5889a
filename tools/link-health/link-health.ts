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
}

const DEFAULTS: Required<LinkCheckOptions> = {
	timeoutMs: 10_000,
	retries: 2,
	backoffMs: 500,
	maxRetryAfterMs: 30_000,
	concurrency: 8,
	perHost: 2,
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
	for (const key of Object.keys(DEFAULTS) as (keyof LinkCheckOptions)[]) {
		settings[key] = options[key] ?? DEFAULTS[key];
	}
	if (!(settings.concurrency >= 1 && settings.perHost >= 1)) {
		throw new RangeError('concurrency and perHost must be at least 1');
	}
	const session: Session = {
		settings,
		limit: createLimit(settings.concurrency, settings.perHost),
		answered: false,
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
	return `${result.file}: ${result.url}: ${result.outcome} (${result.detail})${suggestion}`;
}

type Verdict = Omit<LinkResult, 'file' | 'url' | 'line' | 'suggestion'> & {
	movedTo?: string;
	/** Dead because the host name did not resolve. */
	unresolved?: boolean;
};

interface Session {
	settings: Required<LinkCheckOptions>;
	limit: Limit;
	/** Whether any request of the run got an HTTP response. */
	answered: boolean;
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
		let reply = await limit(current.hostname, () => send(current, method, settings.timeoutMs));
		const refused =
			'failure' in reply ? reply.failure.kind !== 'dns' : HEAD_REFUSED.has(reply.status);
		if (method === 'HEAD' && refused) {
			method = 'GET';
			reply = await limit(current.hostname, () => send(current, 'GET', settings.timeoutMs));
		}
		const via = method === 'GET' ? ', via GET as HEAD failed' : '';
		const tries = attempts > 1 ? `, ${attempts} attempts` : '';

		if ('failure' in reply) {
			const { kind, detail } = reply.failure;
			if (kind === 'dns') return end({ outcome: 'dead', detail, unresolved: true });
			if (kind === 'transient' && retriesUsed < settings.retries) {
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
	/** `dns`: the host does not exist; `transient`: worth a retry; `fatal`: retrying will not help. */
	kind: 'dns' | 'transient' | 'fatal';
	detail: string;
}

async function send(url: URL, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Reply> {
	try {
		const response = await fetch(url, {
			method,
			headers: HEADERS,
			redirect: 'manual',
			signal: AbortSignal.timeout(timeoutMs),
		});
		// Only the status and headers matter; dropping the body frees the connection.
		await response.body?.cancel().catch(() => {});
		return {
			status: response.status,
			location: response.headers.get('location'),
			retryAfter: response.headers.get('retry-after'),
		};
	} catch (error) {
		return { failure: describeFailure(error, timeoutMs) };
	}
}

function describeFailure(error: unknown, timeoutMs: number): Failure {
	if (!(error instanceof Error)) return { kind: 'fatal', detail: String(error) };
	if (error.name === 'TimeoutError') {
		return { kind: 'transient', detail: `timed out after ${timeoutMs} ms` };
	}
	// fetch reports network failures as "fetch failed", with the system error as the cause; a
	// failure without a cause is a request fetch refused to make at all.
	const cause = error.cause as { code?: string; message?: string } | undefined;
	if (!cause) return { kind: 'fatal', detail: error.message };
	const code = cause.code ?? '';
	const text = cause.message || error.message;
	const message = code && !text.includes(code) ? `${text} (${code})` : text;
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
