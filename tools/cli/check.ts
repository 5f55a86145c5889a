import { checkContent } from '../../src/check/index.ts';
import { formatAnnotation, formatProblem } from '../../src/check/problems.ts';

/** `npm run check`: validates every entry, topic and reading path without a build. */
export async function main(_args: string[], root = process.cwd()): Promise<number> {
	const { problems, entries } = await checkContent(root);
	const errors = problems.filter((problem) => problem.severity === 'error');
	for (const problem of problems) {
		console.log(formatProblem(problem));
		if (process.env.GITHUB_ACTIONS === 'true') console.log(formatAnnotation(problem));
	}
	const warnings = problems.length - errors.length;
	console.log(
		errors.length
			? `✗ ${errors.length} error(s), ${warnings} warning(s) in ${entries.length} valid entries.`
			: `✓ ${entries.length} entries checked: no errors, ${warnings} warning(s).`,
	);
	return errors.length ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
