import type { Page } from 'playwright-core';

/** Chromium's console wording for anything a Content-Security-Policy blocked. */
const VIOLATION = /Content[- ]Security[- ]Policy/i;

/** Collects, as they happen, the CSP violations Chromium reports in a page's console. */
export function recordCspViolations(page: Page): string[] {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && VIOLATION.test(message.text()))
			violations.push(message.text());
	});
	return violations;
}
