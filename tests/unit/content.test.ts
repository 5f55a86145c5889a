import { expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/check/index.ts';
import { PROJECT_ROOT } from '../../tools/harness/project-copy.ts';

it('every file under content/ passes npm run check', async () => {
	const errors = (await checkContent(PROJECT_ROOT)).problems.filter(
		({ severity }) => severity === 'error',
	);
	expect(errors.map(formatProblem)).toEqual([]);
});
