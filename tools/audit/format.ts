import { markdownTable } from '../measure/markdown-table.ts';
import type { AuditFindings } from './budgets.ts';
import type { HtmlError } from './html-validity.ts';

/** Details listed per problem kind before the rest is summed up as "…and N more". */
const DETAIL_LIMIT = 8;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The audit as Markdown: tables for pages, Lighthouse and file checks, then details and misses. */
export function formatAudit(findings: AuditFindings, misses: string[]): string {
	const details = problemDetails(findings);
	return [
		'## Pages, before any interaction',
		pageTable(findings),
		'## Lighthouse',
		findings.lighthouse
			? lighthouseTable([...findings.lighthouse, ...(findings.lighthouseControl ?? [])])
			: 'Skipped (--skip-lighthouse).',
		'## Files',
		fileTable(findings),
		...(details.length ? ['## Details', details.map((line) => `- ${line}`).join('\n')] : []),
		'## Budgets',
		misses.length ? misses.map((miss) => `- MISSED: ${miss}`).join('\n') : 'All budgets met.',
	].join('\n\n');
}

function pageTable({ pages }: AuditFindings): string {
	const header = ['page', 'requests', 'KB uncompressed', 'KB sent (gzip)', 'JS KB', 'JS KB sent'];
	header.push('search code before / after focus', 'CSP violations', 'third-party', 'axe');
	const rows = pages.map(({ kind, beforeInteraction: sent, searchCode, ...page }) => [
		kind,
		sent.requests,
		kb(sent.bytes),
		kb(sent.gzipBytes),
		kb(sent.jsBytes),
		kb(sent.jsGzipBytes),
		`${searchCode.beforeFocus.length} / ${searchCode.afterFocus.length}`,
		page.cspViolations.length,
		page.thirdPartyRequests.length,
		page.axe.length,
	]);
	return markdownTable(header, rows, [1, 2, 3, 4, 5, 7, 8, 9]);
}

function lighthouseTable(results: NonNullable<AuditFindings['lighthouse']>): string {
	const header = ['page', 'form', 'performance', 'accessibility', 'best practices', 'SEO'];
	header.push('performance runs', 'CPU slowdown (benchmark)', 'short of full marks');
	const rows = results.map((result) => [
		result.kind,
		result.formFactor,
		result.scores.performance,
		result.scores.accessibility,
		result.scores['best-practices'],
		result.scores.seo,
		result.performanceRuns.join(' '),
		`${result.cpuSlowdown}x (${result.benchmarkIndex})`,
		result.shortfalls
			.map(({ id, displayValue }) => (displayValue ? `${id} (${displayValue})` : id))
			.join(', ') || '–',
	]);
	return markdownTable(header, rows, [2, 3, 4, 5]);
}

function fileTable({ html, links, externalLinks }: AuditFindings): string {
	return markdownTable(
		['check', 'result'],
		[
			['html-validate', `${html.files} files, ${html.errors.length} errors`],
			...links.map((report) => [
				`internal links, base ${report.base}`,
				`${report.pages} pages, ${report.links} links, ${report.broken.length} broken`,
			]),
			[
				'external links',
				`${externalLinks.links} links, ${externalLinks.unguarded.length} without rel="noopener noreferrer"`,
			],
		],
	);
}

function problemDetails(findings: AuditFindings): string[] {
	const { pages, html, links, externalLinks } = findings;
	return [
		...pages.flatMap(({ kind, axe }) =>
			axe.map(
				({ rule, impact, help, targets }) =>
					`axe ${rule} (${impact}) on the ${kind} page: ${help} — ${targets.join(', ')}`,
			),
		),
		...pages.flatMap(({ kind, cspViolations }) =>
			cspViolations.map((text) => `CSP on the ${kind} page: ${text}`),
		),
		...htmlErrorsByRule(html.errors),
		...links.flatMap(({ base, broken }) =>
			limit(
				broken.map(
					({ page, href, reason }) => `broken link (base ${base}) in ${page}: ${href} ${reason}`,
				),
			),
		),
		...limit(
			externalLinks.unguarded.map(
				({ page, href }) => `external link without rel="noopener noreferrer" in ${page}: ${href}`,
			),
		),
	];
}

/** One line per rule: how often it fired, and where first. */
function htmlErrorsByRule(errors: HtmlError[]): string[] {
	return [...Map.groupBy(errors, (error) => error.rule)].map(([rule, [first, ...rest]]) => {
		const where = `${first!.file}:${first!.line}`;
		return `html-validate ${rule}: ${rest.length + 1} error(s), first ${where}: ${first!.message}`;
	});
}

function limit(lines: string[]): string[] {
	if (lines.length <= DETAIL_LIMIT) return lines;
	return [...lines.slice(0, DETAIL_LIMIT), `…and ${lines.length - DETAIL_LIMIT} more`];
}
