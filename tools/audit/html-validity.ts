import { join } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { DistSite } from './dist-site.ts';

export interface HtmlError {
	/** The HTML file, relative to the build output. */
	file: string;
	line: number;
	rule: string;
	message: string;
	selector: string | null;
}

export interface HtmlReport {
	files: number;
	errors: HtmlError[];
}

const validator = new HtmlValidate(
	new StaticConfigLoader({
		extends: ['html-validate:recommended'],
		rules: {
			// An entry's <title> is the tool's or paper's exact name, the words readers search for;
			// papers run past 70 characters, and search engines shorten what they display themselves.
			'long-title': 'off',
		},
	}),
);

/** Validates every HTML file of the build with html-validate's recommended rules. */
export async function validateHtml(site: DistSite): Promise<HtmlReport> {
	const errors: HtmlError[] = [];
	for (const file of site.pages.keys()) {
		const report = await validator.validateFile(join(site.dir, file));
		for (const message of report.results.flatMap((result) => result.messages)) {
			if (message.severity !== 2) continue;
			errors.push({
				file,
				line: message.line,
				rule: message.ruleId,
				message: message.message,
				selector: message.selector,
			});
		}
	}
	return { files: site.pages.size, errors };
}
