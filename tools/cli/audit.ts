import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BUDGETS, CONTROL_KIND, findMisses, type AuditFindings } from '../audit/budgets.ts';
import { readDistSite } from '../audit/dist-site.ts';
import { checkExternalLinks } from '../audit/external-links.ts';
import { formatAudit } from '../audit/format.ts';
import { validateHtml } from '../audit/html-validity.ts';
import { scorePage, type FormFactor, type LighthouseResult } from '../audit/lighthouse.ts';
import { serveControlPage } from '../audit/control-page.ts';
import { checkInternalLinks } from '../audit/links.ts';
import { auditPage } from '../audit/page-audit.ts';
import { LIGHTHOUSE_KINDS, PAGE_KINDS } from '../audit/page-kinds.ts';
import { launchChromium } from '../harness/chromium.ts';
import { copyProject, PROJECT_ROOT, type ProjectCopy } from '../harness/project-copy.ts';
import { serveStatic } from '../harness/static-server.ts';
import { positiveInteger } from './arguments.ts';

/**
 * `npm run audit`: builds the real site twice in throwaway copies, at the root and under the base
 * path /wlm/, so a build or test running in the work tree is never disturbed. Audits the first in
 * Chromium and on disk, checks the links of both, prints a table, writes audit/report.json, and
 * fails when a budget is missed.
 */

const USAGE =
	'usage: npm run audit -- [--skip-lighthouse] [--runs n (Lighthouse runs per page on mobile)]';
const BASE_PATH = '/wlm/';
/**
 * Only mobile is budgeted. Its simulated slow CPU multiplies whatever else the machine is doing:
 * on a shared 2-core machine one run in five or so drops to 87–96 on the same page. So each page
 * gets several runs and the median counts; desktop scores hold still and are only reported.
 */
const RUNS_ON_DESKTOP = 1;
const FORM_FACTORS: FormFactor[] = ['mobile', 'desktop'];

/** Runs the audit; resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
	let skipLighthouse: boolean;
	let runs: number;
	try {
		const { values } = parseArgs({
			args,
			options: {
				'skip-lighthouse': { type: 'boolean', default: false },
				runs: { type: 'string', default: '7' },
			},
		});
		skipLighthouse = values['skip-lighthouse'];
		runs = positiveInteger(values.runs, '--runs');
	} catch (error) {
		console.error(`${(error as Error).message}\n${USAGE}`);
		return 2;
	}

	const content = join(PROJECT_ROOT, 'content');
	const atRoot = copyProject(content, 'wlm-audit');
	const underBase = copyProject(content, 'wlm-audit-base');
	try {
		await build(atRoot, {}, 'at the root');
		await build(underBase, { BASE_PATH }, `under ${BASE_PATH}`);
		const site = readDistSite(join(atRoot.root, 'dist'));
		const findings: AuditFindings = {
			pages: await auditPages(site.dir),
			html: await validateHtml(site),
			links: [
				checkInternalLinks(site),
				checkInternalLinks(readDistSite(join(underBase.root, 'dist'), BASE_PATH)),
			],
			externalLinks: checkExternalLinks(site),
		};
		if (!skipLighthouse) Object.assign(findings, await runLighthouse(site.dir, runs));

		const misses = findMisses(findings);
		mkdirSync(join(PROJECT_ROOT, 'audit'), { recursive: true });
		const report = { generatedAt: new Date().toISOString(), budgets: BUDGETS, ...findings, misses };
		writeFileSync(
			join(PROJECT_ROOT, 'audit/report.json'),
			`${JSON.stringify(report, null, '\t')}\n`,
		);
		console.log(formatAudit(findings, misses));
		console.log('\nFull report: audit/report.json');
		return misses.length ? 1 : 0;
	} finally {
		atRoot.remove();
		underBase.remove();
	}
}

async function build(copy: ProjectCopy, env: Record<string, string>, label: string) {
	console.error(`Building the site ${label}…`);
	const { code, output } = await copy.build(env);
	if (code !== 0) throw new Error(`The site did not build ${label}:\n${output}`);
}

async function auditPages(distDir: string) {
	const server = await serveStatic(distDir);
	const browser = await launchChromium();
	try {
		const audits = [];
		for (const [kind, path] of Object.entries(PAGE_KINDS)) {
			console.error(`Auditing the ${kind} page…`);
			audits.push(await auditPage(browser, kind, server.url + path));
		}
		return audits;
	} finally {
		await browser.close();
		await server.close();
	}
}

/** Scores every Lighthouse page kind, between two scorings of a blank control page on mobile. */
async function runLighthouse(
	distDir: string,
	runs: number,
): Promise<Pick<AuditFindings, 'lighthouse' | 'lighthouseControl'>> {
	const server = await serveStatic(distDir);
	const control = await serveControlPage();
	const scoreControl = () => {
		console.error(`Lighthouse: blank control page, mobile, ${runs} run(s)…`);
		return scorePage(CONTROL_KIND, control.url, 'mobile', runs);
	};
	try {
		const lighthouseControl = [await scoreControl()];
		const lighthouse: LighthouseResult[] = [];
		for (const kind of LIGHTHOUSE_KINDS) {
			for (const formFactor of FORM_FACTORS) {
				const times = formFactor === 'mobile' ? runs : RUNS_ON_DESKTOP;
				console.error(`Lighthouse: ${kind} page, ${formFactor}, ${times} run(s)…`);
				lighthouse.push(await scorePage(kind, server.url + PAGE_KINDS[kind], formFactor, times));
			}
		}
		lighthouseControl.push(await scoreControl());
		return { lighthouse, lighthouseControl };
	} finally {
		await server.close();
		await control.close();
	}
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
