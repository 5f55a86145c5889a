import type { LinkResult } from './link-health.ts';

/**
 * The weekly link report, as Markdown for one GitHub issue: what is dead, what moved, what could
 * not be checked, each with the file and line to edit and what to write there.
 */
export function linkReport(results: LinkResult[], date: string): string {
	const problems = results.filter((result) => result.outcome !== 'ok');
	const count = (outcome: LinkResult['outcome']) =>
		results.filter((result) => result.outcome === outcome).length;
	const lines = [
		`Link health on ${date}: ${results.length} links checked, ${count('ok')} ok, ${count('moved')} moved, ${count('dead')} dead, ${count('error')} could not be checked.`,
		'',
	];
	if (!problems.length) return `${lines.join('\n')}Every link answers.\n`;
	const headings = { dead: 'Dead', moved: 'Moved', error: 'Could not be checked' } as const;
	for (const outcome of ['dead', 'moved', 'error'] as const) {
		const rows = problems.filter((result) => result.outcome === outcome);
		if (!rows.length) continue;
		lines.push(
			`### ${headings[outcome]} (${rows.length})`,
			'',
			'| where | link | what happened | what to do |',
			'| --- | --- | --- | --- |',
		);
		for (const row of rows) {
			const where = `${row.file}${row.line ? `:${row.line}` : ''}`;
			lines.push(
				`| \`${cell(where)}\` | ${cell(row.url)} | ${cell(row.detail)} | ${cell(row.suggestion ?? '')} |`,
			);
		}
		lines.push('');
	}
	return `${lines.join('\n')}\nThis issue is rewritten by each weekly run of \`npm run check:links\`; close it once the list is empty.\n`;
}

/** Table cells hold addresses and server messages: nothing in them may become Markdown or HTML. */
function cell(text: string): string {
	return text
		.replace(/[\r\n]+/g, ' ')
		.replace(/[|<>`[\]]/g, (character) => `&#${character.charCodeAt(0)};`);
}
