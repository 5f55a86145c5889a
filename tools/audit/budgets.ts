import type { ExternalLinkReport } from './external-links.ts';
import type { HtmlReport } from './html-validity.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { LinkReport } from './links.ts';
import type { PageAudit } from './page-audit.ts';

/** The limits the audit holds the site to; `npm run audit` fails when any is missed. */
export const BUDGETS = {
	/** Every Lighthouse category, on mobile, for every scored page kind. */
	lighthouseScore: 100,
	axeViolations: 0,
	htmlErrors: 0,
	brokenLinks: 0,
	/** An entry page before any interaction, as a compressing static host sends it. */
	entryBytes: 15 * 1024,
	entryJsBytes: 2 * 1024,
	cspViolations: 0,
	thirdPartyRequests: 0,
	unguardedExternalLinks: 0,
} as const;

/** The name of the blank page scored before and after the site's pages. */
export const CONTROL_KIND = 'blank control';

/** What one audit found; `lighthouse` and `lighthouseControl` are absent when it was skipped. */
export interface AuditFindings {
	lighthouse?: LighthouseResult[];
	/** A blank page's mobile scores, before and after the site's: what the machine alone costs. */
	lighthouseControl?: LighthouseResult[];
	pages: PageAudit[];
	html: HtmlReport;
	/** One report per build: at the root, and under a base path. */
	links: LinkReport[];
	externalLinks: ExternalLinkReport;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every budget the findings miss, one readable line each; empty when all are met. */
export function findMisses(findings: AuditFindings): string[] {
	const misses: string[] = [];
	const control = findings.lighthouseControl?.map((result) => result.scores.performance);
	const controlNote = control?.length
		? ` (a blank page scored ${control.join(' and ')} on this machine in the same run)`
		: '';
	for (const result of findings.lighthouse ?? []) {
		if (result.formFactor !== 'mobile') continue;
		for (const [category, score] of Object.entries(result.scores)) {
			if (score < BUDGETS.lighthouseScore)
				misses.push(
					`Lighthouse ${category} on the ${result.kind} page (mobile): ${score} < ${BUDGETS.lighthouseScore}${category === 'performance' ? controlNote : ''}`,
				);
		}
	}
	for (const page of findings.pages) {
		const where = `${page.kind} page`;
		if (page.axe.length > BUDGETS.axeViolations)
			misses.push(`axe on the ${where}: ${page.axe.map((violation) => violation.rule).join(', ')}`);
		if (page.cspViolations.length > BUDGETS.cspViolations)
			misses.push(`${page.cspViolations.length} CSP violation(s) on the ${where}`);
		if (page.thirdPartyRequests.length > BUDGETS.thirdPartyRequests)
			misses.push(
				`${page.thirdPartyRequests.length} third-party request(s) on the ${where}: ${page.thirdPartyRequests.join(' ')}`,
			);
		// The search page's whole purpose is searching, so it loads the search code at once.
		if (page.kind !== 'search') {
			if (page.searchCode.beforeFocus.length)
				misses.push(
					`search code loads before any focus on the ${where}: ${page.searchCode.beforeFocus.join(' ')}`,
				);
			if (!page.searchCode.afterFocus.length)
				misses.push(`no search code loads when the header box is focused on the ${where}`);
		}
		if (page.kind === 'entry') {
			const { gzipBytes, jsGzipBytes } = page.beforeInteraction;
			if (gzipBytes > BUDGETS.entryBytes)
				misses.push(`entry page transfers ${kb(gzipBytes)} (gzip) > ${kb(BUDGETS.entryBytes)}`);
			if (jsGzipBytes > BUDGETS.entryJsBytes)
				misses.push(
					`entry page loads ${kb(jsGzipBytes)} of JavaScript (gzip) > ${kb(BUDGETS.entryJsBytes)}`,
				);
		}
	}
	if (findings.html.errors.length > BUDGETS.htmlErrors)
		misses.push(`html-validate: ${findings.html.errors.length} error(s)`);
	for (const report of findings.links) {
		if (report.broken.length > BUDGETS.brokenLinks)
			misses.push(
				`${report.broken.length} broken internal link(s) in the build under ${report.base}`,
			);
	}
	const { unguarded } = findings.externalLinks;
	if (unguarded.length > BUDGETS.unguardedExternalLinks)
		misses.push(`${unguarded.length} external link(s) without rel="noopener noreferrer"`);
	return misses;
}
