import { checkContent, formatAnnotation, formatProblem } from '../../src/check/index.ts';

/** `npm run check`: validates every entry, topic and reading path without a build. */
const { problems, entries } = checkContent(process.cwd());
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
process.exitCode = errors.length ? 1 : 0;
