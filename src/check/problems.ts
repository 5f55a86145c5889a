/**
 * The one shape of a content problem, and the one way to print it: a terminal line and a GitHub
 * annotation. Everything in a problem may come from a contributed file, so printing makes it inert:
 * no control character reaches the terminal, and nothing from an entry can start a line.
 */

export interface Problem {
	severity: 'error' | 'warning';
	/** Path relative to the project root. */
	file: string;
	line: number;
	/** Dotted frontmatter field, or "file", "frontmatter", "body". */
	field: string;
	/** What is wrong. */
	message: string;
	/** How to put it right. */
	fix: string;
}

export type Report = (problem: Omit<Problem, 'severity'>, severity?: Problem['severity']) => void;

/** Escapes C0/C1 controls, line and paragraph separators, bidi controls and invisible characters. */
export function inert(text: string): string {
	return text.replace(
		/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g,
		(character) => `\\u{${character.codePointAt(0)!.toString(16).padStart(4, '0')}}`,
	);
}

/** A value from a file, quoted and cut short, fit to put in a message. */
export function quote(value: string, limit = 60): string {
	const text = JSON.stringify(value);
	return text.length > limit ? `${text.slice(0, limit - 3)}…` : text;
}

/** One line per problem: `file:line: field: what is wrong — how to fix it`. */
export function formatProblem(problem: Problem): string {
	const warning = problem.severity === 'warning' ? 'warning: ' : '';
	return inert(
		`${problem.file}:${problem.line}: ${warning}${problem.field}: ${problem.message} — ${problem.fix}`,
	);
}

/**
 * The same problem as a GitHub Actions workflow command, shown inline on the pull request. Data
 * and properties are escaped as GitHub documents for workflow commands.
 */
export function formatAnnotation(problem: Problem): string {
	const data = (text: string) =>
		text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
	return `::${problem.severity} file=${property(inert(problem.file))},line=${problem.line},title=${property(inert(problem.field))}::${data(inert(`${problem.message} — ${problem.fix}`))}`;
}

/** Problems in reading order: by file, then line. */
export function sortProblems(problems: Problem[]): Problem[] {
	return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
