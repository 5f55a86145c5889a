/**
 * A Markdown table from a header row and body rows. Columns named in `right` are right-aligned,
 * for numbers. Pipes inside cells are escaped so a cell cannot split a row.
 */
export function markdownTable(
	header: string[],
	rows: (string | number)[][],
	right: number[] = [],
): string {
	const line = (cells: (string | number)[]) =>
		`| ${cells.map((cell) => String(cell).replaceAll('|', '\\|')).join(' | ')} |`;
	const rule = header.map((_, index) => (right.includes(index) ? '---:' : '---'));
	return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}
